import type { UsageReport } from '../../common/usage.js';

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180); a formula's lead made text. */
export function csvField(value: string | number): string {
  let text = String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection): a room's name from the service must not be.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const rows = (lines: readonly (readonly (string | number)[])[]) => lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';

/** `umeet usage --csv`: one row per local day, a header first (issue 31). */
export const daysCsv = (report: UsageReport): string =>
  rows([['date', 'meetings', 'minutes'], ...report.days.map((d) => [d.date, d.meetings, d.minutes])]);

/** The window's export: the days, then each room, with a byte-order mark so Excel reads the UTF-8 (Chinese headers) as UTF-8. */
export function usageCsv(report: UsageReport, headers: { days: readonly string[]; rooms: readonly string[] }): string {
  const days = rows([headers.days, ...report.days.map((d) => [d.date, d.meetings, d.minutes])]);
  const rooms = rows([
    headers.rooms,
    ...report.rooms.map((r) => [r.host_id, r.meetings, r.participants, r.minutes, r.audio_fee, r.no_room]),
  ]);
  return `\uFEFF${days}\r\n${rooms}`;
}
