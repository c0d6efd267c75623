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

// The service's clock, defined once in common/ (the window and the CLI read it too).
export { parseServiceTime, toServiceTime } from '../../common/service-time.js';
