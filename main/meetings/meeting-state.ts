import type { RecentState } from '../../common/recent.js';
import type { MeetingInfo } from '../../common/umeet-api.js';

/** States that can still change, and so are worth asking the service about. */
export const canChange = (state: RecentState): boolean => state === 'waiting' || state === 'in-progress' || state === 'unknown';

/** Reads `get`'s answer: del_flag 1 is a released (deleted) meeting; status 0 booked, 1 in progress, 2/3 over. */
export function stateFromInfo(info: MeetingInfo): RecentState {
  if (info.del_flag === 1) return 'released';
  switch (info.status) {
    case 0:
      return 'waiting';
    case 1:
      return 'in-progress';
    case 2:
    case 3:
      return 'ended';
    default:
      return 'unknown';
  }
}

/** A start_time of the service (`yyyy-MM-dd HH:mm:ss`, China time, or ISO-8601 with a zone) as a Date. */
export function parseServiceTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const local = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text);
  const date = new Date(local ? `${local[1]}T${local[2]}+08:00` : text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A moment as the service reads times: `yyyy-MM-dd HH:mm:ss` in China time (UTC+8, which has no daylight
 * saving time), whatever the local time zone. The inverse of parseServiceTime for that form.
 */
export function toServiceTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
