import { chinaTime, parseChinaTime } from './china-time.js';

/**
 * The schedule and update calls' fields read as the service would (docs/umeet-api.md, "Schedule a
 * meeting"), and a series' meetings worked out day by day on China's calendar. Written by hand, apart
 * from the app's ical.js expansion (core/calendar/series.ts), so that a test of the app's series is
 * checked against something independent.
 *
 * Days are numbered 1 = Sunday … 7 = Saturday, for `weekly_days` and `monthly_week_day`: the app's
 * reading of the documentation (common/schedule.ts). The sandbox cannot tell which reading the real
 * service takes; it takes the same one, so the app's comparison of the booked days is what is tested.
 */

/** A series of at most this many meetings. */
export const MAX_SERIES = 50;
/** How far ahead a series is looked for: a rule that makes fewer than 50 meetings in ten years stops there. */
const MAX_SEARCH_DAYS = 366 * 10;
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** How a series repeats, in the service's terms. */
export type Rule =
  | { type: 'daily'; workingDays: boolean }
  | { type: 'weekly'; days: number[] }
  | { type: 'monthly-day'; day: number }
  | { type: 'monthly-week'; week: number; day: number };

export interface SeriesEnd {
  times?: number;
  /** The last moment a meeting may start, epoch ms. */
  until?: number;
}

export interface Plan {
  /** The first meeting's start as asked (`start_time`), epoch ms. */
  start: number;
  duration: number;
  rule?: Rule;
  end?: SeriesEnd;
  /** Every meeting's start, epoch ms, first to last. */
  occurrences: number[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; status: 3000; message: string };

const bad = (message: string) => ({ ok: false as const, status: 3000 as const, message });
const whole = (text: string | undefined) => (/^\d+$/.test(text ?? '') ? Number(text) : undefined);

/** The rule of `recurrence_type` and its companions; undefined for a single meeting (absent or ""). */
export function parseRule(fields: Record<string, string>): Parsed<Rule | undefined> {
  const type = fields.recurrence_type ?? '';
  if (type === '') return { ok: true, value: undefined };
  if (type === '1') {
    const daily = fields.daily_type ?? '1';
    if (daily !== '1' && daily !== '2') return bad('daily_type 只能是 1（每天）或 2（工作日）');
    return { ok: true, value: { type: 'daily', workingDays: daily === '2' } };
  }
  if (type === '2') {
    // The documentation prints the list with a full-width comma: both are read.
    const parts = (fields.weekly_days ?? '').split(/[,，]/).map((part) => part.trim());
    const days = parts.map(whole);
    if (!fields.weekly_days || days.some((d) => d === undefined || d < 1 || d > 7)) {
      return bad('weekly_days 应为 1–7 的星期（1 为周日），以逗号分隔');
    }
    return { ok: true, value: { type: 'weekly', days: [...new Set(days as number[])].sort((a, b) => a - b) } };
  }
  if (type === '3') {
    if (fields.monthly_day !== undefined && fields.monthly_day !== '') {
      const day = whole(fields.monthly_day);
      if (day === undefined || day < 1 || day > 31) return bad('monthly_day 应为 1–31');
      return { ok: true, value: { type: 'monthly-day', day } };
    }
    const week = whole(fields.monthly_week);
    if (week === undefined || week < 1 || week > 5) return bad('monthly_week 应为 1–5（或给出 monthly_day）');
    const day = whole(fields.monthly_week_day);
    if (day === undefined || day < 1 || day > 7) return bad('monthly_week_day 应为 1–7（1 为周日）');
    return { ok: true, value: { type: 'monthly-week', week, day } };
  }
  return bad('recurrence_type 只能是 1（每天）、2（每周）、3（每月）或空');
}

/** `end_date_time` as `yyyy-MM-dd HH:mm:ss` or a date alone (its last second), China time. */
function parseUntil(text: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseChinaTime(`${text} 23:59:59`);
  return parseChinaTime(text);
}

/** How a series ends: `end_date_time` wins over `end_times` when both are given. */
export function parseEnd(fields: Record<string, string>, start: number): Parsed<SeriesEnd> {
  if (fields.end_date_time) {
    const until = parseUntil(fields.end_date_time);
    if (until === undefined) return bad('end_date_time 格式应为 yyyy-MM-dd HH:mm:ss');
    if (until < start) return bad('end_date_time 不能早于 start_time');
    return { ok: true, value: { until } };
  }
  if (fields.end_times) {
    const times = whole(fields.end_times);
    if (times === undefined || times < 1 || times > MAX_SERIES) return bad(`end_times 应为 1–${MAX_SERIES}`);
    return { ok: true, value: { times } };
  }
  return bad('重复会议须给出 end_times 或 end_date_time');
}

/** A day on China's calendar, as the UTC fields of a Date. */
const chinaDay = (ms: number) => new Date(ms + CHINA_OFFSET_MS);

/** Which week of its month a day is in, counted as the Nth of its weekday (days 1–7 are the first). */
const nthOfMonth = (day: Date) => Math.ceil(day.getUTCDate() / 7);

/**
 * Which day is 1: Sunday (the app's reading, the default) or Monday (the other reading of the
 * documentation, for tests of what the app does when the service reads the days otherwise).
 */
export type FirstWeekday = 'sunday' | 'monday';

/** Whether the rule makes a meeting on this China day (a Date whose UTC fields read it). */
function makes(rule: Rule, day: Date, first: FirstWeekday): boolean {
  // 1 = Sunday … 7 = Saturday, or 1 = Monday … 7 = Sunday.
  const weekday = first === 'sunday' ? day.getUTCDay() + 1 : ((day.getUTCDay() + 6) % 7) + 1;
  switch (rule.type) {
    case 'daily':
      return !rule.workingDays || (weekday >= 2 && weekday <= 6);
    case 'weekly':
      return rule.days.includes(weekday);
    case 'monthly-day':
      // A month without that day (31 in April) has no meeting, as a calendar's BYMONTHDAY.
      return day.getUTCDate() === rule.day;
    case 'monthly-week':
      // A month without a fifth such weekday has no meeting.
      return weekday === rule.day && nthOfMonth(day) === rule.week;
  }
}

/**
 * The series' meetings: the first day on or after the start's own (China) day that the rule makes, then
 * each day it makes, at the start's time of day in China (China keeps no daylight saving time), until
 * the end or MAX_SERIES meetings.
 */
export function occurrencesOf(start: number, rule: Rule, end: SeriesEnd, first: FirstWeekday = 'sunday'): number[] {
  const found: number[] = [];
  const limit = Math.min(end.times ?? MAX_SERIES, MAX_SERIES);
  for (let n = 0; n < MAX_SEARCH_DAYS && found.length < limit; n += 1) {
    const at = start + n * DAY_MS;
    if (end.until !== undefined && at > end.until) break;
    if (makes(rule, chinaDay(at), first)) found.push(at);
  }
  return found;
}

/** `start_time` and `duration`, required by both calls: 3000 naming the one missing or malformed. */
export function parseSlot(fields: Record<string, string>, now: number): Parsed<{ start: number; duration: number }> {
  if (!fields.start_time) return bad('start_time 不能为空');
  const start = parseChinaTime(fields.start_time);
  if (start === undefined) return bad('start_time 格式应为 yyyy-MM-dd HH:mm:ss');
  if (start < now - 60_000) return bad(`start_time 不能早于当前时间（${chinaTime(now)}）`);
  if (!fields.duration) return bad('duration 不能为空');
  const duration = whole(fields.duration);
  if (duration === undefined || duration <= 30) return bad('duration 必须大于30');
  return { ok: true, value: { start, duration } };
}

/**
 * The meeting password, as the service is taken to check it (the sandbox's assumption: the documentation gives no
 * rule): the characters and the length of the API it copies, letters, digits and @ - _ *, at most 10.
 */
export function checkPassword(fields: Record<string, string>): Parsed<true> {
  const password = fields.password;
  if (password !== undefined && !/^[A-Za-z0-9@_*-]{0,10}$/.test(password)) {
    return bad('会议密码只能包含字母、数字和 @ - _ *，且不能超过 10 位');
  }
  return { ok: true, value: true };
}

/** The flags the two calls take as "true"/"false": anything else is refused, naming the field. */
export function checkFlags(fields: Record<string, string>, names: readonly string[]): Parsed<true> {
  for (const name of names) {
    const value = fields[name];
    if (value !== undefined && value !== 'true' && value !== 'false') return bad(`${name} 只能是 true 或 false`);
  }
  return { ok: true, value: true };
}

/**
 * A whole request's plan: the slot, the rule and its end, and the meetings they make. For an update,
 * `keep` is the series as booked: without `recurrence_type` its rule stays (and its end, unless a new
 * one is given); `recurrence_type` "" makes it a single meeting.
 */
export function planOf(
  fields: Record<string, string>,
  now: number,
  keep?: { rule?: Rule; end?: SeriesEnd },
  first: FirstWeekday = 'sunday',
): Parsed<Plan> {
  const slot = parseSlot(fields, now);
  if (!slot.ok) return slot;
  const { start, duration } = slot.value;
  let rule: Rule | undefined;
  if (keep === undefined || fields.recurrence_type !== undefined) {
    const parsed = parseRule(fields);
    if (!parsed.ok) return parsed;
    rule = parsed.value;
  } else {
    // An update without recurrence_type keeps the series' rule, re-planned from the new start.
    rule = keep.rule;
  }
  let end: SeriesEnd | undefined;
  if (rule) {
    const newEnd = fields.end_times !== undefined || fields.end_date_time !== undefined;
    if (keep?.end && !newEnd && fields.recurrence_type === undefined) end = keep.end;
    else {
      const until = parseEnd(fields, start);
      if (!until.ok) return until;
      end = until.value;
    }
  }
  const occurrences = rule && end ? occurrencesOf(start, rule, end, first) : [start];
  if (occurrences.length === 0) return bad('按重复规则，结束前没有任何一次会议');
  return { ok: true, value: { start, duration, rule, end, occurrences } };
}
