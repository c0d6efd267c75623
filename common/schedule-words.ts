import type { Locale } from './i18n/locale.js';
import { localDate, localTime } from './format.js';
import type { Recurrence, RecurrenceEnd, Weekday } from './schedule.js';
import { recurrenceInChina } from './series-days.js';
import { chinaWallClock, SERVICE_OFFSET_MS } from './service-time.js';

/**
 * A booked meeting in words, in the user's language and on the user's clock: the series ("every week on
 * Monday and Wednesday, 10 times"), and the time zone, named whenever it is not the service's (UTC+8).
 * The invitation, the window and `umeet` say it the same way.
 */

const DAY_NAMES: Record<Locale, Record<Weekday, string>> = {
  en: { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' },
  'zh-CN': { sun: '周日', mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六' },
};
const ORDER: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ORDINAL_EN = ['', '1st', '2nd', '3rd', '4th', '5th'];

const listEn = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export function recurrenceWords(rule: Recurrence, end: RecurrenceEnd | undefined, locale: Locale): string {
  const days = DAY_NAMES[locale];
  const zh = locale === 'zh-CN';
  let what: string;
  switch (rule.kind) {
    case 'daily':
      what = zh ? '每天' : 'every day';
      break;
    case 'weekdays':
      what = zh ? '每个工作日（周一至周五）' : 'every working day (Monday to Friday)';
      break;
    case 'weekly': {
      const chosen = ORDER.filter((d) => rule.days.includes(d)).map((d) => days[d]);
      what = zh ? `每${chosen.join('、')}` : `every week on ${listEn(chosen)}`;
      break;
    }
    case 'monthly-day':
      what = zh ? `每月 ${rule.day} 日` : `every month on day ${rule.day}`;
      break;
    case 'monthly-weekday':
      what = zh ? `每月第 ${rule.week} 个${days[rule.day]}` : `every month on the ${ORDINAL_EN[rule.week]} ${days[rule.day]}`;
      break;
  }
  if (!end) return what;
  const until = 'times' in end ? (zh ? `共 ${end.times} 次` : `${end.times} times`) : zh ? `至 ${end.until}` : `until ${end.until}`;
  return zh ? `${what}，${until}` : `${what}, ${until}`;
}

/**
 * A series booked as the service runs it (the user accepted it so): its rule on Beijing's calendar, at
 * its Beijing time, which is what each meeting keeps ("every month on the 2nd Wednesday, 12 times, at
 * 10:00 Beijing time (UTC+8)").
 */
export function beijingSeriesWords(rule: Recurrence, end: RecurrenceEnd | undefined, start: Date, locale: Locale): string {
  const words = recurrenceWords(recurrenceInChina(rule, start), end, locale);
  const time = chinaWallClock(start).toISOString().slice(11, 16);
  return locale === 'zh-CN' ? `${words}，北京时间 ${time}（UTC+8）` : `${words}, at ${time} Beijing time (UTC+8)`;
}

/** The weekday of a moment on the local clock, short: `Tue`, `周二`. */
export function weekdayWords(at: Date, locale: Locale): string {
  const day = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[at.getDay()]!;
  return locale === 'zh-CN' ? DAY_NAMES['zh-CN'][day] : DAY_NAMES.en[day].slice(0, 3);
}

/** `Tue 2027-01-12 18:00` / `2027-01-12（周二）18:00`: one meeting on the local clock, its weekday beside its date. */
export function meetingWords(at: Date, locale: Locale): string {
  return locale === 'zh-CN'
    ? `${localDate(at)}（${weekdayWords(at, locale)}）${localTime(at)}`
    : `${weekdayWords(at, locale)} ${localDate(at)} ${localTime(at)}`;
}

/**
 * `18:00 (America/Los_Angeles)` / `18:00（America/Los_Angeles）`: a time of day on the local clock, all year
 * round, with the zone named but not its offset (which a series across summer time does not keep).
 */
export function timeWithZone(at: Date, locale: Locale): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || utcOffset(at);
  return locale === 'zh-CN' ? `${localTime(at)}（${zone}）` : `${localTime(at)} (${zone})`;
}

/** `UTC+8`, `UTC−5`, `UTC+5:30`: the offset of the local zone at that moment. */
export function utcOffset(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${minutes < 0 ? '−' : '+'}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** Whether the local clock reads as the service's at that moment (UTC+8): then the zone goes without saying. */
export const isServiceZone = (at: Date): boolean => -at.getTimezoneOffset() * 60_000 === SERVICE_OFFSET_MS;

/** Zones that are UTC itself: their name and offset would say the same twice ("UTC, UTC"). */
const UTC_ZONES = new Set([
  'UTC',
  'Etc/UTC',
  'UCT',
  'Etc/UCT',
  'Universal',
  'Etc/Universal',
  'Zulu',
  'Etc/Zulu',
  'GMT',
  'Etc/GMT',
  'GMT0',
  'Etc/GMT0',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'Greenwich',
  'Etc/Greenwich',
]);

/** The local zone's IANA name, when the runtime knows it (ICU says `Etc/Unknown` for an empty TZ). */
const localZoneId = (): string | undefined => {
  const id = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return id && id !== 'Etc/Unknown' ? id : undefined;
};

/**
 * The local zone's name (IANA) and its offset at that moment, e.g. `America/New_York, UTC−5`; `UTC` alone for UTC
 * (TZ unset on most servers). The one way the window, the invitation and `umeet` name a zone.
 */
export function zoneName(at: Date): string {
  const iana = localZoneId();
  const offset = utcOffset(at);
  return !iana || (offset === 'UTC' && UTC_ZONES.has(iana)) ? offset : `${iana}, ${offset}`;
}

/**
 * How a list of local times names their zone: with its offset when they all share one (`America/New_York, UTC−5`);
 * else the zone alone, and each time says its own offset (`eachOffset`): summer and winter times in one list would
 * otherwise read under one offset that is wrong for some of them.
 */
export function zoneOfTimes(times: readonly Date[], now: Date = new Date()): { zone: string; eachOffset: boolean } {
  if (new Set(times.map((at) => at.getTimezoneOffset())).size <= 1) return { zone: zoneName(times[0] ?? now), eachOffset: false };
  return { zone: localZoneId() ?? 'local time', eachOffset: true };
}

/** "2027-03-13 10:00" on the local clock, with its offset ("2027-03-13 10:00 UTC−5") when the list needs each one's. */
export const localMinuteIn = (at: Date, eachOffset: boolean): string =>
  `${localDate(at)} ${localTime(at)}${eachOffset ? ` ${utcOffset(at)}` : ''}`;

/** "2026-12-01 09:00–10:00", with the zone named when it is not UTC+8 (or always, `withZone`). */
export function slotWords(start: Date, minutes: number, options: { withZone?: boolean } = {}): string {
  const end = new Date(start.getTime() + minutes * 60_000);
  const endText = localDate(end) === localDate(start) ? localTime(end) : `${localDate(end)} ${localTime(end)}`;
  const text = `${localDate(start)} ${localTime(start)}–${endText}`;
  return options.withZone || !isServiceZone(start) ? `${text} (${zoneName(start)})` : text;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A booked meeting's day and hours as a card shows them, weekday included: `12月19日 周六 10:00–11:00` /
 * `Sat 19 Dec 10:00–11:00`; the year when it is not this year's, the zone when it is not the service's.
 */
export function cardWhen(start: Date, minutes: number, locale: Locale, now: Date = new Date()): string {
  const end = new Date(start.getTime() + minutes * 60_000);
  const otherYear = start.getFullYear() !== now.getFullYear();
  const day = weekdayWords(start, locale);
  const date =
    locale === 'zh-CN'
      ? `${otherYear ? `${start.getFullYear()}年` : ''}${start.getMonth() + 1}月${start.getDate()}日 ${day}`
      : `${day} ${start.getDate()} ${MONTHS_EN[start.getMonth()]}${otherYear ? ` ${start.getFullYear()}` : ''}`;
  const hours = `${localTime(start)}–${localDate(end) === localDate(start) ? localTime(end) : `${localDate(end)} ${localTime(end)}`}`;
  return `${date} ${hours}${isServiceZone(start) ? '' : ` (${zoneName(start)})`}`;
}
