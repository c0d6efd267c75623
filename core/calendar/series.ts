import ICAL from 'ical.js';
import { MAX_OCCURRENCES, recurrenceInChina, type Recurrence, type RecurrenceEnd, type Weekday } from '../../common/schedule.js';
import { chinaWallClock, SERVICE_OFFSET_MS } from '../../common/service-time.js';
export { sameOccurrences, serviceOccurrences } from './occurrences.js';

/**
 * A series expanded by ical.js rather than by hand, on two calendars:
 * - **as the service runs it** (`expectedOccurrences`): the rule moved to China's calendar, at the start's
 *   China time of day, which never changes (China keeps no daylight saving time);
 * - **as the user asked** (`askedOccurrences`): the rule on the user's own calendar, every meeting at the
 *   start's local time of day, whatever the local clock does.
 * ical.js, like the service, begins with the first day on or after the start that the rule makes (a
 * start the rule does not make is not a meeting), and counts COUNT from there.
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

/** The RRULE's FREQ and BY… parts of a rule, on whichever calendar it is given in. */
function ruleParts(rule: Recurrence): string[] {
  switch (rule.kind) {
    case 'daily':
      return ['FREQ=DAILY'];
    case 'weekdays':
      return ['FREQ=WEEKLY', 'BYDAY=MO,TU,WE,TH,FR'];
    case 'weekly':
      return ['FREQ=WEEKLY', `BYDAY=${rule.days.map((d) => BYDAY[d]).join(',')}`];
    case 'monthly-day':
      return ['FREQ=MONTHLY', `BYMONTHDAY=${rule.day}`];
    case 'monthly-weekday':
      return ['FREQ=MONTHLY', `BYDAY=${rule.week}${BYDAY[rule.day]}`];
  }
}

/** The RRULE (without `RRULE:`) of a series starting at `start`, in China's calendar, UNTIL in UTC. */
export function rruleOf(recurrence: Recurrence, end: RecurrenceEnd, start: Date): string {
  const parts = ruleParts(recurrenceInChina(recurrence, start));
  parts.push('times' in end ? `COUNT=${end.times}` : `UNTIL=${utcStamp(endOfLocalDay(end.until))}`);
  return parts.join(';');
}

/** A wall clock reading: the UTC fields of a Date read as a clock on the wall (no zone). */
type Wall = Date;

const floating = (d: Wall) =>
  ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    isDate: false,
  });

/** The rule's meetings as wall clock readings from `first` (at most MAX_OCCURRENCES), until `last` if given. */
function expand(rule: Recurrence, count: number | undefined, first: Wall, last: Wall | undefined): Wall[] {
  const parts = ruleParts(rule);
  if (count !== undefined) parts.push(`COUNT=${count}`);
  if (last) parts.push(`UNTIL=${floating(last).toICALString()}`);
  const iterator = ICAL.Recur.fromString(parts.join(';')).iterator(floating(first));
  const walls: Wall[] = [];
  for (let next = iterator.next(); next && walls.length < MAX_OCCURRENCES; next = iterator.next()) {
    walls.push(new Date(Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second)));
  }
  return walls;
}

const countOf = (end: RecurrenceEnd) => ('times' in end ? end.times : undefined);

/** The moments of the series' meetings, first to last (at most MAX_OCCURRENCES), as the service makes them. */
export function expectedOccurrences(recurrence: Recurrence, end: RecurrenceEnd, start: Date): Date[] {
  const last = 'until' in end ? chinaWallClock(endOfLocalDay(end.until)) : undefined;
  return expand(recurrenceInChina(recurrence, start), countOf(end), chinaWallClock(start), last).map(
    (wall) => new Date(wall.getTime() - SERVICE_OFFSET_MS),
  );
}

/** The local wall clock of a moment, as a Wall. */
const localWall = (at: Date): Wall =>
  new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes(), at.getSeconds()));

/**
 * The meetings as the user asked for them: the rule on their own calendar (their weekdays, their days of
 * the month), each at the start's local time of day. A time the local clock skips that day (the hour of a
 * change to summer time) is the moment a clock set to it would show: the hour after.
 */
export function askedOccurrences(recurrence: Recurrence, end: RecurrenceEnd, start: Date): Date[] {
  const last = 'until' in end ? localWall(endOfLocalDay(end.until)) : undefined;
  return expand(recurrence, countOf(end), localWall(start), last).map(
    (wall) =>
      new Date(
        wall.getUTCFullYear(),
        wall.getUTCMonth(),
        wall.getUTCDate(),
        wall.getUTCHours(),
        wall.getUTCMinutes(),
        wall.getUTCSeconds(),
      ),
  );
}
