/**
 * `--at "YYYY-MM-DD HH:mm"`: a time as the user reads their own clock. The service wants China time;
 * the conversion is toServiceTime's (core/meetings/meeting-state.ts), from the Date made here.
 */

import { parseServiceTime } from '../common/service-time.js';

const LOCAL_MINUTE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

export type LocalTime = { ok: true; at: Date } | { ok: false; problem: string };

export function parseLocalMinute(text: string): LocalTime {
  const parts = LOCAL_MINUTE.exec(text.trim());
  if (!parts) return { ok: false, problem: `must be a local date and time "YYYY-MM-DD HH:mm", not ${JSON.stringify(text)}` };
  const [year, month, day, hour, minute] = parts.slice(1).map(Number) as [number, number, number, number, number];
  const at = new Date(year, month - 1, day, hour, minute);
  // Date rolls 30 February into March and a time skipped by a clock change into the next hour: read
  // back, such a time is not the one typed, and guessing which one was meant could book the wrong hour.
  const same =
    at.getFullYear() === year &&
    at.getMonth() === month - 1 &&
    at.getDate() === day &&
    at.getHours() === hour &&
    at.getMinutes() === minute;
  return same ? { ok: true, at } : { ok: false, problem: `${JSON.stringify(text)} is not a date and time that exists in your time zone` };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-01T20:00:00-05:00`: a moment as ISO-8601 on the local clock, with the local zone's offset then. */
export function isoLocal(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  // Always a numeric offset, +00:00 too: one shape for scripts to read.
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${date}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}${zone}`;
}

/**
 * A time of the service's (China time without a zone, or ISO-8601) as `--json` prints times: ISO-8601 with the
 * local offset. Text that reads as no time is left as the service gave it.
 */
export function isoFromService(text: string | undefined): string | undefined {
  const at = parseServiceTime(text);
  return at ? isoLocal(at) : text;
}
