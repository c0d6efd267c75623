import { localDate } from '../../../common/format.js';
import type { UsageQuery } from '../../../common/usage.js';

/** A choice of the period picker: the last 30 days, or a calendar month (`YYYY-MM`). */
export type PeriodChoice = 'last30' | `${number}-${number}`;

/** The last 30 days (today included), or a whole month (up to today for the current one). */
export function queryOf(choice: PeriodChoice, today: Date): UsageQuery {
  if (choice === 'last30') {
    return { from: localDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29)), to: localDate(today) };
  }
  const [year, month] = choice.split('-').map(Number) as [number, number];
  const last = localDate(new Date(year, month, 0));
  return { from: localDate(new Date(year, month - 1, 1)), to: last < localDate(today) ? last : localDate(today) };
}

/** The current month and the eleven before it, newest first. */
export function recentMonths(today: Date): PeriodChoice[] {
  return Array.from(
    { length: 12 },
    (_, i) => localDate(new Date(today.getFullYear(), today.getMonth() - i, 1)).slice(0, 7) as PeriodChoice,
  );
}
