import { localDate, localTime } from './format.js';

/**
 * A date or a time as typed in the schedule form's own fields, read into the form the app writes them in
 * (common/format.ts: `2026-12-21`, `14:30`, in both languages). Chromium's date and time inputs draw the
 * browser's locale, not the app's (issue 29, item 7), so the form has text fields of its own and reads them here.
 *
 * `typing`: the field still has the focus, and only what cannot be the start of something longer is read
 * (`2026-12-2` may yet become `2026-12-21`; read as the 2nd, the form would act on a day not meant).
 */
export function readDate(text: string, typing = false): string | undefined {
  const t = text.trim();
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*(日)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})()$/.exec(t) ?? undefined;
  if (!parts) return undefined;
  const [, y, m, d, closed] = parts;
  if (typing && d!.length < 2 && !closed) return undefined;
  const day = new Date(Number(y), Number(m) - 1, Number(d), 12);
  // A day the calendar has (not 2026-02-30, which Date would carry into March).
  if (day.getFullYear() !== Number(y) || day.getMonth() !== Number(m) - 1 || day.getDate() !== Number(d)) return undefined;
  return localDate(day);
}

/** A time of day, typed as `14:30`, `9:05`, `2:30 pm`, `下午2:30`; once the field is left also `1430`, `930`, `9`. */
export function readTime(text: string, typing = false): string | undefined {
  let t = text.trim().toLowerCase().replace('：', ':');
  let half: 'am' | 'pm' | undefined;
  const before = /^(上午|早上|凌晨|下午|晚上|中午)\s*/.exec(t);
  if (before) {
    half = ['下午', '晚上', '中午'].includes(before[1]!) ? 'pm' : 'am';
    t = t.slice(before[0].length);
  }
  const after = /\s*([ap])\.?\s*m\.?$/.exec(t);
  if (after) {
    half = after[1] === 'p' ? 'pm' : 'am';
    t = t.slice(0, after.index);
  }
  const parts = /^(\d{1,2})[:.](\d{2})$/.exec(t) ?? (typing ? undefined : (/^(\d{1,2})(\d{2})$/.exec(t) ?? /^(\d{1,2})()$/.exec(t)));
  if (!parts) return undefined;
  let hours = Number(parts[1]);
  const minutes = Number(parts[2] || 0);
  if (half) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return undefined;
  return localTime(new Date(2000, 0, 1, hours, minutes));
}

/** A typed date moved by whole days (on the calendar, not by 24 h: a day with a clock change is still one day). */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T12:00`);
  day.setDate(day.getDate() + days);
  return localDate(day);
}

/** A time of day moved by minutes, round the clock (23:45 + 15 min is 00:00). */
export function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = (((h! * 60 + m! + minutes) % 1440) + 1440) % 1440;
  return localTime(new Date(2000, 0, 1, Math.floor(total / 60), total % 60));
}
