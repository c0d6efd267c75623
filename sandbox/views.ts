import { chinaTime, isoUtc } from './china-time.js';
import { DEFAULT_SLOT_MINUTES, roomId, roomName } from './rooms.js';
import type { SandboxMeeting, SandboxState } from './state.js';

/**
 * The answers of `rooms` and `meetingdetail` as the service shapes them, types deliberately mixed as in
 * the documentation's own examples (docs/umeet-api.md, "Loose types").
 */

/**
 * Rooms listed one by one per size, at most. A load run's million rooms of a size are not: the first
 * ROOMS_LISTED of each size are, and any other that holds a booking, so an answer stays well under the
 * client's 1 MiB cap. A real licence is far smaller (the docs' example has 55 of one size).
 */
export const ROOMS_LISTED = 100;

const online = (m: SandboxMeeting) => m.state === 'waiting' || m.state === 'in-progress';

type Held = ReturnType<SandboxState['bookings']>[number];

/** `POST /umeeting/share/rooms`: one entry per room, with the meetings booked or running in it. */
export function roomsView(state: SandboxState) {
  // Every online meeting holds its room (rooms.ts, heldSlot): booked for later, waiting or running; and
  // each later meeting of a series holds the room it was given.
  const bookings = state.bookings().filter((b) => b.state === 'waiting' || b.state === 'in-progress');
  const held = new Map<string, Held[]>();
  for (const booking of bookings) {
    const key = roomId(booking.tier, booking.room);
    held.set(key, [...(held.get(key) ?? []), booking]);
  }
  return state.sizes().flatMap(({ tier, rooms }) => {
    const numbers = new Set<number>();
    for (let room = 1; room <= Math.min(rooms, ROOMS_LISTED); room += 1) numbers.add(room);
    for (const booking of bookings) if (booking.tier === tier) numbers.add(booking.room);
    return [...numbers]
      .sort((a, b) => a - b)
      .map((room) => ({
        id: roomId(tier, room),
        first_name: roomName(tier, room),
        meeting_capacity: room % 2 ? tier : String(tier),
        meetings: (held.get(roomId(tier, room)) ?? [])
          .sort((a, b) => a.start - b.start)
          .map(({ meeting: m, start, state }) => ({
            id: room % 2 ? m.id : Number(m.id),
            topic: m.topic,
            start_time: chinaTime(start),
            // The slot the room is held for: an instant meeting without a duration holds it for the sandbox's default.
            duration: m.duration ?? DEFAULT_SLOT_MINUTES,
            status: state === 'in-progress' ? '1' : '0',
            type: m.kind === 'instant' ? '1' : '2',
            host_key: m.hostKey,
          })),
      }));
  });
}

export const DEFAULT_PAGE_SIZE = 30;

/** `POST /umeeting/share/meetingdetail`: the meeting and one page of who joined it, present or gone. */
export function detailView(meeting: SandboxMeeting, page: { size: number; number: number }) {
  const over = !online(meeting);
  const all = meeting.participants;
  const pages = Math.max(1, Math.ceil(all.length / page.size));
  return {
    id: Number(meeting.id),
    uuid: meeting.uuid,
    host: '主持人',
    start_time: isoUtc(meeting.start),
    end_time: over && meeting.endedAt !== undefined ? isoUtc(meeting.endedAt) : '',
    duration: over && meeting.endedAt !== undefined ? Math.round((meeting.endedAt - meeting.start) / 60_000) : (meeting.duration ?? ''),
    has_video: true,
    has_screen_share: 'false',
    recording: meeting.options.recording === 'cloud',
    participants_count: String(all.length),
    page_count: pages,
    page_number: String(page.number),
    page_size: page.size,
    participants: all.slice((page.number - 1) * page.size, page.number * page.size).map((p) => {
      // Whoever was still in when the meeting stopped left then.
      const left = p.leftAt ?? (over ? meeting.endedAt : undefined);
      return {
        user_name: p.name,
        device: p.device,
        join_time: isoUtc(p.joinedAt),
        leave_time: left === undefined ? '' : isoUtc(left),
        ip_address: p.ip,
        city: p.city ?? null,
        network_type: p.network ?? '',
      };
    }),
  };
}
