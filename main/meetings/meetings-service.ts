import type { Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';
import type { Preset } from '../../common/preset.js';
import type { RecentMeeting, RecentState } from '../../common/recent.js';
import type { ApiFailure, InstantMeeting } from '../../common/umeet-api.js';
import type { Logger } from '../log.js';
import { checkLink } from '../platform/link-allowlist.js';
import type { Clipboard, Confirm, Notify, OpenLink, Timers } from '../ports.js';
import { realTimers } from '../ports.js';
import type { AppStore } from '../store/app-store.js';
import type { Vault } from '../vault/vault.js';
import type { ApiClients } from './api-clients.js';
import { failureText, isAmbiguous } from './failure-text.js';
import { groupMeetingId } from '../../common/format.js';
import { invitationText } from './invitation.js';
import { parseServiceTime } from './meeting-state.js';
import { presetToInstant } from './preset-to-instant.js';
import { createStatusRefresh } from './status-refresh.js';

export type StartFailure =
  | { kind: 'no-credentials' }
  | { kind: 'locked' }
  | { kind: 'unknown-preset' }
  | { kind: 'api'; failure: ApiFailure };

export type StartOutcome =
  | { ok: true; meeting: RecentMeeting; opened: 'opened' | 'refused' | 'none' }
  | { ok: false; failure: StartFailure; message: string };

/** A create that may or may not have happened: the user can ask the service. */
export interface PendingCheck {
  id: string;
  presetId: string;
  topic: string;
  userKey?: string;
  sentAt: string;
}

export type CopyWhat = 'join-link' | 'meeting-id' | 'host-key' | 'invitation';

export interface MeetingsDeps {
  store: Pick<AppStore, 'preset' | 'settings' | 'recent' | 'addRecent' | 'updateRecent'>;
  vault: Pick<Vault, 'get' | 'status'>;
  api: Pick<ApiClients, 'click' | 'background'>;
  openLink: OpenLink;
  clipboard: Clipboard;
  notify: Notify;
  confirm: Confirm;
  locale: () => Locale;
  t: () => Translate;
  now?: () => Date;
  log?: Logger;
  timers?: Timers;
  refreshDelaysMs?: readonly number[];
}

/** How recent "recent" is for adopting a meeting found by the check. */
const ADOPT_WINDOW_MS = 2 * 60_000;

/**
 * The click path (DESIGN.md, steps 1 to 6) and everything done to a meeting afterwards. Never
 * throws to the tray: every outcome is told to the user, and a create is never sent twice for
 * one intent nor retried after it may have reached the service.
 */
export function createMeetingsService(deps: MeetingsDeps) {
  const now = deps.now ?? (() => new Date());
  const inFlight = new Map<string, Promise<StartOutcome>>();
  const pending = new Map<string, PendingCheck>();
  const listeners = new Set<() => void>();
  let lastError: string | undefined;
  let checkSeq = 0;

  const changed = () => listeners.forEach((listener) => listener());
  const policy = () => ({ apiBaseUrl: deps.store.settings().apiBaseUrl, extraHosts: deps.store.settings().trustedLinkHosts });

  const refresh = createStatusRefresh({
    recent: () => deps.store.recent(),
    get: (id) => deps.api.background().get(id),
    update: (id, state, checkedAt) => {
      deps.store.updateRecent(id, { state, checkedAt: checkedAt.toISOString() });
      changed();
    },
    now,
    timers: deps.timers ?? realTimers,
    ...(deps.refreshDelaysMs ? { delays: deps.refreshDelaysMs } : {}),
  });

  /** A link from the service, if the allowlist trusts it; otherwise undefined, and the user is told once. */
  function trusted(link: string | undefined): string | undefined {
    if (!link) return undefined;
    const verdict = checkLink(link, policy());
    if (verdict.ok) return verdict.url;
    const host = verdict.host || '?';
    deps.log?.warn('link refused', { reason: verdict.reason, host });
    // Refused means refused everywhere: not opened, not copied, not stored.
    deps.notify({ title: deps.t()('app.title'), body: deps.t()('meeting.untrustedLink', { host }) });
    return undefined;
  }

  /** Opens a link only if the allowlist accepts it; otherwise tells the user and opens nothing. */
  function openChecked(link: string): 'opened' | 'refused' {
    const url = trusted(link);
    if (!url) return 'refused';
    deps.openLink(url).catch((error: unknown) => deps.log?.error('opening a link failed', { error: String(error) }));
    return 'opened';
  }

  function fail(preset: Preset | undefined, failure: StartFailure, pendingCheck?: PendingCheck): StartOutcome {
    const t = deps.t();
    const message =
      failure.kind === 'api'
        ? failureText(failure.failure, t)
        : t(failure.kind === 'no-credentials' ? 'meeting.noCredentials' : failure.kind === 'locked' ? 'meeting.locked' : 'meeting.unknownPreset');
    lastError = message;
    deps.notify({
      title: t('meeting.failedTitle', { name: preset?.name ?? '?' }),
      body: pendingCheck ? `${message}\n${t('meeting.checkHint')}` : message,
      ...(pendingCheck ? { onClick: () => void service.check(pendingCheck.id) } : {}),
    });
    return { ok: false, failure, message };
  }

  function record(preset: Preset, meeting: InstantMeeting, links: { joinUrl?: string | undefined; watchUrl?: string | undefined }, topic: string, createdAt: Date, userKey?: string): RecentMeeting {
    const { joinUrl, watchUrl } = links;
    const entry: RecentMeeting = {
      meetingId: meeting.meeting_id,
      topic,
      presetId: preset.id,
      createdAt: createdAt.toISOString(),
      capacity: preset.capacity,
      ...(preset.duration ? { duration: preset.duration } : {}),
      ...(joinUrl ? { joinUrl } : {}),
      ...(meeting.host_key ? { hostKey: meeting.host_key } : {}),
      ...(watchUrl ? { watchUrl } : {}),
      ...(userKey ? { userKey } : {}),
      state: 'waiting',
    };
    return entry;
  }

  async function run(presetId: string): Promise<StartOutcome> {
    const preset = deps.store.preset(presetId);
    if (!preset) return fail(undefined, { kind: 'unknown-preset' });
    const credentials = await deps.vault.get();
    if (!credentials) return fail(preset, { kind: deps.vault.status().locked ? 'locked' : 'no-credentials' });

    const startedAt = now();
    const input = presetToInstant(preset, startedAt, deps.store.settings().defaultUserKey);
    const answer = await deps.api.click().instant(input);
    if (!answer.ok) {
      let check: PendingCheck | undefined;
      if (isAmbiguous(answer.failure)) {
        check = {
          id: `check-${++checkSeq}`,
          presetId,
          topic: input.topic,
          ...(input.user_key ? { userKey: input.user_key } : {}),
          sentAt: startedAt.toISOString(),
        };
        pending.set(check.id, check);
      }
      return fail(preset, { kind: 'api', failure: answer.failure }, check);
    }

    // In this order: open, copy, notify, then record (the disk write is the last thing, deferred).
    // Every link from the answer passes the allowlist before any use: opening, copying, storing.
    const meeting = answer.value;
    const t = deps.t();
    const joinUrl = trusted(meeting.join_url);
    let opened: 'opened' | 'refused' | 'none' = 'none';
    if (preset.afterCreate.open === 'start' && meeting.start_url) opened = openChecked(meeting.start_url);
    else if (preset.afterCreate.open === 'join' && meeting.join_url) opened = joinUrl ? openChecked(joinUrl) : 'refused';

    const facts = { topic: input.topic, startedAt, meetingId: meeting.meeting_id, joinUrl, hostKey: meeting.host_key };
    let copied = '';
    if (preset.afterCreate.copy === 'join-link' && joinUrl) {
      deps.clipboard.writeText(joinUrl);
      copied = t('meeting.copiedLink');
    } else if (preset.afterCreate.copy === 'invitation') {
      deps.clipboard.writeText(invitationText(facts, deps.locale(), false));
      copied = t('meeting.copiedInvitation');
    }
    deps.notify({
      title: t('meeting.startedTitle', { topic: input.topic }),
      body: t('meeting.startedBody', { id: groupMeetingId(meeting.meeting_id), hostKey: meeting.host_key ?? '—', copied }),
    });
    lastError = undefined;

    const entry = record(preset, meeting, { joinUrl, watchUrl: trusted(meeting.watch_url) }, input.topic, startedAt, input.user_key);
    deps.store.addRecent(entry);
    refresh.watch(entry);
    return { ok: true, meeting: entry, opened };
  }

  const recentById = (id: string) => deps.store.recent().find((m) => m.meetingId === id);

  const service = {
    /**
     * Starts a meeting from a preset. A second call for the same preset while the first is in
     * flight joins it: one intent, one request.
     */
    start(presetId: string): Promise<StartOutcome> {
      const existing = inFlight.get(presetId);
      if (existing) return existing;
      const promise = run(presetId)
        .catch((error: unknown): StartOutcome => {
          deps.log?.error('start failed unexpectedly', { error: String(error) });
          return fail(deps.store.preset(presetId), { kind: 'unknown-preset' });
        })
        .finally(() => {
          inFlight.delete(presetId);
          changed();
        });
      inFlight.set(presetId, promise);
      // Show "Starting…" once the request is on its way: rebuilding the tray menu is not worth
      // delaying the request for.
      setImmediate(() => {
        if (inFlight.get(presetId) === promise) changed();
      });
      return promise;
    },

    busy: (): ReadonlySet<string> => new Set(inFlight.keys()),
    lastError: () => lastError,
    pendingChecks: (): PendingCheck[] => [...pending.values()],

    /**
     * After an ambiguous failure: looks for the meeting in the service's list (by user_key when
     * there is one) and adopts a match created in the last two minutes into the recent list.
     */
    async check(checkId: string): Promise<'adopted' | 'not-found' | 'failed'> {
      const item = pending.get(checkId);
      if (!item) return 'not-found';
      const t = deps.t();
      const answer = await deps.api.background().list({ ...(item.userKey ? { user_key: item.userKey } : {}), page_size: 50 });
      if (!answer.ok) {
        deps.notify({ title: deps.t()('app.title'), body: t('meeting.checkFailed', { error: failureText(answer.failure, t) }) });
        return 'failed';
      }
      pending.delete(checkId);
      const sentAt = Date.parse(item.sentAt);
      const known = new Set(deps.store.recent().map((m) => m.meetingId));
      const match = answer.value.meetings.find((m) => {
        if (m.topic !== item.topic || known.has(m.id)) return false;
        const started = parseServiceTime(m.start_time);
        // No time in the answer: the topic, which carries {date} {time} in most presets, decides.
        if (!started) return true;
        return started.getTime() >= sentAt - ADOPT_WINDOW_MS && started.getTime() <= now().getTime() + 60_000;
      });
      if (!match) {
        deps.notify({ title: t('meeting.checkNotFoundTitle'), body: t('meeting.checkNotFoundBody', { topic: item.topic }) });
        changed();
        return 'not-found';
      }
      const preset = deps.store.preset(item.presetId);
      const matchJoinUrl = trusted(match.join_url);
      const entry: RecentMeeting = {
        meetingId: match.id,
        topic: match.topic ?? item.topic,
        presetId: item.presetId,
        createdAt: (parseServiceTime(match.start_time) ?? new Date(sentAt)).toISOString(),
        ...(preset ? { capacity: preset.capacity } : {}),
        ...(match.duration ? { duration: match.duration } : {}),
        ...(matchJoinUrl ? { joinUrl: matchJoinUrl } : {}),
        ...(match.host_key ? { hostKey: match.host_key } : {}),
        ...(item.userKey ? { userKey: item.userKey } : {}),
        state: match.status === 1 ? 'in-progress' : 'waiting',
      };
      deps.store.addRecent(entry);
      refresh.watch(entry);
      deps.notify({ title: t('meeting.checkFoundTitle'), body: t('meeting.checkFoundBody', { topic: entry.topic, id: groupMeetingId(entry.meetingId) }) });
      changed();
      return 'adopted';
    },

    openAsParticipant(meetingId: string): 'opened' | 'refused' | 'none' {
      const link = recentById(meetingId)?.joinUrl;
      return link ? openChecked(link) : 'none';
    },

    /** Fetches a fresh host link (start_url is never stored) and opens it. */
    async openAsHost(meetingId: string): Promise<'opened' | 'refused' | 'failed'> {
      const answer = await deps.api.click().getStartUrl(meetingId);
      if (!answer.ok) {
        const t = deps.t();
        deps.notify({ title: t('app.title'), body: t('meeting.hostLinkFailed', { error: failureText(answer.failure, t) }) });
        return 'failed';
      }
      return openChecked(answer.value.start_url);
    },

    openLive(meetingId: string): 'opened' | 'refused' | 'none' {
      const link = recentById(meetingId)?.watchUrl;
      return link ? openChecked(link) : 'none';
    },

    copy(meetingId: string, what: CopyWhat): boolean {
      const meeting = recentById(meetingId);
      if (!meeting) return false;
      const text =
        what === 'join-link'
          ? meeting.joinUrl
          : what === 'meeting-id'
            ? meeting.meetingId
            : what === 'host-key'
              ? meeting.hostKey
              : invitationText(
                  { topic: meeting.topic, startedAt: new Date(meeting.createdAt), meetingId: meeting.meetingId, ...(meeting.joinUrl ? { joinUrl: meeting.joinUrl } : {}) },
                  deps.locale(),
                  false,
                );
      if (!text) return false;
      deps.clipboard.writeText(text);
      return true;
    },

    /** Ends a meeting for everyone, after the user confirmed. Never retried on its own. */
    async end(meetingId: string): Promise<'ended' | 'cancelled' | 'failed'> {
      const meeting = recentById(meetingId);
      if (!meeting) return 'failed';
      const t = deps.t();
      const confirmed = await deps.confirm({
        message: t('meeting.endConfirm', { topic: meeting.topic, id: groupMeetingId(meeting.meetingId) }),
        detail: t('meeting.endConfirmDetail'),
        confirm: t('meeting.endButton'),
        cancel: t('meeting.cancelButton'),
      });
      if (!confirmed) return 'cancelled';
      const answer = await deps.api.click().end(meetingId);
      if (!answer.ok) {
        deps.notify({ title: t('app.title'), body: t('meeting.endFailed', { error: failureText(answer.failure, t) }) });
        return 'failed';
      }
      const state: RecentState = 'ended';
      deps.store.updateRecent(meetingId, { state, checkedAt: now().toISOString() });
      refresh.stop(meetingId);
      deps.notify({ title: t('meeting.endedTitle'), body: `${meeting.topic} · ${groupMeetingId(meeting.meetingId)}` });
      changed();
      return 'ended';
    },

    /** At start-up: watch the recent meetings that can still change. */
    resume: () => refresh.resume(),
    stop: () => refresh.stopAll(),
    runningTimers: () => refresh.running(),

    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return service;
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
