/**
 * Rooms and the time they are held: which room of a size a meeting sits in, and which rooms are free
 * for a slot. A room is never a stored object: a size's rooms are numbered 1…N by the licence, and a
 * meeting records the number of the one it holds. That keeps `--rooms 1000000` (load runs) as cheap
 * as a licence of three rooms.
 */

/** Minutes an instant meeting without a `duration` is taken to hold its room: the docs give no default, so this is the sandbox's. */
export const DEFAULT_SLOT_MINUTES = 60;

/** A stretch of time, from inclusive to exclusive, in epoch ms. `to` may be Infinity. */
export interface Slot {
  from: number;
  to: number;
}

/** What the room rules need of a meeting. */
export interface Booking {
  tier: number;
  room: number;
  start: number;
  duration?: number;
  state: 'waiting' | 'in-progress' | 'ended' | 'released';
}

export const overlaps = (a: Slot, b: Slot): boolean => a.from < b.to && b.from < a.to;

/** A slot of `minutes` from `from`. */
export const slotOf = (from: number, minutes: number): Slot => ({ from, to: from + minutes * 60_000 });

/** The planned slot: from the start for its duration, or for DEFAULT_SLOT_MINUTES when it has none. */
export const plannedSlot = (booking: Booking): Slot => slotOf(booking.start, booking.duration ?? DEFAULT_SLOT_MINUTES);

/**
 * The time a meeting holds its room, seen at `now`; undefined once it has ended or been released
 * (the room is free again from then on). A meeting still running past its planned end keeps its room
 * with no end in sight: the service cannot know when it will stop. (Only a meeting without a duration
 * does: the sandbox ends the others when their duration is over.)
 */
export function heldSlot(booking: Booking, now: number): Slot | undefined {
  if (booking.state !== 'waiting' && booking.state !== 'in-progress') return undefined;
  const planned = plannedSlot(booking);
  return booking.state === 'in-progress' && now >= planned.to ? { from: planned.from, to: Infinity } : planned;
}

/** The numbers of the rooms of `tier` that some booking holds during `slot`, leaving out `except`. */
export function busyRooms(bookings: Iterable<Booking>, tier: number, slot: Slot, now: number, except?: Booking): Set<number> {
  const busy = new Set<number>();
  for (const booking of bookings) {
    if (booking === except || booking.tier !== tier) continue;
    const held = heldSlot(booking, now);
    if (held && overlaps(held, slot)) busy.add(booking.room);
  }
  return busy;
}

/** The lowest-numbered room of `total` that is not busy, or undefined when all are. */
export function firstFreeRoom(total: number, busy: ReadonlySet<number>): number | undefined {
  // At most busy.size + 1 steps: never a walk over a million free rooms.
  for (let room = 1; room <= total; room += 1) if (!busy.has(room)) return room;
  return undefined;
}

/** A room's name as a company would label it: `25方会议室 2`. */
export const roomName = (tier: number, room: number): string => `${tier}方会议室 ${room}`;

/** A room's id (the service gives its host id): stable, so a listing can be compared with the next. */
export const roomId = (tier: number, room: number): string => `room-${tier}-${room}`;
