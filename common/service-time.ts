/**
 * The service's clock: times without a zone (`yyyy-MM-dd HH:mm:ss`) are China time, UTC+8, which has
 * had no daylight saving time since 1991 (docs/umeet-api.md). Some reporting calls answer ISO-8601.
 */
export const SERVICE_OFFSET_MS = 8 * 3600_000;

/** A start_time of the service (`yyyy-MM-dd HH:mm:ss`, China time, or ISO-8601 with a zone) as a Date. */
export function parseServiceTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(text.trim());
  const date = new Date(local ? `${local[1]}T${local[2]}+08:00` : text);
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
