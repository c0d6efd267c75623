/**
 * The service's clock: times without a zone (`yyyy-MM-dd HH:mm:ss`) are China time, UTC+8, which has
 * had no daylight saving time since 1991 (docs/umeet-api.md). Some reporting calls answer ISO-8601.
 */
export const SERVICE_OFFSET_MS = 8 * 3600_000;

/** ISO-8601 with a zone: `2019-09-01T00:54:50Z`, `2027-01-04T09:00:00+08:00`. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A start_time of the service (`yyyy-MM-dd HH:mm:ss`, China time, or ISO-8601 with a zone) as a Date; anything
 * else is no time (Date alone would read the schedule answer's documented start_time "7" as July 2001).
 */
export function parseServiceTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(trimmed);
  if (!local && !ISO_WITH_ZONE.test(trimmed)) return undefined;
  const date = new Date(local ? `${local[1]}T${local[2]}+08:00` : trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A moment as the service reads times: `yyyy-MM-dd HH:mm:ss` in China time (UTC+8), whatever the local
 * time zone. The inverse of parseServiceTime for that form.
 */
export function toServiceTime(at: Date): string {
  return new Date(at.getTime() + SERVICE_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The moment's wall clock in China as a Date whose UTC fields read it (for day-of-week and date arithmetic). */
export const chinaWallClock = (at: Date): Date => new Date(at.getTime() + SERVICE_OFFSET_MS);
