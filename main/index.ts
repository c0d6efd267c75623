// The composition root: Electron's adapters (main/electron/), the app built from them
// (main/app.ts), and what follows the app's state (tray, window, launchers, shortcut), in the order
// they run. Only this file and main/electron/ import Electron.
import { app as electronApp } from 'electron';
import { join } from 'node:path';
import { createApp } from './app.js';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from './electron/app-protocol.js';
import { confirmWithDialog, fileDialogs } from './electron/dialogs.js';
import { installE2eHooks } from './electron/e2e-hooks.js';
import { hardenApp } from './electron/harden-app.js';
import { registerIpc, sendEvent } from './electron/ipc.js';
import { setApplicationMenu } from './electron/app-menu.js';
import { createLogger } from './electron/log.js';
import { catchFailures } from './electron/failures.js';
import { createLoginItem } from './electron/login-item.js';
import { createMainWindowController } from './electron/main-window.js';
import { onNetworkMayHaveChanged, resolveProxy } from './electron/network.js';
import { createNotifier } from './electron/notify.js';
import { createClipboard } from './electron/clipboard.js';
import { applyChromiumLanguage } from './electron/chromium-lang.js';
import { applyRememberedPasswordStore, checkLinuxDesktop, desktopAtStart } from './electron/linux-desktop.js';
import { followPresetLaunchers } from './electron/follow-launchers.js';
import { followShortcutSetting } from './electron/follow-shortcut.js';
import { openFolder, openLink, openPath } from './electron/os-integration.js';
import { createQuitGuard } from './electron/quit-guard.js';
import { relaunchApp } from './electron/relaunch.js';
import { createSafeStorageCipher } from './electron/safe-storage-cipher.js';
import { passSmokeTest, smokeTestRequested } from './electron/smoke-test.js';
import { createTrayController } from './electron/tray.js';
import { x11Relaunch } from './platform/display-server.js';
import { forwardedLaunch, parseLaunchArgs, type LaunchArgs } from './platform/launch-args.js';
import { trayStateOf } from './tray/tray-state.js';
import { BUNDLE_ID, osUserName, policySourceFor } from './policy/select-source.js';

const APP_ID = 'cn.umeet.tray';
const testMode = process.env.NODE_ENV === 'test' && !electronApp.isPackaged;
const log = createLogger(() => electronApp.getPath('logs'));
// The company policy: the registry, managed preferences or /etc/umeet-tray/policy.json (docs/admin-guide.md).
const policy = policySourceFor(process.platform, { bundleId: BUNDLE_ID });

/** Holds back a quit the app did not ask for (the Dock's Quit) until the `quit` command has asked (main/electron/quit-guard.ts). */
let quitGuard: ReturnType<typeof createQuitGuard> | undefined;

// Before the tray, an unexpected error is told in a dialog and the app quits; after, in a notification.
const failures = catchFailures(log, () => quitGuard?.approve());

/** Positional values before a preset name in argv: the executable, and in development the app's folder. */
const launchSkip = electronApp.isPackaged ? 1 : 2;
const thisLaunch = parseLaunchArgs(process.argv, launchSkip);

/** Launches that come before the app exists (a second instance while this one starts) wait here, in order. */
let onLaunch: ((launch: LaunchArgs, secondInstance: boolean) => void) | undefined;
const earlyLaunches: LaunchArgs[] = [];

// 0. Wayland: start again under XWayland, before anything else happens (main/platform/display-server.ts).
const relaunch = x11Relaunch({
  platform: process.platform,
  env: process.env,
  args: process.argv.slice(1),
  hasOzoneSwitch: electronApp.commandLine.hasSwitch('ozone-platform'),
});
// Through the AppImage file itself when running from one: Electron's relaunch cannot start from its mount.
if (!relaunch || !relaunchApp(relaunch, log)) start();

function start(): void {
  // 1. Before `ready`: what Electron allows only now, and the single-instance lock.
  registerAppSchemeAsPrivileged();
  // The Electron suite runs each launch in a fresh profile.
  if (testMode && process.env.UMEET_USER_DATA) electronApp.setPath('userData', process.env.UMEET_USER_DATA);
  // Linux: a Secret Service an earlier run found is asked for now, before 'ready' (main/electron/linux-desktop.ts).
  applyRememberedPasswordStore();
  // Chromium's own date and time inputs in the app's language, when the user chose one (main/platform/chromium-lang.ts).
  applyChromiumLanguage();
  // The launch goes with the lock: a second instance's argv may arrive reordered; this is what it meant.
  if (!electronApp.requestSingleInstanceLock({ launch: thisLaunch })) {
    // Another instance owns the tray; it gets our launch through 'second-instance'.
    electronApp.quit();
  } else {
    // Listened for from the start: a second launch while this one is still starting is not lost.
    electronApp.on('second-instance', (_event, argv, _workingDirectory, additionalData) => {
      const launch = forwardedLaunch(argv, additionalData, launchSkip);
      if (onLaunch) onLaunch(launch, true);
      else earlyLaunches.push(launch);
    });
    // A tray app has no dock icon until its window is shown (LSUIElement covers the packaged app).
    electronApp.dock?.hide();
    // Windows shows notifications only for an app with an AppUserModelId.
    if (process.platform === 'win32') electronApp.setAppUserModelId(APP_ID);
    // Every webContents, whoever creates it, stays on our content, opens no window, gets no permission.
    hardenApp(log);
    // Closing the window must not quit: the app lives in the tray until "Quit".
    electronApp.on('window-all-closed', () => undefined);
    electronApp.whenReady().then(ready).catch(failures.failedToStart);
  }
}

function ready(): void {
  // 2. The adapters over Electron, then the app built from them.
  // Every quit asks about unsaved edits, the Dock's too; listened for first, so later listeners see it held back.
  quitGuard = createQuitGuard(() => app.runAndForget({ type: 'quit' }));
  quitGuard.followSessionEnd();
  serveAppProtocol(join(import.meta.dirname, '../renderer'));
  // A Windows toast of an earlier run (or one let go) opens the window; the app is made below, before any click.
  const notify = createNotifier(process.platform, () => setImmediate(() => app.runAndForget({ type: 'open-window' })));
  // What the desktop offers (Linux), for the window: learned after the tray, below.
  const desktop = desktopAtStart();
  // The setting is read when the window closes; the app is made below, before any window can be.
  let keepClosedMs = () => 5 * 60_000;
  const window = createMainWindowController({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    keepClosedMs: () => keepClosedMs(),
  });
  const app = createApp({
    dir: electronApp.getPath('userData'),
    systemLanguages: electronApp.getPreferredSystemLanguages(),
    facts: {
      name: electronApp.getName(),
      version: electronApp.getVersion(),
      platform: process.platform,
      desktop: () => (process.platform === 'linux' ? desktop : undefined),
    },
    // safeStorage is usable only now that the app is ready.
    cipher: createSafeStorageCipher(),
    openLink,
    openFolder,
    openPath,
    // Calendar files opened with the calendar app: the app's own folder in the OS's temp folder.
    tempDir: join(electronApp.getPath('temp'), 'umeet-tray'),
    // Wayland: no "copied" unless a window has focus; a copy asked from the tray is made from the window.
    clipboard: createClipboard({
      wayland: desktop.shortcut === 'window',
      showWindow: () => app.runAndForget({ type: 'open-window', section: 'recent' }),
    }),
    notify,
    confirm: confirmWithDialog,
    files: fileDialogs,
    loginItem: createLoginItem(),
    window,
    quit: () => quitGuard?.quit(),
    log,
    resolveProxy,
    policy,
    userName: osUserName(),
    // Updates: electron-updater is imported when the first check runs, after the tray shows, and only
    // in a packaged app (a development run has no feed). The window is let go before installing: its
    // close would otherwise be turned into a hide, and the quit would wait for it.
    updater: {
      packaged: electronApp.isPackaged,
      load: async () =>
        (await import('./electron/updater.js')).createUpdater({
          log,
          // The install was asked about (`restart-to-update`): its quit goes through.
          beforeInstall: () => {
            quitGuard?.approve();
            window.current?.destroy();
          },
        }),
    },
  });
  onNetworkMayHaveChanged(() => app.networkChanged(), app.resumed);
  keepClosedMs = () => app.state().settings.keepClosedWindowMinutes * 60_000;
  // The app menu (macOS) quits through the app's command, in the app's language, made again when that changes.
  let menuLocale = app.state().locale;
  const quitItem = () => ({ label: app.t()('quit.menu'), run: () => app.runAndForget({ type: 'quit' }) });
  setApplicationMenu(quitItem());
  const { t } = app;

  // 3. The tray, and everything that follows the app's state.
  const iconDir = electronApp.isPackaged ? join(process.resourcesPath, 'tray') : join(electronApp.getAppPath(), 'build', 'tray');
  const trayState = () => trayStateOf(app.state(), new Date());
  let tray: ReturnType<typeof createTrayController> | undefined;
  try {
    tray = createTrayController({
      iconDir,
      state: trayState,
      run: app.runAndForget,
      leftClick: () => app.state().settings.trayLeftClick,
      warm: app.warm,
    });
    log.info('tray ready', { version: electronApp.getVersion(), platform: process.platform, locale: app.state().locale });
  } catch (error) {
    // `new Tray()` failed (it does not for a missing StatusNotifier host, electron#5872: that is asked of the
    // session bus below). The app must not be unreachable: the window opens, and every later launch opens it again.
    log.error('the tray could not be shown; opening the window instead', error);
    app.runAndForget({ type: 'open-window' });
  }
  failures.notifyFromNowOn(notify, t);

  const listeners = import('./ipc/handle.js').then(({ createListeners }) => createListeners(app.ipc, log, t));
  registerIpc(listeners);
  // The shortcut follows the setting; taken, or uncertain under Wayland, the user is told (main/electron/follow-shortcut.ts).
  const applyShortcut = followShortcutSetting(app, notify, desktop.launcherCommand);
  // The OS launchers follow the presets only: not each "Starting…" or status poll.
  const followPresets = followPresetLaunchers(
    () => app.state().presets,
    (presetId) => app.runAndForget({ type: 'start', presetId }),
  );
  app.onChange(() => {
    if (app.state().locale !== menuLocale) {
      menuLocale = app.state().locale;
      setApplicationMenu(quitItem());
    }
    tray?.render();
    sendEvent(window.current?.webContents, 'stateChanged', undefined);
    followPresets();
    applyShortcut();
  });
  followPresets();
  applyShortcut();
  if (testMode && tray) installE2eHooks({ tray: tray.tray, state: trayState, app });

  // 4. Launches: this one, the ones that came while starting, and every later one; then what could wait.
  onLaunch = app.launch;
  app.launch(thisLaunch, false);
  for (const launch of earlyLaunches.splice(0)) app.launch(launch, true);
  // macOS: opening the app again from Finder, Spotlight or the Dock is 'activate', not 'second-instance'
  // (app.md). Its first one comes with this very launch, which opens no window (a login start, say).
  const startedAt = Date.now();
  electronApp.on('activate', () => {
    if (Date.now() - startedAt > 1_000) app.runAndForget({ type: 'open-window' });
  });
  electronApp.on('before-quit', (event) => {
    if (!event.defaultPrevented) void app.stop();
  });
  // The code loaded after the tray (main/features/later.ts, the policy's reader, the log, IPC): one that cannot load fails the start.
  const loadedLater = Promise.all([app.loadLater(), policy?.loaded(), log.loaded(), listeners]);
  // The release workflow's `--smoke-test` (main/electron/smoke-test.ts): started and loaded, so exit before anything reaches the network.
  if (smokeTestRequested()) return void loadedLater.then(() => passSmokeTest(log, tray ? 'tray' : 'window'), failures.failedToStart);
  loadedLater.catch(failures.failedToStart);
  app.begin();

  // 5. Linux: what the desktop really offers, asked of the session bus now that the tray is up (gdbus, lazily).
  if (process.platform === 'linux')
    void checkLinuxDesktop({
      log,
      shown: (noTray) => {
        desktop.noTray = noTray;
        // Nothing shows the tray: a launch by the user gets the window, which says how to get the tray.
        if (noTray && !thisLaunch.hidden) app.runAndForget({ type: 'open-window' });
      },
      // Starting again for the keyring is safe only before anything was asked of this run.
      mayRestart: () => !thisLaunch.start && app.state().busy.length === 0 && !window.current,
    });
}
