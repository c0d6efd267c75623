import { localDate } from '../../common/format.js';

/**
 * Periods of local dates (`YYYY-MM-DD` on the user's clock). The service answers at most a month at a
 * time, so a longer period is read a calendar month at a time; each month's bounds are local midnights,
 * which a change of the clocks makes 23 or 25 hours from the day before (nothing here adds 24 hours).
 */

/** Local midnight of a `YYYY-MM-DD`. */
export const midnightOf = (day: string): Date => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};

/** The local date `n` days after `day` (n may be negative). */
export const addDays = (day: string, n: number): string => {
  const at = midnightOf(day);
  return localDate(new Date(at.getFullYear(), at.getMonth(), at.getDate() + n));
};

/** Whether a text is a real calendar date (2026-02-30 is not). */
export const isLocalDay = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && localDate(midnightOf(text)) === text;

/** Every local date from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The period split at the starts of calendar months: each piece within one month, in order. */
export function monthsOf(from: string, to: string): { from: string; to: string }[] {
  const pieces: { from: string; to: string }[] = [];
  for (let start = from; start <= to;) {
    const at = midnightOf(start);
    const lastOfMonth = localDate(new Date(at.getFullYear(), at.getMonth() + 1, 0));
    const end = lastOfMonth < to ? lastOfMonth : to;
    pieces.push({ from: start, to: end });
    start = addDays(end, 1);
  }
  return pieces;
}

/** The last 30 days, today included: the default period. */
export const last30Days = (now: Date): { from: string; to: string } => ({ from: addDays(localDate(now), -29), to: localDate(now) });
