import type { Command, CopyWhat } from '../../common/commands.js';
import { groupMeetingId } from '../../common/format.js';
import type { Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';
import type { Preset } from '../../common/preset.js';
import type { RecentMeeting, RecentState } from '../../common/recent.js';
import type { ApiFailure, InstantMeeting } from '../../common/umeet-api.js';
import type { Logger } from '../../core/log.js';
import type { Clipboard, CommandNotify, Confirm, OpenLink, Timers } from '../ports.js';
import { realTimers } from '../ports.js';
import type { AppStore } from '../store/app-store.js';
import type { Vault } from '../vault/vault.js';
import type { ApiClients } from './api-clients.js';
import { failureText, isAmbiguous, saysNoFreeRoom } from '../../core/meetings/failure-text.js';
import { invitationText } from '../../core/meetings/invitation.js';
import { parseServiceTime } from '../../core/meetings/meeting-state.js';
import { presetToInstant } from './preset-to-instant.js';
import { createStatusRefresh } from './status-refresh.js';
import { DEFAULT_SLOT_MINUTES, freeFor, nextSizeUp, type Availability } from './availability.js';

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

export type CheckOutcome = 'adopted' | 'not-found' | 'failed';

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

/** How recent "recent" is for adopting a meeting found by the check. */
const ADOPT_WINDOW_MS = 2 * 60_000;

/**
 * The click path (docs/architecture.md, "The click path") and everything done to a meeting
 * afterwards. Never throws: every outcome is told to the user, and a create is never sent twice for
 * one intent nor retried after it may have reached the service.
 */
export function createMeetingsService(deps: MeetingsDeps) {
  const now = deps.now ?? (() => new Date());
  const inFlight = new Map<string, Promise<StartOutcome>>();
  const pending = new Map<string, PendingCheck>();
  const listeners = new Set<() => void>();
  let lastFailure: FailureRecord | undefined;
  let checkSeq = 0;

  const changed = () => listeners.forEach((listener) => listener());
  // The link allowlist carries the public-suffix list (tldts): loaded when first needed, or ahead
  // of the first click by preload(), not before the tray shows.
  let allowlist: Promise<typeof import('../../core/link-allowlist.js')> | undefined;
  const loadAllowlist = () => (allowlist ??= import('../../core/link-allowlist.js'));
  const policy = () => ({ apiBaseUrl: deps.store.settings().apiBaseUrl, extraHosts: deps.store.settings().trustedLinkHosts });

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

  /** A link from the service, if the allowlist trusts it; otherwise undefined, and the user is told. */
  async function trusted(link: string | undefined): Promise<string | undefined> {
    if (!link) return undefined;
    const { checkLink } = await loadAllowlist();
    const verdict = checkLink(link, policy());
    if (verdict.ok) return verdict.url;
    const host = verdict.host || '?';
    deps.log?.warn('link refused', { reason: verdict.reason, host });
    // Refused means refused everywhere: not opened, not copied, not stored.
    deps.notify({ title: deps.t()('app.title'), body: deps.t()('meeting.untrustedLink', { host }) });
    return undefined;
  }

  /** Opens a link only if the allowlist accepts it; otherwise tells the user and opens nothing. */
  async function openChecked(link: string): Promise<'opened' | 'refused'> {
    const url = await trusted(link);
    if (!url) return 'refused';
    deps.openLink(url).catch((error: unknown) => deps.log?.error('opening a link failed', { error: String(error) }));
    return 'opened';
  }

  /**
   * A copy the user asked for (a tray item, a notification's click, the window): written and read back, and where
   * a write now could be dropped unseen (Wayland, no window of ours focused) made from the window once it has focus
   * (`Clipboard.writeWhenFocused`). True only if it was written where it counts (docs/architecture.md, Wayland).
   */
  async function copyChecked(text: string): Promise<boolean> {
    if (deps.clipboard.unconfirmable?.() && deps.clipboard.writeWhenFocused) return deps.clipboard.writeWhenFocused(text);
    return copyAndCheck(text);
  }

  async function copyAndCheck(text: string): Promise<boolean> {
    await deps.clipboard.writeText(text);
    const copied = (await deps.clipboard.readText()) === text;
    if (!copied) deps.log?.warn('the clipboard did not take the text');
    return copied;
  }

  /**
   * The copy a preset asks for after a start, from a click with no window: never said to be done where it may not
   * have been. Where a write could be dropped unseen it is still tried (some compositors take it) but reported as
   * `unconfirmed`, and the notification offers the copy a click away.
   */
  async function copyAfterStart(text: string): Promise<'copied' | 'not-copied' | 'unconfirmed'> {
    const unconfirmable = deps.clipboard.unconfirmable?.() ?? false;
    const written = await copyAndCheck(text);
    if (unconfirmable) return 'unconfirmed';
    return written ? 'copied' : 'not-copied';
  }

  function fail(
    preset: Preset | undefined,
    failure: StartFailure,
    extra: { check?: PendingCheck; meeting?: RecentMeeting; offer?: { capacity: number; from: number } } = {},
  ): StartOutcome {
    const t = deps.t();
    const message = startFailureText(failure, t);
    const { check, meeting, offer } = extra;
    lastFailure = {
      at: now().toISOString(),
      ...(preset ? { presetId: preset.id, presetName: preset.name } : {}),
      failure,
      ...(check ? { checkId: check.id } : {}),
      ...(offer ? { offer } : {}),
    };
    const hint = check ? t('meeting.checkHint') : offer ? t('meeting.noRoomOffer', { size: offer.from, bigger: offer.capacity }) : '';
    deps.notify({
      title: t('meeting.failedTitle', { name: preset?.name ?? '?' }),
      body: hint ? `${message}\n${hint}` : message,
      // Clicking it asks the service, as the tray's "Check whether … was created" does; or takes the room offered.
      ...(check ? { command: { type: 'check-created', checkId: check.id } as const } : {}),
      ...(offer && preset && !check ? { command: { type: 'start', presetId: preset.id, capacity: offer.capacity } as const } : {}),
    });
    return { ok: false, failure, message, ...(meeting ? { meeting } : {}) };
  }

  /** Puts a meeting that exists in the recent list and watches it; false (logged) if the list refused it. */
  function remember(entry: RecentMeeting): boolean {
    const added = deps.store.addRecent(entry);
    if (!added.ok) {
      deps.log?.error('a meeting could not be recorded', { meetingId: entry.meetingId, fields: added.fields });
      return false;
    }
    refresh.watch(added.value);
    // The list keeps the last ten: a meeting that fell off it is no longer watched (its timer would wait minutes for nothing).
    refresh.keepOnly(new Set(deps.store.recent().map((m) => m.meetingId)));
    return true;
  }

  async function entryOf(
    preset: Preset,
    meeting: InstantMeeting,
    topic: string,
    createdAt: Date,
    userKey?: string,
  ): Promise<RecentMeeting> {
    // Links the allowlist refused are not stored; each refusal was told when it was checked.
    const joinUrl = await trusted(meeting.join_url);
    const watchUrl = await trusted(meeting.watch_url);
    return {
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
  }

  /**
   * After a definite refusal: was it because no room of that size is free (the service's 3001, its
   * words, or the rooms as they are now say so), and which bigger size has one? Read fresh, on the
   * background connection: the click is already over.
   */
  async function noRoomOffer(preset: Preset, failure: ApiFailure): Promise<{ capacity: number; from: number } | undefined> {
    if (failure.kind !== 'rejected' || !deps.availability) return undefined;
    const sizes = await deps.availability.readNow();
    if (!sizes) return undefined;
    const minutes = preset.duration ?? DEFAULT_SLOT_MINUTES;
    const here = freeFor(sizes, preset.capacity, now(), minutes);
    const saysNoRoom = saysNoFreeRoom(failure) || here?.free === 0;
    if (!saysNoRoom) return undefined;
    const from = here?.capacity ?? preset.capacity;
    const up = nextSizeUp(sizes, from, now(), minutes);
    return up ? { capacity: up.capacity, from } : undefined;
  }

  async function run(presetId: string, capacity?: number, instead?: { from: number }): Promise<StartOutcome> {
    const stored = deps.store.preset(presetId);
    if (!stored) return fail(undefined, { kind: 'unknown-preset' });
    // A room of another size, this once (the offer after "no room free"): the preset itself is unchanged.
    const preset = capacity ? { ...stored, capacity } : stored;
    const credentials = await deps.vault.get();
    if (!credentials) return fail(preset, { kind: deps.vault.status().locked ? 'locked' : 'no-credentials' });

    const startedAt = now();
    const input = presetToInstant(preset, startedAt, deps.store.settings().defaultUserKey);
    const answer = await (await deps.api.click()).instant(input);
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
      if (check) return fail(preset, { kind: 'api', failure: answer.failure }, { check });
      const offer = await noRoomOffer(preset, answer.failure);
      // "Take the next size up": exactly one more create, and only after this definite refusal.
      if (offer && !capacity && deps.store.settings().whenNoRoom === 'next-size-up')
        return run(presetId, offer.capacity, { from: offer.from });
      return fail(preset, { kind: 'api', failure: answer.failure }, offer ? { offer } : {});
    }

    // The meeting exists from here on: whatever throws below, it is still recorded and watched.
    const meeting = answer.value;
    let entry: RecentMeeting | undefined;
    try {
      entry = await entryOf(preset, meeting, input.topic, startedAt, input.user_key);
      // In this order: open, copy, notify, then record (the disk write is the last thing, deferred).
      const t = deps.t();
      let opened: 'opened' | 'refused' | 'none' = 'none';
      if (preset.afterCreate.open === 'start' && meeting.start_url) opened = await openChecked(meeting.start_url);
      else if (preset.afterCreate.open === 'join' && meeting.join_url)
        opened = entry.joinUrl ? await openChecked(entry.joinUrl) : 'refused';

      const facts = { topic: input.topic, startedAt, meetingId: meeting.meeting_id, joinUrl: entry.joinUrl, hostKey: meeting.host_key };
      let copied = '';
      // A copy not done for sure is a click away: the notification's click copies it (from the window, where needed).
      let copyOnClick: Command | undefined;
      const what = preset.afterCreate.copy === 'invitation' ? 'invitation' : 'join-link';
      const text =
        preset.afterCreate.copy === 'join-link'
          ? entry.joinUrl
          : preset.afterCreate.copy === 'invitation'
            ? invitationText(facts, deps.locale())
            : undefined;
      if (text) {
        const outcome = await copyAfterStart(text);
        if (outcome === 'copied') copied = t(what === 'invitation' ? 'meeting.copiedInvitation' : 'meeting.copiedLink');
        else {
          copied = t(
            outcome === 'unconfirmed'
              ? what === 'invitation'
                ? 'meeting.clickToCopyInvitation'
                : 'meeting.clickToCopyLink'
              : 'meeting.notCopied',
          );
          copyOnClick = { type: 'copy', meetingId: meeting.meeting_id, what };
        }
      }
      const body = t('meeting.startedBody', { id: groupMeetingId(meeting.meeting_id), hostKey: meeting.host_key ?? '—', copied });
      deps.notify({
        title: t('meeting.startedTitle', { topic: input.topic }),
        body: instead ? `${body}\n${t('meeting.startedBigger', { size: instead.from, bigger: preset.capacity })}` : body,
        ...(copyOnClick ? { command: copyOnClick } : {}),
      });
      lastFailure = undefined;
      if (!remember(entry)) return fail(preset, { kind: 'internal' }, { meeting: entry });
      return { ok: true, meeting: entry, opened };
    } catch (error) {
      deps.log?.error('a step after the create failed', { meetingId: meeting.meeting_id, error: String(error) });
      // Recorded without its links if the step that failed was checking them.
      entry ??= {
        meetingId: meeting.meeting_id,
        topic: input.topic,
        presetId: preset.id,
        createdAt: startedAt.toISOString(),
        capacity: preset.capacity,
        state: 'waiting',
      };
      remember(entry);
      return fail(preset, { kind: 'internal' }, { meeting: entry });
    }
  }

  const recentById = (id: string) => deps.store.recent().find((m) => m.meetingId === id);

  const service = {
    /**
     * Starts a meeting from a preset. A second call for the same preset while the first is in
     * flight joins it: one intent, one request.
     */
    start(presetId: string, options: { capacity?: number } = {}): Promise<StartOutcome> {
      const existing = inFlight.get(presetId);
      if (existing) return existing;
      const promise = run(presetId, options.capacity)
        .catch((error: unknown): StartOutcome => {
          deps.log?.error('start failed unexpectedly', { error: String(error) });
          return fail(deps.store.preset(presetId), { kind: 'internal' });
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
    lastFailure: (): FailureRecord | undefined => lastFailure,

    /** The user closed the error (the window's banner): the tray's warning line goes with it. */
    dismissError(): void {
      if (!lastFailure) return;
      lastFailure = undefined;
      changed();
    },
    pendingChecks: (): PendingCheck[] => [...pending.values()],

    /**
     * After an ambiguous failure: looks for the meeting in the service's list (by user_key when
     * there is one) and adopts a match created in the last two minutes into the recent list.
     */
    async check(checkId: string): Promise<CheckOutcome> {
      const item = pending.get(checkId);
      if (!item) return 'not-found';
      const t = deps.t();
      const answer = await (await deps.api.background()).list({ ...(item.userKey ? { user_key: item.userKey } : {}), page_size: 50 });
      if (!answer.ok) {
        deps.notify({ title: t('app.title'), body: t('meeting.checkFailed', { error: failureText(answer.failure, t) }) });
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
      const joinUrl = await trusted(match.join_url);
      const entry: RecentMeeting = {
        meetingId: match.id,
        topic: match.topic ?? item.topic,
        presetId: item.presetId,
        createdAt: (parseServiceTime(match.start_time) ?? new Date(sentAt)).toISOString(),
        ...(preset ? { capacity: preset.capacity } : {}),
        ...(match.duration ? { duration: match.duration } : {}),
        ...(joinUrl ? { joinUrl } : {}),
        ...(match.host_key ? { hostKey: match.host_key } : {}),
        ...(item.userKey ? { userKey: item.userKey } : {}),
        state: match.status === 1 ? 'in-progress' : 'waiting',
      };
      remember(entry);
      // The failure it came from was no failure after all: the meeting exists, and is in Recent meetings.
      if (lastFailure?.checkId === checkId) lastFailure = undefined;
      deps.notify({
        title: t('meeting.checkFoundTitle'),
        body: t('meeting.checkFoundBody', { topic: entry.topic, id: groupMeetingId(entry.meetingId) }),
      });
      changed();
      return 'adopted';
    },

    /** As participant: the stored join link. As host: a fresh host link (start_url is never stored). */
    async open(meetingId: string, as: 'participant' | 'host'): Promise<'opened' | 'refused' | 'none' | 'failed'> {
      if (as === 'participant') {
        const link = recentById(meetingId)?.joinUrl;
        return link ? await openChecked(link) : 'none';
      }
      const answer = await (await deps.api.click()).getStartUrl(meetingId);
      if (!answer.ok) {
        const t = deps.t();
        deps.notify({ title: t('app.title'), body: t('meeting.hostLinkFailed', { error: failureText(answer.failure, t) }) });
        return 'failed';
      }
      return openChecked(answer.value.start_url);
    },

    async openLive(meetingId: string): Promise<'opened' | 'refused' | 'none'> {
      const link = recentById(meetingId)?.watchUrl;
      return link ? await openChecked(link) : 'none';
    },

    async copy(meetingId: string, what: CopyWhat): Promise<'copied' | 'nothing' | 'refused'> {
      const meeting = recentById(meetingId);
      if (!meeting) return 'nothing';
      const texts: Record<CopyWhat, () => string | undefined> = {
        'join-link': () => meeting.joinUrl,
        'meeting-id': () => meeting.meetingId,
        'host-key': () => meeting.hostKey,
        invitation: () =>
          invitationText(
            {
              topic: meeting.topic,
              startedAt: new Date(meeting.createdAt),
              meetingId: meeting.meetingId,
              ...(meeting.joinUrl ? { joinUrl: meeting.joinUrl } : {}),
            },
            deps.locale(),
          ),
      };
      const text = texts[what]();
      if (!text) return 'nothing';
      return (await copyChecked(text)) ? 'copied' : 'refused';
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
      const answer = await (await deps.api.click()).end(meetingId);
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

    /**
     * A room of another size for a recent meeting that can still change. The service decides (it may
     * have no room of that size free) and its answer is told as it is; the recent entry follows.
     */
    /** Asks the service once; its refusal is told in its own words (notification, and the answer for the window). */
    async resize(meetingId: string, capacity: number): Promise<{ resized: true } | { resized: false; message: string }> {
      const t = deps.t();
      const meeting = recentById(meetingId);
      if (!meeting) return { resized: false, message: t('command.notInRecent') };
      const answer = await (await deps.api.click()).resize(meetingId, capacity);
      if (!answer.ok) {
        const message = t('meeting.resizeFailed', { topic: meeting.topic, error: failureText(answer.failure, t) });
        deps.notify({ title: t('app.title'), body: message });
        return { resized: false, message };
      }
      deps.store.updateRecent(meetingId, { capacity });
      deps.notify({ title: t('meeting.resizedTitle'), body: t('meeting.resizedBody', { topic: meeting.topic, capacity }) });
      changed();
      return { resized: true };
    },

    /** At start-up, once the tray shows: watch the recent meetings that can still change; load the allowlist. */
    resume(): void {
      refresh.resume();
      void loadAllowlist();
    },
    stop: () => refresh.stopAll(),
    runningTimers: () => refresh.running(),
    /** For the scheduled meetings (main/meetings/scheduling.ts): the same link allowlist and checked clipboard. */
    trusted,
    openChecked,
    copyChecked,

    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return service;
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
