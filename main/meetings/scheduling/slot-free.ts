import type { Result } from '../../../common/result.js';
import type { SlotFree, SlotQuery } from '../../../common/scheduled.js';
import { toServiceTime } from '../../../common/service-time.js';
import { failureText } from '../../../core/meetings/failure-text.js';
import { bySize, freeFor, type SizeRooms } from '../availability.js';
import { failed, type Kept, type SchedulingDeps } from './kept.js';

/** A `rooms` read is used again for this long: the form asks as the user types, and one read covers every day. */
const ROOMS_FRESH_MS = 30_000;

/**
 * What is free for the schedule form's slot. One meeting: the service's own `freeRooms`. A series: every meeting
 * the service would book (core/calendar/series.ts), each against one `rooms` read (which lists every booking
 * with its time), so the form names the dates with no room instead of the service refusing the series after
 * "2 free". When none is free, the next size up with a room free at every meeting is offered.
 */
export function createSlotFree(deps: Pick<SchedulingDeps, 'api' | 't' | 'now'>, kept: Kept) {
  let cached: { at: number; sizes: Map<number, SizeRooms> } | undefined;

  async function sizes(): Promise<Map<number, SizeRooms> | string> {
    const now = deps.now().getTime();
    if (cached && now - cached.at < ROOMS_FRESH_MS) return cached.sizes;
    const answer = await (await deps.api.background()).rooms();
    if (!answer.ok) return failureText(answer.failure, deps.t());
    cached = { at: now, sizes: bySize(answer.value, deps.now()) };
    return cached.sizes;
  }

  /** The fewest rooms of the size free at any of the starts; undefined when no room of that size (or larger) exists. */
  const fewestFree = (rooms: Map<number, SizeRooms>, capacity: number, starts: readonly Date[], minutes: number) => {
    const each = starts.map((start) => ({ start, free: freeFor(rooms, capacity, start, minutes) }));
    const first = each[0]?.free;
    if (!first || each.some((e) => !e.free)) return undefined;
    return { capacity: first.capacity, total: first.total, free: Math.min(...each.map((e) => e.free!.free)), each };
  };

  /** The next size above `capacity` with a room free at every start. */
  const nextUp = (rooms: Map<number, SizeRooms>, capacity: number, starts: readonly Date[], minutes: number) =>
    [...rooms.keys()]
      .filter((size) => size > capacity)
      .sort((a, b) => a - b)
      .map((size) => fewestFree(rooms, size, starts, minutes))
      .find((found) => found !== undefined && found.capacity > capacity && found.free > 0);

  async function freeSlot(query: SlotQuery): Promise<Result<SlotFree>> {
    const start = new Date(query.start);
    if (!query.recurrence || !query.end) {
      const answer = await (
        await deps.api.background()
      ).freeRooms({ meeting_capacity: query.capacity, start_time: toServiceTime(start), duration: query.duration });
      if (!answer.ok) return failed(failureText(answer.failure, deps.t()));
      const value: SlotFree = { capacity: query.capacity, total: answer.value.total, free: answer.value.free };
      if (value.free > 0) return { ok: true, value };
      // None free: the next size up, if the rooms can say (the answer stands without it).
      const rooms = await sizes();
      const up = typeof rooms === 'string' ? undefined : nextUp(rooms, query.capacity, [start], query.duration);
      return { ok: true, value: { ...value, ...(up ? { nextUp: { capacity: up.capacity, free: up.free } } : {}) } };
    }
    const [{ expectedOccurrences }] = await kept.calendar();
    const starts = expectedOccurrences(query.recurrence, query.end, start);
    const rooms = await sizes();
    if (typeof rooms === 'string') return failed(rooms);
    const found = fewestFree(rooms, query.capacity, starts, query.duration);
    if (!found) return { ok: true, value: { capacity: query.capacity, total: 0, free: 0, meetings: starts.length, conflicts: [] } };
    const conflicts = found.each.filter((e) => e.free!.free === 0).map((e) => e.start.toISOString());
    const up = conflicts.length ? nextUp(rooms, found.capacity, starts, query.duration) : undefined;
    return {
      ok: true,
      value: {
        capacity: found.capacity,
        total: found.total,
        free: found.free,
        meetings: starts.length,
        conflicts,
        ...(up ? { nextUp: { capacity: up.capacity, free: up.free } } : {}),
      },
    };
  }

  return {
    freeSlot,
    /** A booking changed the rooms: the next question reads them again. */
    forget: () => {
      cached = undefined;
    },
  };
}
