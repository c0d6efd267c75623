import { localDate, localTime } from '../../common/format.js';
import { chinaDayShift, recurrenceInChina, WEEKDAYS, type Recurrence, type RecurrenceEnd } from '../../common/schedule.js';
import type { SeriesDifference, SeriesPlanView } from '../../common/scheduled.js';
import { chinaWallClock } from '../../common/service-time.js';
import { askedOccurrences, expectedOccurrences } from './series.js';

/**
 * Whether the service, sent a series, books the meetings the user asked for — before anything is sent.
 *
 * The user asks in their own terms: their weekdays or days of the month, at a time on their own clock.
 * The service repeats a series on Beijing's calendar at one Beijing time of day (docs/umeet-api.md,
 * "Schedule a meeting"), so a series can only say what was asked when both agree on every meeting:
 * - across the date line, "the 2nd Tuesday" at 18:00 in Los Angeles is "the 2nd Wednesday" at 10:00 in
 *   Beijing, which in a month that begins on a Wednesday is a week earlier than the day after the 2nd
 *   Tuesday (the `day` difference);
 * - where the local clock changes (daylight saving time) and Beijing's does not, a fixed Beijing time is
 *   another local time for half the year (the `clock` difference).
 * Meetings are compared as the user reads them: the local date and the local time of day (two moments
 * an hour apart read alike on the night the clock goes back, and are both "as asked").
 */

/** A moment as the user's clock shows it: `2027-01-12 18:00`. */
export const wallMinute = (at: Date): string => `${localDate(at)} ${localTime(at)}`;

/** Every meeting where `booked` is not what was asked, read on the local clock, in order. */
export function differences(asked: readonly Date[], booked: readonly Date[]): SeriesDifference[] {
  const found: SeriesDifference[] = [];
  const length = Math.max(asked.length, booked.length);
  for (let index = 0; index < length; index += 1) {
    const a = asked[index];
    const b = booked[index];
    if (a && b && wallMinute(a) === wallMinute(b)) continue;
    const why = !a || !b ? 'count' : localDate(a) === localDate(b) ? 'clock' : 'day';
    found.push({ index, ...(a ? { asked: a.toISOString() } : {}), ...(b ? { booked: b.toISOString() } : {}), why });
  }
  return found;
}

/** The first meeting where `booked` is not what was asked; undefined when all are. */
export const firstDifference = (asked: readonly Date[], booked: readonly Date[]): SeriesDifference | undefined =>
  differences(asked, booked)[0];

/** The first difference of each kind (another day, another time, fewer or more), in the order they come. */
const firstOfEachKind = (all: readonly SeriesDifference[]) => all.filter((d, i) => all.findIndex((o) => o.why === d.why) === i);

/** The series as asked, what the service would book for it, and the first meeting where they part. */
export function planSeries(recurrence: Recurrence, end: RecurrenceEnd, start: Date): SeriesPlanView {
  const asked = askedOccurrences(recurrence, end, start);
  const wouldBook = expectedOccurrences(recurrence, end, start);
  const all = differences(asked, wouldBook);
  const china = chinaWallClock(start);
  return {
    asked: asked.map((d) => d.toISOString()),
    wouldBook: wouldBook.map((d) => d.toISOString()),
    ...(all[0] ? { difference: all[0] } : {}),
    differences: firstOfEachKind(all),
    beijing: {
      rule: recurrenceInChina(recurrence, start),
      time: china.toISOString().slice(11, 16),
      dayShift: chinaDayShift(start),
    },
  };
}

/**
 * The rule that says what the service booked (its meetings read on the local clock), in the kind the user
 * asked: for a series accepted as booked, so its words, invitation and calendar file name the days booked.
 * Weekly kinds take every weekday booked; monthly ones the first meeting's day; daily stays daily.
 */
export function ruleOfBooked(asked: Recurrence, booked: readonly Date[]): Recurrence {
  const first = booked[0];
  if (!first) return asked;
  switch (asked.kind) {
    case 'daily':
      return asked;
    case 'weekdays':
    case 'weekly': {
      const days = WEEKDAYS.filter((_, i) => booked.some((d) => d.getDay() === i));
      return asked.kind === 'weekdays' && days.join() === 'mon,tue,wed,thu,fri' ? asked : { kind: 'weekly', days };
    }
    case 'monthly-day':
      return { kind: 'monthly-day', day: first.getDate() };
    case 'monthly-weekday':
      return { kind: 'monthly-weekday', week: Math.ceil(first.getDate() / 7), day: WEEKDAYS[first.getDay()]! };
  }
}
