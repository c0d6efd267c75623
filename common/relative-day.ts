import { localDate, localTime } from './format.js';
import type { Translate } from './i18n/index.js';

/** The local calendar day, as a number that orders days (not a duration: a day may last 23 or 25 hours). */
const dayNumber = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;

/**
 * A moment as people say it on the day: "today 09:30", "yesterday 18:05", and further back (or
 * ahead, if a clock was wrong) the full local date, "2026-03-01 09:30". Days are the local calendar's.
 */
export function dayAndTime(at: Date, now: Date, t: Translate): string {
  const time = localTime(at);
  const daysAgo = dayNumber(now) - dayNumber(at);
  if (daysAgo === 0) return t('recent.today', { time });
  if (daysAgo === 1) return t('recent.yesterday', { time });
  return `${localDate(at)} ${time}`;
}

/** Milliseconds until the next local midnight, when "today" becomes "yesterday". */
export function untilNextDay(now: Date): number {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return midnight.getTime() - now.getTime();
}
