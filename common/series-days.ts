import type { Recurrence } from './schedule.js';
import { chinaWallClock } from './service-time.js';

/**
 * The days of a series and where they fall, without zod: the window uses these (it runs no zod; main checks its
 * forms), and common/schedule.ts re-exports them beside the schemas.
 */

/** Days as the app names them; index 0 is Sunday, as `Date.getDay()` counts. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type Weekday = (typeof WEEKDAYS)[number];

/** Whether a meeting at `start` (the user's clock) is one the recurrence makes. */
export function startsTheSeries(recurrence: Recurrence, start: Date): boolean {
  const day = WEEKDAYS[start.getDay()]!;
  switch (recurrence.kind) {
    case 'daily':
      return true;
    case 'weekdays':
      return day !== 'sat' && day !== 'sun';
    case 'weekly':
      return recurrence.days.includes(day);
    case 'monthly-day':
      return start.getDate() === recurrence.day;
    case 'monthly-weekday':
      return day === recurrence.day && Math.ceil(start.getDate() / 7) === recurrence.week;
  }
}

const MS_PER_DAY = 86_400_000;

/**
 * How many days the service's (China) date is ahead of the user's date at the start: -1, 0 or 1. A
 * meeting on Monday 20:00 in New York is on Tuesday 09:00 in Beijing: the days the user chose are the
 * days of the service's series shifted by this much.
 */
export function chinaDayShift(start: Date): number {
  const china = chinaWallClock(start);
  const chinaDay = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate());
  const localDay = Date.UTC(start.getFullYear(), start.getMonth(), start.getDate());
  return Math.round((chinaDay - localDay) / MS_PER_DAY);
}

const shiftDay = (day: Weekday, by: number): Weekday => WEEKDAYS[(WEEKDAYS.indexOf(day) + by + 7) % 7]!;

/** The recurrence as the service will run it, in China's calendar (the days moved by `chinaDayShift`). */
export function recurrenceInChina(recurrence: Recurrence, start: Date): Recurrence {
  const by = chinaDayShift(start);
  if (by === 0) return recurrence;
  switch (recurrence.kind) {
    case 'daily':
      return recurrence;
    case 'weekdays':
      // Monday to Friday here is Tuesday to Saturday (or Sunday to Thursday) there.
      return { kind: 'weekly', days: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => shiftDay(d, by)) };
    case 'weekly':
      return { kind: 'weekly', days: recurrence.days.map((d) => shiftDay(d, by)) };
    case 'monthly-day':
      return { kind: 'monthly-day', day: Math.min(31, Math.max(1, recurrence.day + by)) };
    case 'monthly-weekday':
      return { kind: 'monthly-weekday', week: recurrence.week, day: shiftDay(recurrence.day, by) };
  }
}
