/**
 * Times as the service writes and reads them. Its calls speak China time without a zone
 * (`yyyy-MM-dd HH:mm:ss`, UTC+8, which has no daylight saving time), and its reporting calls
 * ISO-8601 in UTC (docs/umeet-api.md, "Times"). The sandbox keeps its own copy of these rules, apart
 * from the app's, so that a test of the app's conversion is checked against something independent.
 */

const CHINA_OFFSET_MS = 8 * 3600_000;
const SERVICE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** `yyyy-MM-dd HH:mm:ss` in UTC+8. */
export function chinaTime(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** A `yyyy-MM-dd HH:mm:ss` the service would accept, as epoch ms; undefined for anything else (2026-02-30 too). */
export function parseChinaTime(text: string | undefined): number | undefined {
  const parts = SERVICE_TIME.exec(text ?? '');
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - CHINA_OFFSET_MS;
  // Date.UTC rolls 30 February over into March: the text read back must be the text given.
  return chinaTime(ms) === text ? ms : undefined;
}

/** ISO-8601 in UTC without fractions, as the reporting calls write it: `2019-09-01T00:54:50Z`. */
export function isoUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
