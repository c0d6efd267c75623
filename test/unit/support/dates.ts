/**
 * Dates for tests, computed from the clock: "next year's second Tuesday of January", "the Monday before
 * New York's change to summer time next year". No test names a fixed day, so the suite passes on any
 * day it runs (`npm run test:any-day` runs it a year on, on a night the clocks change, on 29 February).
 *
 * Calendar arithmetic is done on UTC fields (zone-free); a zone's own facts (its offset, the days its
 * clocks change) are read with Intl for that zone, whatever the test process's TZ is.
 */

export const WEEKDAY = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } as const;
export type WeekdayName = keyof typeof WEEKDAY;

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

/** A calendar date, `YYYY-MM-DD`. */
export type Day = string;

export const day = (year: number, month: number, date: number): Day => {
  const at = new Date(Date.UTC(year, month - 1, date));
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
};
const parts = (d: Day) => d.split('-').map(Number) as [number, number, number];
const utcOf = (d: Day) => {
  const [y, m, dd] = parts(d);
  return Date.UTC(y, m - 1, dd);
};

/** The year after the clock's (or `now`'s): far enough ahead that every date in it is in the future. */
export const nextYear = (now: Date = new Date()): number => now.getFullYear() + 1;

export const addDays = (d: Day, n: number): Day => {
  const at = new Date(utcOf(d) + n * DAY_MS);
  return day(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
};

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (d: Day): number => new Date(utcOf(d)).getUTCDay();

/** The Nth (1–5) given weekday of a month; undefined when the month has no fifth one. */
export function nthWeekday(year: number, month: number, n: number, weekday: WeekdayName): Day | undefined {
  const first = day(year, month, 1);
  const offset = (WEEKDAY[weekday] - weekdayOf(first) + 7) % 7;
  const found = addDays(first, offset + (n - 1) * 7);
  return parts(found)[1] === month ? found : undefined;
}

/**
 * The same time of day on the local clock (the process's TZ), `days` calendar days later: what "tomorrow at
 * this time" means to a person, not `days` × 24 hours (a day lasts 23 or 25 hours when the clocks change).
 */
export function sameTimeDaysLater(at: Date, days: number): Date {
  return new Date(
    at.getFullYear(),
    at.getMonth(),
    at.getDate() + days,
    at.getHours(),
    at.getMinutes(),
    at.getSeconds(),
    at.getMilliseconds(),
  );
}

/** The first given weekday on or after a date. */
export function onOrAfter(d: Day, weekday: WeekdayName): Day {
  return addDays(d, (WEEKDAY[weekday] - weekdayOf(d) + 7) % 7);
}

/** "YYYY-MM-DD HH:mm", as `umeet` takes times. */
export const at = (d: Day, time: string): string => `${d} ${time}`;

/** The zone's offset from UTC in minutes at a moment (e.g. -480 for Los Angeles in winter). */
export function offsetMinutes(zone: string, moment: number): number {
  const fields = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(moment))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+fields.year!, +fields.month! - 1, +fields.day!, +fields.hour!, +fields.minute!, +fields.second!);
  return Math.round((wall - Math.floor(moment / 1000) * 1000) / 60_000);
}

/**
 * The local days of a year on which the zone's clocks change, in order: for a northern zone with
 * summer time, [spring forward, fall back]. Empty for a zone without changes that year.
 */
export function clockChanges(zone: string, year: number): Day[] {
  const changes: Day[] = [];
  let before = offsetMinutes(zone, Date.UTC(year, 0, 1, 12));
  for (let d = day(year, 1, 2); parts(d)[0] === year; d = addDays(d, 1)) {
    // Noon UTC of each day, compared with the day before: the change happened in between, on this local day or the one before.
    const now = offsetMinutes(zone, utcOf(d) + 12 * 3600_000);
    if (now !== before) {
      // The exact local day: the last local midnight-to-midnight span holding the change.
      const local = localDayOf(zone, findChange(zone, utcOf(d) - 12 * 3600_000, utcOf(d) + 12 * 3600_000));
      changes.push(local);
      before = now;
    }
  }
  return changes;
}

function findChange(zone: string, from: number, to: number): number {
  const start = offsetMinutes(zone, from);
  while (to - from > 60_000) {
    const mid = Math.floor((from + to) / 2 / 60_000) * 60_000;
    if (offsetMinutes(zone, mid) === start) from = mid;
    else to = mid;
  }
  return to;
}

/** The local calendar day of a moment in a zone. */
export function localDayOf(zone: string, moment: number): Day {
  const shifted = new Date(moment + offsetMinutes(zone, moment) * 60_000);
  return day(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The moment a local wall time in a zone stands for (the earlier one when the clock shows it twice). */
export function momentOf(zone: string, d: Day, time: string): number {
  const [y, m, dd] = parts(d);
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, dd, hh, mm);
  // Try the offsets around: the one that reads back as the wall time asked.
  for (const guess of [offsetMinutes(zone, wall - DAY_MS), offsetMinutes(zone, wall + DAY_MS)].sort((a, b) => b - a)) {
    const moment = wall - guess * 60_000;
    if (offsetMinutes(zone, moment) === guess) return moment;
  }
  return wall - offsetMinutes(zone, wall) * 60_000;
}

/** "YYYY-MM-DD HH:mm:ss" in China time (UTC+8), as the service writes times. */
export const chinaTimeOf = (moment: number): string => new Date(moment + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** ISO-8601 with the zone's offset, as `umeet --json` prints moments: `2027-01-12T18:00:00-08:00`. */
export function isoIn(zone: string, moment: number): string {
  const offset = offsetMinutes(zone, moment);
  const wall = new Date(moment + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}
