import type { Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';
import type { RecentMeeting } from '../../common/recent.js';
import type { ApiFailure } from '../../common/umeet-api.js';
import type { Logger } from '../../core/log.js';
import type { Clipboard, CommandNotify, Confirm, OpenLink, Timers } from '../ports.js';
import { realTimers } from '../ports.js';
import type { AppStore } from '../store/app-store.js';
import type { Vault } from '../vault/vault.js';
import type { ApiClients } from './api-clients.js';
import { failureText } from '../../core/meetings/failure-text.js';
import { createStatusRefresh } from './status-refresh.js';
import type { Availability } from './availability.js';
import { createCheckedLinks } from './checked-links.js';
import { createClickPath } from './click-path.js';
import { createCreatedCheck } from './created-check.js';
import { createRecentActions } from './recent-actions.js';
import { createRecentRecord } from './recent-record.js';

export type StartFailure =
  | { kind: 'no-credentials' }
  | { kind: 'locked' }
  | { kind: 'unknown-preset' }
  | { kind: 'api'; failure: ApiFailure }
  /** Something in the app threw; the details are in the log. A meeting it had created is still recorded. */
  | { kind: 'internal' };

/**
 * The last failed start, kept as data so that whoever shows it (the tray, the window) says it in the
 * language of the moment, not of the failure; see main/meetings/last-error.ts.
 */
export interface FailureRecord {
  at: string;
  presetId?: string;
  /** The preset's name when it failed, for a preset deleted since. */
  presetName?: string;
  failure: StartFailure;
  /** The "was it created?" check this failure left, if it was ambiguous. */
  checkId?: string;
  /** No room of the preset's size was free: the next size up that has one, offered as one click. */
  offer?: { capacity: number; from: number };
}

export type StartOutcome =
  | { ok: true; meeting: RecentMeeting; opened: 'opened' | 'refused' | 'none' }
  | { ok: false; failure: StartFailure; message: string; meeting?: RecentMeeting };

/** A create that may or may not have happened: the user can ask the service. */
export interface PendingCheck {
  id: string;
  presetId: string;
  topic: string;
  userKey?: string;
  sentAt: string;
}

export interface MeetingsDeps {
  store: Pick<AppStore, 'preset' | 'settings' | 'recent' | 'addRecent' | 'updateRecent'>;
  /** The free rooms, read after a refused create to offer the next size up; none offered without it. */
  availability?: Pick<Availability, 'readNow'>;
  vault: Pick<Vault, 'get' | 'status'>;
  api: Pick<ApiClients, 'click' | 'background'>;
  openLink: OpenLink;
  clipboard: Clipboard;
  notify: CommandNotify;
  confirm: Confirm;
  locale: () => Locale;
  t: () => Translate;
  now?: () => Date;
  log?: Logger;
  timers?: Timers;
  refreshDelaysMs?: readonly number[];
}

/** What went wrong with a start, in the user's language. */
export function startFailureText(failure: StartFailure, t: Translate): string {
  switch (failure.kind) {
    case 'api':
      return failureText(failure.failure, t);
    case 'no-credentials':
      return t('meeting.noCredentials');
    case 'locked':
      return t('meeting.locked');
    case 'unknown-preset':
      return t('meeting.unknownPreset');
    case 'internal':
      return t('meeting.internal');
  }
}

/**
 * Meetings started now: the click path (click-path.ts) and everything done to a meeting afterwards (the
 * status refresh, the "was it created?" check, the actions on a recent meeting), composed. Never throws:
 * every outcome is told to the user, and a create is never sent twice for one intent nor retried after it
 * may have reached the service.
 */
export function createMeetingsService(deps: MeetingsDeps) {
  const now = deps.now ?? (() => new Date());
  const inFlight = new Map<string, Promise<StartOutcome>>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  const refresh = createStatusRefresh({
    recent: () => deps.store.recent(),
    get: async (id) => (await deps.api.background()).get(id),
    // While it runs: how many are in it, on the same check (no timer of its own). The count only: never who.
    participants: async (id) => {
      const answer = await (await deps.api.background()).meetingDetail(id, 'online', { size: 1 });
      return answer.ok ? answer.value.participants_count : undefined;
    },
    update: (id, state, checkedAt, participants) => {
      deps.store.updateRecent(id, { state, checkedAt: checkedAt.toISOString(), ...(participants !== undefined ? { participants } : {}) });
      changed();
    },
    now,
    timers: deps.timers ?? realTimers,
    ...(deps.refreshDelaysMs ? { delays: deps.refreshDelaysMs } : {}),
  });
  const links = createCheckedLinks({
    settings: () => deps.store.settings(),
    openLink: deps.openLink,
    clipboard: deps.clipboard,
    notify: deps.notify,
    t: deps.t,
    log: deps.log,
  });
  const record = createRecentRecord({ store: deps.store, watch: refresh.watch, keepOnly: refresh.keepOnly, log: deps.log, changed });
  const common = { store: deps.store, api: deps.api, links, notify: deps.notify, t: deps.t, now, changed };
  const clickPath = createClickPath({
    ...common,
    availability: deps.availability,
    vault: deps.vault,
    record,
    locale: deps.locale,
    log: deps.log,
  });
  const actions = createRecentActions({ ...common, confirm: deps.confirm, locale: deps.locale, ended: refresh.stop });

  return {
    /** Starts a meeting from a preset. A second call for the same preset while the first is in flight joins it: one intent, one request. */
    start(presetId: string, options: { capacity?: number } = {}): Promise<StartOutcome> {
      const existing = inFlight.get(presetId);
      if (existing) return existing;
      const promise = clickPath
        .run(presetId, options.capacity)
        .catch((error: unknown): StartOutcome => {
          deps.log?.error('start failed unexpectedly', { error: String(error) });
          return clickPath.failed(deps.store.preset(presetId), { kind: 'internal' });
        })
        .finally(() => {
          inFlight.delete(presetId);
          changed();
        });
      inFlight.set(presetId, promise);
      // Show "Starting…" once the request is on its way: rebuilding the tray menu is not worth delaying the request for.
      setImmediate(() => {
        if (inFlight.get(presetId) === promise) changed();
      });
      return promise;
    },
    busy: (): ReadonlySet<string> => new Set(inFlight.keys()),
    lastFailure: record.lastFailure,
    /** The user closed the error (the window's banner): the tray's warning line goes with it. */
    dismissError(): void {
      if (!record.lastFailure()) return;
      record.setLastFailure(undefined);
      changed();
    },
    pendingChecks: (): PendingCheck[] => [...record.pending.values()],
    check: createCreatedCheck({ ...common, record }),
    ...actions,
    /** At start-up, once the tray shows: watch the recent meetings that can still change; load the allowlist. */
    resume(): void {
      refresh.resume();
      void links.preload();
    },
    stop: () => refresh.stopAll(),
    runningTimers: () => refresh.running(),
    /** For the booked meetings (scheduling.ts): the same link allowlist and checked clipboard. */
    trusted: links.trusted,
    openChecked: links.openChecked,
    copyChecked: links.copyChecked,
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
