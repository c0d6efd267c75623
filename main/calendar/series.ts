import ICAL from 'ical.js';
import { MAX_OCCURRENCES, recurrenceInChina, type Recurrence, type RecurrenceEnd, type Weekday } from '../../common/schedule.js';
import { chinaWallClock, SERVICE_OFFSET_MS } from '../../common/service-time.js';
export { sameOccurrences, serviceOccurrences } from './occurrences.js';

/**
 * A series as an RFC 5545 RRULE in the service's calendar (China time, which the series runs on: a
 * weekly meeting at 09:00 in Beijing stays at 09:00 there when New York changes its clocks), and the
 * meetings it makes, expanded by ical.js rather than by hand.
 */

const BYDAY: Record<Weekday, string> = { sun: 'SU', mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA' };

/** `YYYYMMDDTHHMMSSZ`: a moment in UTC, as UNTIL must be when DTSTART carries a time zone (RFC 5545 §3.3.10). */
const utcStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The last moment of the user's own calendar date `until` (YYYY-MM-DD). */
export const endOfLocalDay = (until: string): Date => new Date(`${until}T23:59:59`);

/** The RRULE (without `RRULE:`) of a series starting at `start`, in China's calendar. */
export function rruleOf(recurrence: Recurrence, end: RecurrenceEnd, start: Date): string {
  const china = recurrenceInChina(recurrence, start);
  const parts: string[] = [];
  switch (china.kind) {
    case 'daily':
      parts.push('FREQ=DAILY');
      break;
    case 'weekdays':
      parts.push('FREQ=WEEKLY', 'BYDAY=MO,TU,WE,TH,FR');
      break;
    case 'weekly':
      parts.push('FREQ=WEEKLY', `BYDAY=${china.days.map((d) => BYDAY[d]).join(',')}`);
      break;
    case 'monthly-day':
      parts.push('FREQ=MONTHLY', `BYMONTHDAY=${china.day}`);
      break;
    case 'monthly-weekday':
      parts.push('FREQ=MONTHLY', `BYDAY=${china.week}${BYDAY[china.day]}`);
      break;
  }
  parts.push('times' in end ? `COUNT=${end.times}` : `UNTIL=${utcStamp(endOfLocalDay(end.until))}`);
  return parts.join(';');
}

/** The moments of the series' meetings, first to last (at most MAX_OCCURRENCES), as the rule makes them. */
export function expectedOccurrences(recurrence: Recurrence, end: RecurrenceEnd, start: Date): Date[] {
  // Expanded on China's wall clock, as floating times whose UTC fields read it; UNTIL likewise.
  const wall = chinaWallClock(start);
  const floating = (d: Date) =>
    ICAL.Time.fromData({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      isDate: false,
    });
  const rule = ICAL.Recur.fromString(
    rruleOf(recurrence, end, start).replace(/UNTIL=\w+/, () => {
      if (!('until' in end)) return '';
      const until = floating(chinaWallClock(endOfLocalDay(end.until)));
      return `UNTIL=${until.toICALString()}`;
    }),
  );
  const iterator = rule.iterator(floating(wall));
  const moments: Date[] = [];
  for (let next = iterator.next(); next && moments.length < MAX_OCCURRENCES; next = iterator.next()) {
    const utc = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second);
    moments.push(new Date(utc - SERVICE_OFFSET_MS));
  }
  return moments;
}
