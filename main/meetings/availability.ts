import type { ApiResult, Room } from '../../common/umeet-api.js';
import type { Logger } from '../../core/log.js';
import { parseServiceTime } from '../../core/meetings/meeting-state.js';

/** Asked at most this often: opening the menu twice in a row asks once. */
export const AVAILABILITY_MIN_INTERVAL_MS = 30_000;
/** A slot with no duration of its own: the service's default length of a meeting. */
export const DEFAULT_SLOT_MINUTES = 60;

/** The rooms of one size: how many there are, and which bookings they hold. */
export interface SizeRooms {
  capacity: number;
  rooms: { bookings: { start: Date; end: Date }[] }[];
}

/** Free rooms of a size for a slot, as `N of M`. */
export interface Free {
  capacity: number;
  total: number;
  free: number;
}

/**
 * The rooms as `rooms` lists them, by size, with each booking's time span. A running meeting holds its
 * room now whatever its times say; one without a start time or duration holds it for the default length.
 */
export function bySize(rooms: readonly Room[], now: Date): Map<number, SizeRooms> {
  const sizes = new Map<number, SizeRooms>();
  for (const room of rooms) {
    const capacity = room.meeting_capacity;
    const size = sizes.get(capacity) ?? { capacity, rooms: [] };
    sizes.set(capacity, size);
    size.rooms.push({
      bookings: room.meetings.map((booking) => {
        const start = parseServiceTime(booking.start_time) ?? now;
        const minutes = booking.duration && booking.duration > 0 ? booking.duration : DEFAULT_SLOT_MINUTES;
        const end = new Date(start.getTime() + minutes * 60_000);
        // Running: it holds the room from now on, even past its planned end.
        return booking.status === 1
          ? { start: start < now ? start : now, end: end > now ? end : new Date(now.getTime() + 60_000) }
          : { start, end };
      }),
    });
  }
  return sizes;
}

/**
 * Free rooms for a slot: the rooms of the smallest licensed size that fits `capacity` (the room the
 * service would give), with no booking overlapping [start, start + minutes).
 */
export function freeFor(sizes: ReadonlyMap<number, SizeRooms>, capacity: number, start: Date, minutes: number): Free | undefined {
  const fitting = [...sizes.keys()].filter((size) => size >= capacity).sort((a, b) => a - b);
  const size = fitting.map((s) => sizes.get(s)!).find((s) => s.rooms.length > 0);
  if (!size) return undefined;
  const end = new Date(start.getTime() + minutes * 60_000);
  const free = size.rooms.filter((room) => room.bookings.every((b) => b.end <= start || b.start >= end)).length;
  return { capacity: size.capacity, total: size.rooms.length, free };
}

/** The next licensed size above `capacity` with a room free for the slot, smallest first. */
export function nextSizeUp(sizes: ReadonlyMap<number, SizeRooms>, capacity: number, start: Date, minutes: number): Free | undefined {
  return [...sizes.keys()]
    .filter((size) => size > capacity)
    .sort((a, b) => a - b)
    .map((size) => freeFor(sizes, size, start, minutes))
    .find((free) => free !== undefined && free.free > 0 && free.capacity > capacity);
}

/**
 * The free rooms the tray shows on each preset. Read when the menu opens (the moment the connection
 * is being warmed anyway), in the background, at most every 30 seconds, never on the click path; kept
 * until the next read. A read that fails leaves the last one as it was (the labels say nothing new).
 * No timer: a read happens only when asked.
 */
export function createAvailability(deps: { rooms: () => Promise<ApiResult<Room[]>>; now: () => Date; log?: Logger; onChange: () => void }) {
  let sizes: Map<number, SizeRooms> | undefined;
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<Map<number, SizeRooms> | undefined> | undefined;

  async function read(): Promise<Map<number, SizeRooms> | undefined> {
    const answer = await deps.rooms();
    if (!answer.ok) {
      deps.log?.info('availability: the rooms could not be read', { kind: answer.failure.kind });
      return undefined;
    }
    sizes = bySize(answer.value, deps.now());
    readAt = deps.now().getTime();
    deps.onChange();
    return sizes;
  }

  return {
    /** The menu is opening: read again unless the last read is under 30 seconds old (or still on its way). */
    refresh(): void {
      if (reading || deps.now().getTime() - readAt < AVAILABILITY_MIN_INTERVAL_MS) return;
      reading = read()
        .catch(() => undefined)
        .finally(() => {
          reading = undefined;
        });
    },
    /** A fresh read, whatever its age: after a create the service refused, to say what else is free. */
    async readNow(): Promise<Map<number, SizeRooms> | undefined> {
      return (await (reading ?? read().catch(() => undefined))) ?? undefined;
    },
    /** Free rooms for a preset starting now, from the last read; undefined until one succeeded. */
    forPreset(capacity: number, duration: number | undefined): Free | undefined {
      return sizes ? freeFor(sizes, capacity, deps.now(), duration ?? DEFAULT_SLOT_MINUTES) : undefined;
    },
    /** The licensed sizes the last read saw, smallest first. */
    sizes: (): number[] => (sizes ? [...sizes.keys()].sort((a, b) => a - b) : []),
  };
}
export type Availability = ReturnType<typeof createAvailability>;
