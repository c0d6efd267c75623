// The app without Electron: the features (main/features/) built from the ports it is given and merged
// into one state, one `run(command)` for every surface, and one function per IPC channel. main/index.ts
// gives it Electron's adapters; the tests and the bench give it the Electron stand-in's, or recorders.
// Nothing here imports Electron, and no feature's logic lives here: a new feature is a module of
// main/features/ and its lines in common/ (docs/architecture.md, "Features").
import type { AppFacts } from './platform/app-identity.js';
import type { Command, CommandValue } from '../common/commands.js';
import { pickLocale, translator } from '../common/i18n/index.js';
import { fail, type Result } from '../common/result.js';
import type { AppState, WindowSnapshot } from '../common/window-state.js';
import type { Logger } from '../core/log.js';
import { credentialsFeature } from './features/credentials.js';
import { formsFeature } from './features/forms.js';
import { mergeTables, type AppContext, type CommandHandlers, type CommandOf, type Feature, type IpcFunctions } from './features/feature.js';
import { laterModules } from './features/later.js';
import { meetingsFeature } from './features/meetings.js';
import { notices } from './features/notices.js';
import { policyFeature } from './features/policy.js';
import { presetsFeature } from './features/presets.js';
import { remindersFeature } from './features/reminders.js';
import { schedulingFeature } from './features/scheduling.js';
import { settingsFeature } from './features/settings.js';
import { settingsSignal, type SettingsSignal } from './features/settings-signal.js';
import { shellFeature } from './features/shell.js';
import { startAtLoginFeature } from './features/start-at-login.js';
import { updatesFeature } from './features/updates.js';
import { usageFeature } from './features/usage.js';
import { createApiClients } from './meetings/api-clients.js';
import type { LoginItemPort } from './platform/start-at-login.js';
import { uiLocale } from './platform/ui-locale.js';
import { policyGuard } from './policy/guard.js';
import { policedStore } from './policy/policed-store.js';
import { createPolicy } from './policy/policy.js';
import type { PolicySource } from './policy/source.js';
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
import { openAppStore } from './store/app-store.js';
import type { UpdaterPort } from './updates/update-service.js';
import { createProxyPassword, type ProxyPassword } from './vault/proxy-password.js';
import type { SecretCipher } from './vault/secret-cipher.js';
import { createVault, type Vault } from './vault/vault.js';
export type { AppState } from '../common/window-state.js';

/** What the app is given instead of Electron (main/electron/ makes the real ones). Every one is required. */
export interface AppPorts {
  /** The folder of the store file (Electron's userData). */
  dir: string;
  /** The OS's preferred languages, best first. */
  systemLanguages: readonly string[];
  facts: { name: string; version: string; platform: string; desktop?: AppFacts['desktop'] };
  cipher: SecretCipher;
  openLink: OpenLink;
  openFolder: (path: string) => void;
  /** Opens a file with the OS's app for it (Electron's shell.openPath): a calendar file, with the calendar app. */
  openPath: OpenPath;
  /** The app's temp folder: calendar files to open go there. */
  tempDir: string;
  clipboard: Clipboard;
  notify: Notify;
  confirm: Confirm;
  files: FileDialogs;
  loginItem: LoginItemPort;
  window: WindowPort;
  quit: () => void;
  log: Logger & { folder(): string };
  /** How the OS would reach a URL, as a PAC answer (Electron's session.resolveProxy). */
  resolveProxy: (url: string) => Promise<string>;
  /** The company policy's reader for this OS (main/policy/select-source.ts); undefined: no policy here. */
  policy: PolicySource | undefined;
  /** The OS user's name, for `{username}` in a policy's default user key. */
  userName: string;
  /** Whether this is a packaged build, and the updater, loaded when first needed (after the tray). */
  updater: { packaged: boolean; load: () => Promise<UpdaterPort> };
}

/** What only tests and the bench set: the clock, the timers, shorter back-offs, a test CA. */
export interface AppKnobs {
  now?: () => Date;
  timers?: Timers;
  /** Status refresh back-off, shorter in tests. */
  refreshDelaysMs?: readonly number[];
  /** Certificates to trust beyond Node's bundled ones and the OS's store: a test's own CA. */
  extraCertificates?: readonly string[];
}

export function createApp(ports: AppPorts, knobs: AppKnobs = {}) {
  const { log } = ports;
  const now = knobs.now ?? (() => new Date());
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  // The store, and the company policy every feature sees it through (the settings in force, the company presets).
  const ownStore = openAppStore({ dir: ports.dir, locale: pickLocale(ports.systemLanguages), now, log });
  const policy = createPolicy({ source: ports.policy, username: ports.userName, log });
  const store = policedStore(ownStore, policy.current);
  const locale = () => uiLocale(store.settings().language, ports.systemLanguages);
  const t = () => translator(locale());
  const notes = notices({ notify: ports.notify, log, changed, run: (command) => runAndForget(command) });

  // The secrets, then the API clients that send them.
  const vault = createVault({ cipher: ports.cipher, store, log });
  const proxyPassword = createProxyPassword({ cipher: ports.cipher, store, where: () => vault.where(), now, log });
  const api = createApiClients({
    settings: () => store.settings(),
    credentials: () => vault.get(),
    proxyAuth: async () => {
      const { username } = store.settings().proxy;
      return username ? { username, password: (await proxyPassword.get()) ?? '' } : undefined;
    },
    resolveProxy: ports.resolveProxy,
    ...(knobs.extraCertificates ? { extraCertificates: knobs.extraCertificates } : {}),
    log,
  });
  for (const source of [store, vault, proxyPassword, policy]) source.onChange(changed);
  const later = laterModules();
  const ctx: AppContext = {
    log,
    now,
    timers: knobs.timers ?? realTimers,
    store,
    ownStore,
    policy,
    guard: policyGuard({ policy: policy.current, settings: () => store.settings(), t, log }),
    locale,
    t,
    notify: notes.notify,
    commandNotify: notes.commandNotify,
    api,
    changed,
    run: (command) => run(command),
    later: later.later,
  };
  // Settings reach every feature one way, whoever changed them (the user, an import, the policy).
  const signal = settingsSignal(() => store.settings(), [ownStore, policy], log);

  const { features, shell } = buildFeatures(
    ctx,
    ports,
    knobs,
    { vault, proxyPassword, signal },
    {
      snapshot: () => state(),
      runAndForget: (command) => runAndForget(command),
      notices: notes.feature,
    },
  );
  // The lifecycle of every feature (its part of the state is merged, typed, in state() below).
  const all: readonly Omit<Feature, 'state'>[] = Object.values(features) as Omit<Feature, 'state'>[];
  for (const feature of all) if (feature.onSettings) signal.subscribe(feature.onSettings);

  // Every command and every channel carried out by exactly one feature: `satisfies` checks none is missing,
  // mergeTables that none is carried out twice.
  const commands = mergeTables<CommandHandlers>(
    'command',
    all.map((f) => f.commands),
  ) as CommandHandlers satisfies CommandHandlers;
  const ipc = mergeTables<IpcFunctions>(
    'channel',
    all.map((f) => f.ipc),
  ) as IpcFunctions satisfies IpcFunctions;

  /** Everything the tray and the window show: each feature's part. */
  function state(): AppState {
    const f = features;
    return {
      ...f.notices.state(),
      ...f.settings.state(),
      ...f.policy.state(),
      ...f.presets.state(),
      ...f.credentials.state(),
      ...f.meetings.state(),
      ...f.scheduling.state(),
      ...f.reminders.state(),
      ...f.startAtLogin.state(),
      ...f.updates.state(),
    } satisfies AppState;
  }

  /** Carries out one command, from whichever surface it came. Never throws. */
  async function run(command: Command): Promise<Result<CommandValue>> {
    const handler = commands[command.type] as (command: CommandOf<Command['type']>) => Promise<Result<CommandValue>> | Result<CommandValue>;
    try {
      return await handler(command);
    } catch (error) {
      log.error('a command failed unexpectedly', { type: command.type, error: String(error) });
      return fail('internal', t()('ipc.internal'));
    }
  }
  /** Runs a command whose answer nobody waits for (a tray click): a failure was told by its feature. */
  const runAndForget = (command: Command): void => void run(command);

  return {
    state,
    /** The window's snapshot: the state less the tray's own line (the IPC contract drops it on the way). */
    snapshot: (): WindowSnapshot => state(),
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run,
    runAndForget,
    ipc,
    t,
    shortcutPaused: shell.shortcutPaused,
    launch: shell.launch,
    /** The company policy: read again now (tests; a watch or a menu/window open does it in the app). */
    policy,
    /** Once the tray shows: what could wait for it (the HTTP client, status refresh, the login item, the licence, updates). */
    begin(): void {
      for (const feature of all) feature.begin?.();
    },
    /** Loads the code left for after the tray (main/features/later.ts); rejects if one cannot load: a failed start. */
    loadLater: later.loadAll,
    /** The tray menu is about to open: the API connection, what is free, today's bookings, the policy. */
    warm: (): void => all.forEach((feature) => feature.warm?.()),
    /** The computer woke up, or the network may have changed: the route to the API is asked of the OS again. */
    networkChanged: () => api.networkChanged(),
    /** The computer woke from sleep: Upcoming is read again, and reminders missed meanwhile are not shown late. */
    resumed: (): void => all.forEach((feature) => feature.resume?.()),
    /** Writes what is pending now (quit, tests). */
    flush: () => store.flush(),
    /** Writes what is pending and lets go of timers and connections (quit). */
    async stop(): Promise<void> {
      store.flush();
      policy.stop();
      for (const feature of all) await feature.stop?.();
      await api.close();
    },
  };
}

/** Every feature of the app, made from the context, the ports and what they share. */
function buildFeatures(
  ctx: AppContext,
  ports: AppPorts,
  knobs: AppKnobs,
  core: { vault: Vault; proxyPassword: ProxyPassword; signal: SettingsSignal },
  app: { snapshot: () => WindowSnapshot; runAndForget: (command: Command) => void; notices: ReturnType<typeof notices>['feature'] },
) {
  const { vault, proxyPassword, signal } = core;
  const credentials = credentialsFeature(ctx, { vault, proxyPassword });
  const meetings = meetingsFeature(ctx, {
    vault,
    markAnswer: credentials.markAnswer,
    openLink: ports.openLink,
    clipboard: ports.clipboard,
    confirm: ports.confirm,
    refreshDelaysMs: knobs.refreshDelaysMs,
  });
  const shell = shellFeature(ctx, {
    window: ports.window,
    confirm: ports.confirm,
    quit: ports.quit,
    openFolder: ports.openFolder,
    facts: ports.facts,
    systemLanguages: ports.systemLanguages,
    snapshot: app.snapshot,
    runAndForget: app.runAndForget,
  });
  // Reminders follow Upcoming; Upcoming tells them when it changed (each only calls the other later).
  const reminders = remindersFeature(ctx, { upcoming: () => scheduling.state().upcoming, read: () => scheduling.ipc.upcoming() });
  const scheduling = schedulingFeature(ctx, {
    trusted: meetings.trusted,
    openChecked: meetings.openChecked,
    copyChecked: meetings.copyChecked,
    openPath: ports.openPath,
    tempDir: ports.tempDir,
    files: ports.files,
    confirm: ports.confirm,
    upcomingChanged: () => reminders.plan(),
    signedIn: () => credentials.feature.state().credentials.configured,
  });
  const features = {
    shell: shell.feature,
    notices: app.notices,
    settings: settingsFeature(ctx, { signal }),
    policy: policyFeature(ctx),
    presets: presetsFeature(ctx, { files: ports.files, confirm: ports.confirm }),
    credentials: credentials.feature,
    meetings: meetings.feature,
    scheduling,
    reminders: reminders.feature,
    usage: usageFeature(ctx, { files: ports.files }),
    forms: formsFeature(ctx),
    startAtLogin: startAtLoginFeature(ctx, { loginItem: ports.loginItem }),
    updates: updatesFeature(ctx, { updater: ports.updater, version: ports.facts.version, mayQuit: shell.mayQuit }),
  };
  return { features, shell };
}

export type App = ReturnType<typeof createApp>;
