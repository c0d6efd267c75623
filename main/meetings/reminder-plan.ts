import type { BookedMeeting, UpcomingMeeting } from '../../common/scheduled.js';

/**
 * When to remind of the meetings in Upcoming, as a pure function of the list, what the app kept of its
 * own bookings, the setting and the time (main/features/reminders.ts keeps the one timer it asks for).
 */

/** The tray's top line names a meeting during this long before its start (issue 31). */
export const SOON_MS = 15 * 60_000;
/**
 * The longest the one timer is set for. A timer counts the time the process runs, not the wall clock:
 * after a clock change (NTP, the user, a zone) it would come late or early, so a far reminder is
 * worked out again at least this often. Only while something is booked; nothing booked, no timer.
 */
export const MAX_WAIT_MS = 6 * 60 * 60_000;

/** One meeting to remind of: a single booking, or one meeting of a series. */
export interface Occurrence {
  meetingId: string;
  topic: string;
  /** Epoch ms. */
  start: number;
  /** Minutes before the start the host may open it (the service's `ready_time`), when known. */
  readyMinutes?: number | undefined;
}

/** The key a reminder is fired under: once per meeting and start (an edit that moves it reminds again). */
export const keyOf = (o: Pick<Occurrence, 'meetingId' | 'start'>) => `${o.meetingId}@${o.start}`;

/**
 * Every meeting of Upcoming: its listed start (the service lists a series once, at its next meeting)
 * and, for a series booked here, the later meetings the service said it booked.
 */
export function occurrencesOf(upcoming: readonly UpcomingMeeting[], booked: readonly BookedMeeting[]): Occurrence[] {
  const out: Occurrence[] = [];
  for (const meeting of upcoming) {
    const kept = booked.find((b) => b.meetingId === meeting.meetingId);
    const listed = Date.parse(meeting.start);
    const starts = new Set([listed]);
    for (const at of kept?.occurrences ?? []) {
      const start = Date.parse(at);
      if (start > listed) starts.add(start);
    }
    for (const start of starts) out.push({ meetingId: meeting.meetingId, topic: meeting.topic, start, readyMinutes: kept?.readyMinutes });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * When a meeting's reminder is due: `minutes` before its start, but never before the host may open it
 * (a click on the reminder opens it as host, and the service refuses a host link before `ready_time`).
 */
export function remindAt(o: Occurrence, minutes: number): number {
  const lead = o.readyMinutes === undefined ? minutes : Math.min(minutes, o.readyMinutes);
  return o.start - lead * 60_000;
}

/** The reminders due now: their moment has come and their meeting has not started (after a sleep, none late). */
export function dueReminders(all: readonly Occurrence[], minutes: number, now: number, fired: ReadonlySet<string>): Occurrence[] {
  if (minutes === 0) return [];
  return all.filter((o) => remindAt(o, minutes) <= now && now < o.start && !fired.has(keyOf(o)));
}

/** The meeting the tray's top line names: the next one starting within 15 minutes. */
export const soonOf = (all: readonly Occurrence[], now: number): Occurrence | undefined =>
  all.find((o) => o.start > now && o.start - now <= SOON_MS);

/** Whole minutes to the start, rounded up ("in 4 min" from 3 min 10 s), as the tray's line says it. */
export const minutesTo = (start: number, now: number) => Math.max(0, Math.ceil((start - now) / 60_000));

/**
 * When something next changes, after `now`: a reminder is due, a meeting comes within 15 minutes, the
 * line's minute goes down, a meeting starts (the line goes). Undefined: nothing will (nothing booked).
 */
export function nextWake(all: readonly Occurrence[], minutes: number, now: number, fired: ReadonlySet<string>): number | undefined {
  let next = Number.POSITIVE_INFINITY;
  const consider = (at: number) => {
    if (at > now && at < next) next = at;
  };
  for (const o of all) {
    if (o.start <= now) continue;
    if (minutes > 0 && !fired.has(keyOf(o))) consider(remindAt(o, minutes));
    consider(o.start - SOON_MS);
    const left = o.start - now;
    if (left <= SOON_MS) consider(now + (left - (minutesTo(o.start, now) - 1) * 60_000));
    consider(o.start);
  }
  return Number.isFinite(next) ? Math.min(next, now + MAX_WAIT_MS) : undefined;
}
