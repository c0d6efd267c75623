import type { Result } from '../../../common/result.js';
import type { UpcomingMeeting } from '../../../common/scheduled.js';
import { parseServiceTime } from '../../../common/service-time.js';
import type { ListedMeeting } from '../../../common/umeet-api.js';
import { failureText } from '../../../core/meetings/failure-text.js';
import { failed, type Kept, type SchedulingDeps } from './kept.js';

/** The Upcoming list is read again in the background (the tray menu opening) at most this often. */
export const UPCOMING_MIN_INTERVAL_MS = 30_000;
/** At most this many pages of `list` are read (100 meetings a page). */
const MAX_PAGES = 20;

/**
 * The Upcoming list: the service's `list` (every page, scheduled meetings not started), with what the app
 * kept of its own bookings; read when the window asks or something changed, and in the background when the
 * tray menu opens, at most every 30 s; one read at a time.
 */
export function createUpcomingList(deps: SchedulingDeps, kept: Kept) {
  let upcoming: readonly UpcomingMeeting[] = [];
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<Result<UpcomingMeeting[]>> | undefined;
  /** The read that follows the one on its way, after a change made meanwhile (see `changed`). */
  let queued: Promise<Result<UpcomingMeeting[]>> | undefined;

  /** A listed meeting as Upcoming shows it; undefined for one that is not upcoming (an instant one, started, over). */
  async function upcomingOf(m: ListedMeeting, now: Date): Promise<UpcomingMeeting | undefined> {
    if (m.type !== 2 || (m.status !== undefined && m.status !== 0)) return undefined;
    const start = parseServiceTime(m.start_time);
    if (!start || !m.id) return undefined;
    const booked = kept.bookedOf(m.id);
    const duration = m.duration && m.duration > 0 ? m.duration : (booked?.request.duration ?? 60);
    // A booking past its end is no longer upcoming, even if the service still lists it as booked.
    if (start.getTime() + duration * 60_000 < now.getTime() && !booked?.request.recurrence) return undefined;
    const joinUrl = (await deps.trusted(m.join_url)) ?? booked?.joinUrl;
    const { recurrence, end } = booked?.request ?? {};
    const mismatch = await kept.heldMismatch(m.id);
    const capacity = booked?.request.capacity ?? m.meeting_capacity;
    return {
      meetingId: m.id,
      topic: m.topic ?? booked?.request.topic ?? '',
      start: start.toISOString(),
      duration,
      ...(joinUrl ? { joinUrl } : {}),
      ...(recurrence && end ? { recurrence: { rule: recurrence, end } } : {}),
      booked: Boolean(booked),
      ...(booked?.group ? { group: booked.group } : {}),
      ...(booked?.beijingClock ? { beijingClock: true as const } : {}),
      ...(mismatch ? { mismatch } : {}),
      ...(capacity && capacity > 0 ? { capacity } : {}),
    };
  }

  /** Every page of `list`: the scheduled meetings not started yet, by start. */
  async function readUpcoming(): Promise<Result<UpcomingMeeting[]>> {
    const client = await deps.api.background();
    const listed: ListedMeeting[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const answer = await client.list({ page_size: 100, page_number: page });
      if (!answer.ok) return failed(failureText(answer.failure, deps.t()));
      listed.push(...answer.value.meetings);
      const { has_next_page: more, total_page: pages } = answer.value;
      if (!(more ?? (pages !== undefined && page < pages)) || answer.value.meetings.length === 0) break;
    }
    const now = deps.now();
    const meetings: UpcomingMeeting[] = [];
    for (const m of listed) {
      const meeting = await upcomingOf(m, now);
      if (meeting) meetings.push(meeting);
    }
    meetings.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    return { ok: true, value: meetings };
  }

  /** Reads the list (one read at a time); `force` ignores the 30-second rule (the window asked, or something changed). */
  function refresh(force: boolean): Promise<Result<UpcomingMeeting[]>> {
    // After a change made during the read on its way, the read that follows is the one that has it.
    if (queued) return queued;
    if (reading) return reading;
    if (!force && deps.now().getTime() - readAt < UPCOMING_MIN_INTERVAL_MS) return Promise.resolve({ ok: true, value: [...upcoming] });
    reading = readUpcoming()
      .then((answer) => {
        // Something changed here while this read was on its way: its answer may not have it, and the next read will.
        if (answer.ok && queued) return answer;
        if (answer.ok) {
          upcoming = answer.value;
          readAt = deps.now().getTime();
          deps.onChange();
        } else deps.log?.info('upcoming: the list could not be read');
        return answer;
      })
      .catch((error: unknown) => {
        deps.log?.error('upcoming: reading failed unexpectedly', { error: String(error) });
        return failed(deps.t()('ipc.internal'));
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  }

  /**
   * Something was changed here (booked, cancelled, edited, fixed): the list is read again. A read already on its way
   * may have been answered before the change, so a new one follows it, and its answer is not kept. (The change was
   * answered with that read: a meeting booked while Upcoming was being read was missing from Upcoming, and had no
   * reminder, until the next read.)
   */
  function changed(): void {
    if (!reading) return void refresh(true);
    queued ??= reading.then(() => {
      queued = undefined;
      return refresh(true);
    });
  }

  return {
    refresh,
    changed,
    /** From the last read. */
    upcoming: (): readonly UpcomingMeeting[] => upcoming,
    /** A meeting cancelled: gone from the list at once (the read that follows confirms it). */
    forget(meetingId: string): void {
      upcoming = upcoming.filter((u) => u.meetingId !== meetingId);
    },
    /** A meeting the app knows of: in the last Upcoming read, or booked here. */
    entryOf(meetingId: string): UpcomingMeeting | undefined {
      const listed = upcoming.find((u) => u.meetingId === meetingId);
      if (listed) return listed;
      const booked = kept.bookedOf(meetingId);
      if (!booked) return undefined;
      const { recurrence, end } = booked.request;
      return {
        meetingId,
        topic: booked.request.topic,
        start: new Date(booked.request.start).toISOString(),
        duration: booked.request.duration,
        ...(booked.joinUrl ? { joinUrl: booked.joinUrl } : {}),
        ...(recurrence && end ? { recurrence: { rule: recurrence, end } } : {}),
        booked: true,
        ...(booked.group ? { group: booked.group } : {}),
        ...(booked.beijingClock ? { beijingClock: true as const } : {}),
      };
    },
  };
}

export type UpcomingList = ReturnType<typeof createUpcomingList>;
