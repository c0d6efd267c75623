import type { RecentMeeting } from '../../common/recent.js';
import type { Logger } from '../../core/log.js';
import type { AppStore } from '../store/app-store.js';
import type { FailureRecord, PendingCheck } from './meetings-service.js';

/**
 * What the click path and the "was it created?" check share: the recent meetings (each one recorded is
 * watched by the status refresh), the last failed start, and the checks an ambiguous failure left.
 */
export function createRecentRecord(deps: {
  store: Pick<AppStore, 'recent' | 'addRecent'>;
  watch: (meeting: RecentMeeting) => void;
  keepOnly: (ids: ReadonlySet<string>) => void;
  log?: Logger | undefined;
  changed: () => void;
}) {
  let lastFailure: FailureRecord | undefined;
  const pending = new Map<string, PendingCheck>();
  let checkSeq = 0;
  return {
    pending,
    lastFailure: (): FailureRecord | undefined => lastFailure,
    setLastFailure(record: FailureRecord | undefined): void {
      lastFailure = record;
    },
    nextCheckId: () => `check-${++checkSeq}`,

    /** Puts a meeting that exists in the recent list and watches it; false (logged) if the list refused it. */
    remember(entry: RecentMeeting): boolean {
      const added = deps.store.addRecent(entry);
      if (!added.ok) {
        deps.log?.error('a meeting could not be recorded', { meetingId: entry.meetingId, fields: added.fields });
        return false;
      }
      deps.watch(added.value);
      // The list keeps the last ten: a meeting that fell off it is no longer watched (its timer would wait minutes for nothing).
      deps.keepOnly(new Set(deps.store.recent().map((m) => m.meetingId)));
      return true;
    },
  };
}

export type RecentRecord = ReturnType<typeof createRecentRecord>;
