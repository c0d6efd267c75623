import type { UmeetClient } from '../core/api/client.js';
import type { ApiResult } from '../common/umeet-api.js';
import { toServiceTime } from '../core/meetings/meeting-state.js';

/** `umeet rooms --json`: one entry per licensed size, smallest first. */
export interface SizeAvailability {
  capacity: number;
  total: number;
  free: number;
}

/** The slot asked about: from `from`, for `minutes`. */
export interface RoomSlot {
  from: Date;
  minutes: number;
}

/**
 * Free rooms of every licensed size for one slot: the licence names the sizes (those with rooms),
 * then one `freeRooms` per size, in turn. All or nothing: the first failure is the answer, so a script
 * never reads a partial table as the whole licence.
 */
export async function availability(
  client: Pick<UmeetClient, 'licensing' | 'freeRooms'>,
  slot: RoomSlot,
): Promise<ApiResult<SizeAvailability[]>> {
  const licence = await client.licensing();
  if (!licence.ok) return licence;
  const sizes = Object.entries(licence.value.capacity)
    .filter(([size, rooms]) => rooms > 0 && /^\d+$/.test(size) && Number(size) > 0)
    .map(([size]) => Number(size))
    .sort((a, b) => a - b);
  const rows: SizeAvailability[] = [];
  for (const capacity of sizes) {
    const answer = await client.freeRooms({ meeting_capacity: capacity, start_time: toServiceTime(slot.from), duration: slot.minutes });
    if (!answer.ok) return answer;
    rows.push({ capacity, total: answer.value.total, free: answer.value.free });
  }
  return { ok: true, value: rows };
}
