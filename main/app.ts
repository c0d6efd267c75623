// The app without Electron: every service built from the ports it is given, the one `run(command)`
// that carries out what a user asks from any surface, and the functions the IPC channels register.
// main/index.ts gives it Electron's adapters; the tests and the bench give it the Electron stand-in's,
// or recorders. Nothing here imports Electron.
import type { AppInfo } from '../common/app-info.js';
import type { Command, CommandValue, Section } from '../common/commands.js';
import { pickLocale, translator } from '../common/i18n/index.js';
import type { Locale } from '../common/i18n/locale.js';
import type { Channel } from '../common/ipc-channels.js';
import type { ResponseOf } from '../common/ipc-contract.js';
import type { Preset } from '../common/preset.js';
import type { RecentMeeting } from '../common/recent.js';
import { checkedParse, fail, invalid, ok, toResult, type Result } from '../common/result.js';
import type { Settings } from '../common/settings.js';
import type { ApiFailure, Licence } from '../common/umeet-api.js';
import type { LastError, ParticipantsView, PresetInput, StartAtLogin, WindowSnapshot, WindowUi } from '../common/window-state.js';
import { participantsView } from './meetings/participants.js';
import {
  SaveCredentialsRequest,
  SERVICE_MESSAGE_MAX,
  type ProxyPasswordState,
  type SaveCredentialsOutcome,
  type Verification,
  type VaultStatus,
} from '../common/credentials.js';
import type { Logger } from '../core/log.js';
import { createApiClients } from './meetings/api-clients.js';
import { checkFailureText, failureText } from '../core/meetings/failure-text.js';
import { describeLastError } from './meetings/last-error.js';
import { createAvailability, type Free } from './meetings/availability.js';
import { createLicenceCache } from './meetings/licence-cache.js';
import { createMeetingsService, type StartOutcome } from './meetings/meetings-service.js';
import { describeApp, type AppFacts } from './platform/app-identity.js';
import { resolvePreset, type LaunchArgs } from './platform/launch-args.js';
import { createStartAtLogin, type LoginItemPort } from './platform/start-at-login.js';
import { uiLocale } from './platform/ui-locale.js';
import {
  realTimers,
  type Clipboard,
  type Confirm,
  type FileDialogs,
  type Notify,
  type OpenLink,
  type OpenPath,
  type Timers,
  type WindowPort,
} from './ports.js';
import { createScheduling, type Outcome } from './meetings/scheduling.js';
import type {
  UpcomingMeeting,
  BookedMeeting,
  BookHow,
  BookOutcome,
  SeriesMismatch,
  SeriesPlanView,
  SeriesQuery,
  SlotFree,
} from '../common/scheduled.js';
import type { ScheduleRequest } from '../common/schedule.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppStore } from './store/app-store.js';
import { saveProblemText, storeNoticeText, tellSaveProblems } from './store/notice-text.js';
import { createPresetActions } from './store/preset-actions.js';
import { settled } from './store/saved.js';
import type { SecretCipher } from './vault/secret-cipher.js';
import { createProxyPassword } from './vault/proxy-password.js';
import { createVault } from './vault/vault.js';
import type { PolicyView } from '../common/policy.js';
import { policyGuard, policyView } from './policy/guard.js';
import { policedStore } from './policy/policed-store.js';
import { createPolicy } from './policy/policy.js';
import { osUserName } from './policy/select-source.js';
import type { PolicySource } from './policy/source.js';
import { createUpdateService, type UpdaterPort, type UpdateStatus } from './updates/update-service.js';

/** How long recording a shortcut may hold the global one back, if the window never says it stopped. */
const RECORDING_PAUSE_MS = 60_000;

/** What the app is given instead of Electron (main/electron/ makes the real ones). */
export interface AppPorts {
  /** The folder of the store file (Electron's userData). */
  dir: string;
  /** The OS's preferred languages, best first. */
  systemLanguages: readonly string[];
  facts: { name: string; version: string; platform: string; desktop?: AppFacts['desktop'] }; // i27: the desktop's offer, for the window
  cipher: SecretCipher;
  openLink: OpenLink;
  openFolder: (path: string) => void;
  /** Opens a file with the OS's app for it (Electron's shell.openPath): a calendar file, with the calendar app. */
  openPath?: OpenPath;
  /** The app's temp folder (calendar files to open go there); the OS's temp folder when absent. */
  tempDir?: string;
  clipboard: Clipboard;
  notify: Notify;
  confirm: Confirm;
  files: FileDialogs;
  loginItem: LoginItemPort;
  window: WindowPort;
  quit: () => void;
  log: Logger & { folder(): string };
  now?: () => Date;
  timers?: Timers;
  /** Status refresh back-off, shorter in tests. */
  refreshDelaysMs?: readonly number[];
  /** How the OS would reach a URL, as a PAC answer (Electron's session.resolveProxy); straight when absent. */
  resolveProxy?: (url: string) => Promise<string>;
  /** Certificates to trust beyond Node's bundled ones and the OS's store: a test's own CA. */
  extraCertificates?: readonly string[];
  /** The company policy's reader for this OS (main/policy/select-source.ts); none: no policy. */
  policy?: PolicySource | undefined;
  /** The OS user's name, for `{username}` in a policy's default user key; the OS's when absent. */
  userName?: string;
  /**
   * Updates (main/updates/): whether this is a packaged build, and the updater, loaded when first
   * needed (after the tray). Absent: a development run, which never checks.
   */
  updater?: { packaged: boolean; load: () => Promise<UpdaterPort> };
}

/** Everything the tray and the window show, from main's one source of truth. */
export interface AppState {
  locale: Locale;
  presets: readonly Preset[];
  defaultPresetId?: string | undefined;
  settings: Settings;
  credentials: VaultStatus;
  recent: readonly RecentMeeting[];
  busy: ReadonlySet<string>;
  pendingChecks: readonly { id: string; topic: string }[];
  /** The last failed start, in the current language, until a start succeeds or the user dismisses it. */
  lastError?: LastError | undefined;
  /** The text of the last notification the OS would not show. */
  lastEvent?: string | undefined;
  saveProblem?: string | undefined;
  startAtLogin: StartAtLogin;
  licence?: Licence | undefined;
  quarantined: number;
  /** Free rooms for each preset, starting now, from the last read (none until one succeeded). */
  roomsFree: Readonly<Record<string, Free>>;
  /** Whether a proxy password is set (never what it is). */
  proxyPassword: ProxyPasswordState;
  /** What the company policy locks, the company presets' ids (first in `presets`), the keys it ignored. */
  policy: PolicyView;
  /** Updates: where the check or download is, and the running version. */
  updates: { status: UpdateStatus; version: string };
  /** The scheduled meetings not started yet, from the last read of the Upcoming list (none until one succeeded). */
  upcoming: readonly UpcomingMeeting[];
}

/** The IPC channels' functions: what each registers (main/ipc/handle.ts wraps each). */
export type IpcFunctions = { [C in Channel]: (request: never) => Promise<ResponseOf<C>> | ResponseOf<C> };

export function createApp(ports: AppPorts) {
  const { log } = ports;
  const now = ports.now ?? (() => new Date());
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  /** A notification the OS refused (macOS, an unsigned app) is not lost: the tray shows its text instead. */
  let lastEvent: string | undefined;
  const notify: Notify = (notice) =>
    ports.notify({
      ...notice,
      onFailed: (reason) => {
        log.warn('a notification could not be shown', { reason });
        lastEvent = `${notice.title}: ${notice.body}`;
        changed();
      },
    });

  // The store first: its notices (a file recovered, kept aside, from a newer version) are told once.
  const ownStore = openAppStore({ dir: ports.dir, locale: pickLocale(ports.systemLanguages), now, log });
  // The company policy (docs/admin-guide.md): every service sees the store through it, so the settings in
  // force and the company presets are the same for the tray, the window, the click path and the vault.
  const policy = createPolicy({ source: ports.policy, username: ports.userName ?? osUserName(), log });
  const store = policedStore(ownStore, policy.current);
  const locale = () => uiLocale(store.settings().language, ports.systemLanguages);
  const t = () => translator(locale());
  for (const notice of store.takeNotices()) notify(storeNoticeText(notice, t()));
  tellSaveProblems(store, notify, t);

  const vault = createVault({ cipher: ports.cipher, store, log });
  const proxyPassword = createProxyPassword({ cipher: ports.cipher, store, where: () => vault.where(), now, log });
  const api = createApiClients({
    settings: () => store.settings(),
    credentials: () => vault.get(),
    proxyAuth: async () => {
      const { username } = store.settings().proxy;
      return username ? { username, password: (await proxyPassword.get()) ?? '' } : undefined;
    },
    ...(ports.resolveProxy ? { resolveProxy: ports.resolveProxy } : {}),
    ...(ports.extraCertificates ? { extraCertificates: ports.extraCertificates } : {}),
    log,
  });
  // The free rooms the tray shows on each preset: read when the menu opens, at most every 30 s, in the background.
  const availability = createAvailability({
    rooms: async () => (await api.background()).rooms(),
    now,
    log,
    onChange: () => changed(),
  });
  const meetings = createMeetingsService({
    store,
    vault,
    api,
    availability,
    openLink: ports.openLink,
    clipboard: ports.clipboard,
    // A notification's click is one more surface for commands.
    notify: ({ command, ...notice }) => notify({ ...notice, ...(command ? { onClick: () => void run(command) } : {}) }),
    confirm: ports.confirm,
    locale,
    t,
    now,
    log,
    ...(ports.timers ? { timers: ports.timers } : {}),
    ...(ports.refreshDelaysMs ? { refreshDelaysMs: ports.refreshDelaysMs } : {}),
  });
  const scheduling = createScheduling({
    store,
    api,
    trusted: meetings.trusted,
    openChecked: meetings.openChecked,
    copyChecked: meetings.copyChecked,
    openPath: ports.openPath ?? (async () => 'no app to open files with'),
    files: ports.files,
    confirm: ports.confirm,
    notify,
    tempDir: ports.tempDir ?? join(tmpdir(), 'umeet-tray'),
    locale,
    t,
    now,
    log,
    onChange: () => changed(),
  });
  const licence = createLicenceCache();
  const startAtLogin = createStartAtLogin(ports.loginItem, { log, t });
  const presets = createPresetActions({ store, files: ports.files, confirm: ports.confirm, t, now });
  const guard = policyGuard({ policy: policy.current, settings: () => store.settings(), t });

  for (const source of [store, vault, meetings, licence, startAtLogin, proxyPassword, policy]) source.onChange(changed);

  /**
   * What a new policy changes beyond what is read through the store: start at login (the OS's login item: a
   * locked value is applied, a default once, unless the user chose), and where credentials may be kept.
   */
  let weakAllowed = store.settings().allowWeakCredentialStorage;
  async function applyPolicy(): Promise<void> {
    const { locked, defaults } = policy.current();
    const wanted = locked.startAtLogin ?? (ownStore.changedSettings().includes('startAtLogin') ? undefined : defaults.startAtLogin);
    if (typeof wanted === 'boolean') {
      const now = await startAtLogin.refresh();
      if (now.enabled !== wanted) await startAtLogin.set(wanted);
      if (locked.startAtLogin === undefined) ownStore.updateSettingsAndMark({}, ['startAtLogin']);
    }
    if (store.settings().allowWeakCredentialStorage !== weakAllowed) {
      weakAllowed = store.settings().allowWeakCredentialStorage;
      await vault.applyPolicy();
    }
  }
  let begun = false;
  policy.onChange(() => {
    if (begun) void applyPolicy().catch((error: unknown) => log.error('policy: could not apply', { error: String(error) }));
  });
  const updates = createUpdateService({
    packaged: ports.updater?.packaged ?? false,
    currentVersion: ports.facts.version,
    load: ports.updater?.load ?? (() => Promise.reject(new Error('no updater in this build'))),
    automatic: () => store.settings().checkForUpdates,
    timers: ports.timers ?? realTimers,
    notify: ({ command, ...notice }) => notify({ ...notice, ...(command ? { onClick: () => void run(command) } : {}) }),
    t,
    log,
    onChange: changed,
  });

  function lastError(): LastError | undefined {
    const record = meetings.lastFailure();
    if (!record) return undefined;
    return describeLastError(record, {
      t: t(),
      pendingCheckIds: new Set(meetings.pendingChecks().map((check) => check.id)),
      presetName: (id) => store.preset(id)?.name,
    });
  }

  function state(): AppState {
    const saveProblem = store.saveProblem();
    return {
      locale: locale(),
      presets: store.presets(),
      defaultPresetId: store.defaultPresetId(),
      settings: store.settings(),
      credentials: vault.status(),
      recent: store.recent(),
      busy: meetings.busy(),
      pendingChecks: meetings.pendingChecks().map(({ id, topic }) => ({ id, topic })),
      lastError: lastError(),
      lastEvent,
      saveProblem: saveProblem ? saveProblemText(saveProblem, t()) : undefined,
      startAtLogin: startAtLogin.state(),
      licence: licence.current(),
      quarantined: store.quarantine().length,
      roomsFree: Object.fromEntries(
        store.presets().flatMap((preset) => {
          const free = availability.forPreset(preset.capacity, preset.duration);
          return free ? [[preset.id, free]] : [];
        }),
      ),
      proxyPassword: proxyPassword.state(),
      policy: policyView(policy.current()),
      updates: { status: updates.status(), version: ports.facts.version },
      upcoming: scheduling.upcoming(),
    };
  }

  function snapshot(): WindowSnapshot {
    const s = state();
    return {
      locale: s.locale,
      presets: [...s.presets],
      ...(s.defaultPresetId ? { defaultPresetId: s.defaultPresetId } : {}),
      settings: s.settings,
      startAtLogin: s.startAtLogin,
      credentials: s.credentials,
      recent: [...s.recent],
      busy: [...s.busy],
      ...(s.lastError ? { lastError: s.lastError } : {}),
      ...(s.licence ? { licence: s.licence } : {}),
      pendingChecks: [...s.pendingChecks],
      quarantined: s.quarantined,
      roomsFree: { ...s.roomsFree },
      proxyPassword: s.proxyPassword,
      policy: s.policy,
      ...(s.saveProblem ? { saveProblem: s.saveProblem } : {}),
    };
  }

  /** What an answer of the service says of the credentials it was sent with; nothing for a failure that is not about them. */
  const verdictOf = (answer: { ok: true } | { ok: false; failure: ApiFailure }): Verification | undefined =>
    answer.ok
      ? { state: 'verified', at: now().toISOString() }
      : answer.failure.kind === 'auth'
        ? { state: 'refused', at: now().toISOString(), serviceMessage: answer.failure.message.slice(0, SERVICE_MESSAGE_MAX) }
        : undefined;

  /**
   * Starts a meeting; a create is a check of the credentials too, so an accepted or refused one
   * updates their verdict (the tray's "refused" line goes as soon as a click works again).
   */
  async function start(presetId: string, capacity?: number): Promise<StartOutcome> {
    // Only a start in the first moments of the app waits: the policy names the server and the company presets.
    await policy.ready();
    const inUse = await vault.get();
    const outcome = await meetings.start(presetId, capacity ? { capacity } : {});
    const verdict = outcome.ok
      ? verdictOf(outcome)
      : outcome.failure.kind === 'api'
        ? verdictOf({ ok: false, failure: outcome.failure.failure })
        : undefined;
    if (inUse && verdict) vault.mark(inUse, verdict);
    return outcome;
  }

  const started = (outcome: StartOutcome): Result<CommandValue> =>
    outcome.ok
      ? ok({ meetingId: outcome.meeting.meetingId })
      : fail(outcome.failure.kind === 'internal' ? 'internal' : 'failed', outcome.message);
  const done = (success: boolean, otherwise: () => string): Result<CommandValue> => (success ? ok({}) : fail('failed', otherwise()));
  const known = (meetingId: string) => store.recent().some((m) => m.meetingId === meetingId);

  const asResult = <T>(outcome: Outcome<T>): Result<T> =>
    outcome.ok ? ok(outcome.value) : fail(outcome.kind ?? 'failed', outcome.message, outcome.fields);

  /** Carries out one command, from whichever surface it came. Never throws. */
  async function run(command: Command): Promise<Result<CommandValue>> {
    switch (command.type) {
      case 'start':
        return started(await start(command.presetId, command.capacity));
      case 'start-default': {
        const id = store.defaultPresetId();
        return id ? started(await start(id)) : fail('not-found', t()('command.noDefault'));
      }
      case 'check-created': {
        const outcome = await meetings.check(command.checkId);
        return outcome === 'failed' ? fail('failed', t()('command.checkFailed')) : ok({ found: outcome === 'adopted' });
      }
      case 'open-meeting':
        if (!known(command.meetingId)) return fail('not-found', t()('command.notInRecent'));
        return done((await meetings.open(command.meetingId, command.as)) === 'opened', () => t()('command.notOpened'));
      case 'open-live':
        if (!known(command.meetingId)) return fail('not-found', t()('command.notInRecent'));
        return done((await meetings.openLive(command.meetingId)) === 'opened', () => t()('command.notOpened'));
      case 'copy':
        if (!known(command.meetingId)) return fail('not-found', t()('command.notInRecent'));
        {
          const copied = await meetings.copy(command.meetingId, command.what);
          return done(copied === 'copied', () => t()(copied === 'nothing' ? 'command.nothingToCopy' : 'command.notCopied'));
        }
      case 'end-meeting': {
        if (!known(command.meetingId)) return fail('not-found', t()('command.notInRecent'));
        const outcome = await meetings.end(command.meetingId);
        return outcome === 'ended' ? ok({}) : fail(outcome === 'cancelled' ? 'cancelled' : 'failed', t()('command.notEnded'));
      }
      case 'resize-meeting': {
        if (!known(command.meetingId)) return fail('not-found', t()('command.notInRecent'));
        const outcome = await meetings.resize(command.meetingId, command.capacity);
        return outcome.resized ? ok({}) : fail('failed', outcome.message);
      }
      case 'scheduled': {
        if (!scheduling.known(command.meetingId)) return fail('not-found', t()('schedule.notFound'));
        const id = command.meetingId;
        const outcome: Outcome<unknown> =
          command.action === 'open-host'
            ? await scheduling.openHost(id)
            : command.action === 'copy-invitation'
              ? await scheduling.copyInvitation(id)
              : command.action === 'add-to-calendar'
                ? await scheduling.addToCalendar(id)
                : command.action === 'save-ics'
                  ? await scheduling.saveCalendar(id)
                  : await scheduling.cancel(id);
        return outcome.ok ? ok({ meetingId: id }) : fail(outcome.kind ?? 'failed', outcome.message);
      }
      case 'open-window':
        policy.check();
        ports.window.show(command.section, t()('window.title'));
        return ok({});
      case 'set-start-at-login': {
        const refused = guard.startAtLogin(command.enabled);
        if (refused) return refused;
        ownStore.updateSettingsAndMark({}, ['startAtLogin']);
        const now = await startAtLogin.set(command.enabled);
        return now.error ? fail('failed', now.error) : ok({});
      }
      case 'open-log-folder':
        ports.openFolder(log.folder());
        return ok({});
      case 'dismiss-error':
        meetings.dismissError();
        return ok({});
      case 'quit':
        return (await mayQuit()) ? (ports.quit(), ok({})) : fail('cancelled', t()('quit.kept'));
      case 'check-for-updates': {
        const status = updates.status();
        if (status.state === 'unsupported' && status.reason === 'unpackaged') return fail('failed', t()('update.unpackaged'));
        await updates.checkNow();
        return ok({});
      }
      case 'restart-to-update':
        if (updates.status().state !== 'ready') return fail('failed', t()('update.notReady'));
        // A restart is a quit: edits not saved yet are asked about first.
        return (await mayQuit()) && updates.install() ? ok({}) : fail('cancelled', t()('quit.kept'));
    }
  }

  /**
   * Whether quitting may go on: yes, unless the window holds edits not saved yet (it says where, over
   * `windowState`); then the window shows them and the user chooses. Quitting never drops an edit unasked.
   */
  let unsaved: readonly Section[] = [];
  /** The window's own state (windowState's `ui`), kept for a window made afresh: in memory only. */
  let windowUi: WindowUi | undefined;
  async function mayQuit(): Promise<boolean> {
    const [where] = unsaved;
    if (!where) return true;
    const words = t();
    ports.window.show(where, words('window.title'));
    return ports.confirm({
      title: words('quit.unsavedTitle'),
      message: words('quit.unsavedMessage'),
      detail: words('quit.unsavedDetail'),
      confirm: words('quit.discardAndQuit'),
      cancel: words('quit.keepEditing'),
    });
  }

  /**
   * While the window records a shortcut, the global one is let go: pressing it would start a meeting
   * instead of being recorded. A window that never says it stopped (it crashed) gets it back in a minute.
   */
  let recording: ReturnType<typeof setTimeout> | undefined;
  function recordShortcut(active: boolean): void {
    if (recording) clearTimeout(recording);
    const was = recording !== undefined;
    recording = active ? setTimeout(() => recordShortcut(false), RECORDING_PAUSE_MS) : undefined;
    recording?.unref?.();
    if (was !== active) changed();
  }

  /** Runs a command whose answer nobody waits for (a tray click): a failure was told by the service. */
  const runAndForget = (command: Command): void =>
    void run(command).catch((error: unknown) => log.error('a command failed unexpectedly', { type: command.type, error: String(error) }));

  /** The licence of credentials the service accepted: the capacity choices, the first-run preset's size. */
  const adoptLicence = (value: Licence) => {
    licence.remember(value);
    store.adoptLicence(value);
  };

  /**
   * Asks the service about the saved credentials (the Verify button, and once at start-up) and
   * records its verdict. A refusal keeps the pair: the user is told, and decides.
   */
  const verifyCredentials = async (): Promise<Result<Licence>> => {
    const inUse = await vault.get();
    if (!inUse) return fail('failed', t()(vault.status().locked ? 'meeting.locked' : 'meeting.noCredentials'));
    const answer = await (await api.background()).licensing();
    const verdict = verdictOf(answer);
    if (verdict) vault.mark(inUse, verdict);
    if (!answer.ok) return fail('failed', checkFailureText(answer.failure, t()));
    adoptLicence(answer.value);
    return ok(answer.value);
  };

  /**
   * Credentials count once the service accepted them: with `check` (the default) the pair the user
   * typed is asked about first, on a client of its own, and stored only if accepted. A refusal or a
   * failure stores nothing, so the pair saved before stays in use. Without `check` (the user chose
   * "Save without checking" after a failure) it is stored as unchecked.
   */
  const saveCredentials = async (request: unknown): Promise<Result<SaveCredentialsOutcome>> => {
    const parsed = checkedParse(SaveCredentialsRequest, request);
    if (!parsed.ok) return invalid(parsed.fields, t());
    const { check = true, ...candidate } = parsed.value;
    const keep = async (verdict?: Verification) => toResult(await vault.set(candidate, verdict), t());
    if (!check) {
      const stored = await keep();
      return settled(store, stored.ok ? ok({ outcome: 'saved', status: stored.value }) : stored, t);
    }
    const answer = await api.withCandidate(candidate, (client) => client.licensing());
    if (answer.ok) {
      const stored = await keep(verdictOf(answer));
      if (!stored.ok) return stored;
      adoptLicence(answer.value);
      return settled(store, ok({ outcome: 'verified', status: stored.value, licence: answer.value }), t);
    }
    const message = checkFailureText(answer.failure, t());
    if (answer.failure.kind === 'auth') {
      const serviceMessage = answer.failure.message.slice(0, SERVICE_MESSAGE_MAX);
      return ok({ outcome: 'refused', status: vault.status(), message, serviceMessage });
    }
    return ok({ outcome: 'unchecked', status: vault.status(), message });
  };

  const ipc = {
    appInfo: (): Result<AppInfo> => ok({ ...describeApp({ ...ports.facts, preferredLanguages: ports.systemLanguages }), locale: locale() }),
    snapshot: (): Result<WindowSnapshot> => ok(snapshot()),
    // Company presets are read-only whoever asks; adding or importing presets only where the policy allows.
    savePreset: (input: Partial<PresetInput>) => {
      const id = input.id ?? undefined;
      return guard.presetEdit(id, !id || !store.preset(id)) ?? presets.save(input);
    },
    deletePreset: (request: { id: string }) => guard.presetEdit(request.id, false) ?? presets.remove(request),
    restorePreset: (request: { preset: Preset; index: number }) => guard.presetEdit(request.preset.id, true) ?? presets.restore(request),
    movePreset: (request: { id: string; toIndex: number }) =>
      guard.presetEdit(request.id, false) ??
      // Nothing moves above the company presets: they stay first.
      presets.move({ id: request.id, toIndex: Math.max(request.toIndex, policy.current().companyPresets.length) }),
    duplicatePreset: (request: { id: string }) => guard.presetEdit(undefined, true) ?? presets.duplicate(request),
    setDefaultPreset: presets.setDefault,
    exportPresets: () => presets.export(),
    importPresets: () => guard.presetImport() ?? presets.import(),
    updateSettings: async (patch: unknown): Promise<Result<Settings>> => {
      const refused = guard.settingsPatch(patch);
      if (refused) return refused;
      const before = store.settings().allowWeakCredentialStorage;
      const changedSettings = toResult(store.updateSettings(patch), t());
      if (changedSettings.ok && changedSettings.value.allowWeakCredentialStorage !== before) await vault.applyPolicy();
      if (changedSettings.ok) weakAllowed = changedSettings.value.allowWeakCredentialStorage;
      if (changedSettings.ok) updates.settingChanged();
      return settled(store, changedSettings, t);
    },
    saveCredentials,
    clearCredentials: async (): Promise<Result<VaultStatus>> => {
      vault.clear();
      return settled(store, ok(vault.status()), t);
    },
    verifyCredentials,
    run,
    savedUi: (): Result<WindowUi | null> => ok(windowUi ?? null),
    participants: async (request: { meetingId: string; past?: boolean }): Promise<Result<ParticipantsView>> => {
      if (!known(request.meetingId)) return fail('not-found', t()('command.notInRecent'));
      const answer = await (await api.background()).meetingDetail(request.meetingId, request.past ? 'past' : 'online', { size: 300 });
      if (!answer.ok) return fail('failed', failureText(answer.failure, t()));
      return ok(participantsView(answer.value));
    },
    setProxyPassword: async (request: { password: string | null }): Promise<Result<Record<string, never>>> => {
      await proxyPassword.set(request.password);
      return settled(store, ok({}), t);
    },
    freeSlot: async (query: { capacity: number; start: string; duration: number }): Promise<Result<SlotFree>> =>
      asResult(await scheduling.freeSlot(query)),
    planSeries: async (query: SeriesQuery): Promise<Result<SeriesPlanView>> => ok(await scheduling.plan(query)),
    schedule: async (request: { request: ScheduleRequest; meetingId?: string; how?: BookHow }): Promise<Result<BookOutcome>> =>
      asResult(await scheduling.book(request.request, { meetingId: request.meetingId, how: request.how })),
    fixSeries: async (request: { meetingId: string }): Promise<Result<{ mismatch?: SeriesMismatch }>> =>
      asResult(await scheduling.fixSeries(request.meetingId)),
    upcoming: async (): Promise<Result<UpcomingMeeting[]>> => asResult(await scheduling.read()),
    booking: (request: { meetingId: string }): Result<BookedMeeting | null> => ok(scheduling.booked(request.meetingId) ?? null),
    windowState: (request: { unsaved?: Section[]; recordingShortcut?: boolean; ui?: WindowUi }): Result<Record<string, never>> => {
      if (request.unsaved) unsaved = [...new Set(request.unsaved)];
      if (request.ui) windowUi = request.ui;
      if (request.recordingShortcut !== undefined) recordShortcut(request.recordingShortcut);
      return ok({});
    },
  } satisfies IpcFunctions;

  return {
    state,
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run,
    runAndForget,
    ipc,
    t,
    /** Whether the global shortcut is let go (the window is recording a new one). */
    shortcutPaused: () => recording !== undefined,

    /** Once the tray shows: what may wait until then (status refresh, the OS's login item, the licence, the HTTP client). */
    begin(): void {
      begun = true;
      meetings.resume();
      void startAtLogin.refresh();
      void policy
        .ready()
        .then(applyPolicy)
        .catch((error: unknown) => log.error('policy: could not apply', { error: String(error) }));
      api.preload();
      // With credentials, learn the licence (the capacity choices, the first-run preset's size).
      void vault.get().then(async (credentials) => {
        if (credentials) await verifyCredentials();
      });
      // The first update check (then one every 12 hours), unless the setting is off or this is a development run.
      updates.begin();
    },

    /** The computer woke up, or the network may have changed: the route to the API is asked of the OS again. */
    networkChanged: () => api.networkChanged(),

    /** The menu is about to open: open the API connection now, so the click does not wait for it. */
    warm(): void {
      policy.check();
      void api
        .click()
        .then((client) => client.warm())
        .catch(() => undefined);
      // And what is free, for the presets' labels: on the background connection, never the click's.
      availability.refresh();
      // And today's and tomorrow's scheduled meetings, likewise: at most every 30 s, never on a click.
      scheduling.refreshInBackground();
    },

    /** A launch's arguments as commands: `--start=<preset>` or `--start-default`, else a second launch shows the window. */
    launch(args: LaunchArgs, secondInstance: boolean): void {
      if (args.start) {
        if ('default' in args.start) return runAndForget({ type: 'start-default' });
        const preset = resolvePreset(store.presets(), args.start.preset);
        if (preset) return runAndForget({ type: 'start', presetId: preset.id });
        log.warn('launch: no preset matches --start');
      }
      if (secondInstance && !args.hidden) runAndForget({ type: 'open-window' });
    },

    /** The company policy: read again now (tests; a watch or a menu/window open does it in the app). */
    policy,

    /** Writes what is pending now (quit, tests). */
    flush: () => store.flush(),

    /** Writes what is pending and lets go of timers and connections (quit). */
    async stop(): Promise<void> {
      store.flush();
      policy.stop();
      meetings.stop();
      updates.stop();
      if (recording) clearTimeout(recording);
      await api.close();
    },
  };
}

export type App = ReturnType<typeof createApp>;
