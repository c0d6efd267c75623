import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Recurrence, RecurrenceEnd } from '../../common/schedule.js';
import { chinaWallClock } from '../../common/service-time.js';
import { expectedOccurrences, rruleOf, sameOccurrences } from './series.js';

/** What a calendar entry for a booked meeting says. */
export interface CalendarFacts {
  meetingId: string;
  topic: string;
  start: Date;
  /** Minutes. */
  duration: number;
  joinUrl?: string | undefined;
  /** The invitation, in the user's language: the entry's description. */
  invitation: string;
  recurrence?: { rule: Recurrence; end: RecurrenceEnd } | undefined;
  /** The series' meetings as the service booked them, when it said. */
  occurrences?: readonly Date[] | undefined;
  /** When the file is made (DTSTAMP). */
  now: Date;
}

/** `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.5, UTC). */
const utc = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * The series' lines: an RRULE when it says exactly what the service booked, else the meetings one by one
 * (RDATE). Times are in UTC, so an RRULE is exact only when the service's (China) date and the UTC date
 * are the same day, from 08:00 China time on: an earlier meeting's weekdays would be counted a day off.
 */
function seriesLines(facts: CalendarFacts): string[] {
  if (!facts.recurrence) return [];
  const { rule, end } = facts.recurrence;
  const expected = expectedOccurrences(rule, end, facts.start);
  const booked = facts.occurrences && facts.occurrences.length > 0 ? facts.occurrences : expected;
  const utcSameDay = chinaWallClock(facts.start).getUTCDate() === facts.start.getUTCDate();
  if (utcSameDay && sameOccurrences(expected, booked)) {
    return [`RRULE:${rruleOf(rule, end, facts.start)}`];
  }
  // Every meeting, the first too: DTSTART is an instance by RFC 5545 (§3.8.5.2, a duplicate counts once),
  // but some readers (ical.js among them) expand only the RDATEs once there is no RRULE.
  const all = booked.some((d) => d.getTime() === facts.start.getTime()) ? booked : [facts.start, ...booked];
  return [`RDATE:${all.map(utc).join(',')}`];
}

/**
 * The meeting as an RFC 5545 calendar file, made with ical-generator: UID from the meeting ID, DTSTART in
 * UTC, DURATION, the series (RRULE or its meetings), URL and LOCATION the join link, DESCRIPTION the
 * invitation. Any calendar shows it in its reader's own time zone. Several meetings (a series booked one
 * by one) are one file of several events. Every line, the last too, ends with CRLF.
 */
export function calendarFile(facts: CalendarFacts | readonly CalendarFacts[]): string {
  const calendar = ical({ prodId: { company: 'Umeet Tray', product: 'Umeet Tray', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  for (const event of Array.isArray(facts) ? facts : [facts as CalendarFacts]) {
    calendar.createEvent({
      id: `${event.meetingId}@umeet-tray`,
      stamp: event.now,
      start: event.start,
      summary: event.topic,
      description: event.invitation,
      ...(event.joinUrl ? { location: event.joinUrl, url: event.joinUrl } : {}),
      // ical-generator writes DTEND, not DURATION, and inserts a string of several lines given as `repeating`
      // verbatim (one line alone it takes for an RRULE): the length goes there with the series, and TRANSP says
      // the time is busy, as a meeting is.
      repeating: [`DURATION:PT${event.duration}M`, 'TRANSP:OPAQUE', ...seriesLines(event)].join('\r\n'),
    });
  }
  // RFC 5545 §3.1: every content line ends with CRLF, END:VCALENDAR too; ical-generator leaves the last one bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
