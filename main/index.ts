// Composition root of the main process. Only this file and main/electron/ import Electron.
// Start-up is in two steps, so the tray shows as early as it can:
//   1. before the tray: lifecycle, security hooks, the store, the vault, the tray itself;
//   2. after it: everything else (API client, meetings, window, IPC), from app-services.ts through a
//      dynamic import. A click in between waits for step 2 instead of being lost.
import { app, dialog } from 'electron';
import { join } from 'node:path';
import { pickLocale, translator } from '../common/i18n/index.js';
import { redactText } from './api/redact.js';
import { createLogger } from './electron/log.js';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from './electron/app-protocol.js';
import { createTrayController } from './electron/tray.js';
import { createNotifier } from './electron/notify.js';
import { createSafeStorageCipher } from './electron/safe-storage-cipher.js';
import { createLoginItem } from './electron/login-item.js';
import { describeApp } from './platform/app-identity.js';
import { parseLaunchArgs, type LaunchArgs } from './platform/launch-args.js';
import { uiLocale } from './platform/ui-locale.js';
import { hardenApp } from './electron/harden-app.js';
import { openAppStore } from './store/app-store.js';
import { storeNoticeText, tellSaveProblems } from './store/notice-text.js';
import { collectTrayState } from './tray/tray-state.js';
import type { TrayAction } from './tray/menu-model.js';
import { createVault } from './vault/vault.js';
import type { Services } from './app-services.js';

const APP_ID = 'cn.umeet.tray';
const testMode = process.env.NODE_ENV === 'test' && !app.isPackaged;
const log = createLogger(() => app.getPath('logs'));

// Privileged schemes must be declared before `ready`.
registerAppSchemeAsPrivileged();
// The Electron suite runs each launch in a fresh profile.
if (testMode && process.env.UMEET_USER_DATA) app.setPath('userData', process.env.UMEET_USER_DATA);

/** Set once the tray shows: from then on a failure is told in a notification, not by quitting. */
let surface: ((error: unknown) => void) | undefined;

/** Error text safe to show and log: no stack, no secret. */
const describeError = (error: unknown) => redactText(error instanceof Error ? error.message : String(error)).slice(0, 300);

/**
 * A failure before the tray is up leaves the user with nothing to click: say what happened and
 * where the log is, in a native dialog, and quit, releasing the single-instance lock so the next
 * launch can start. (Electron's default for an unhandled rejection is a console warning, which
 * would keep the process, and the lock, alive with no tray.)
 */
function failedToStart(error: unknown): void {
  log.error('start-up failed', error);
  const t = translator(pickLocale(app.getPreferredSystemLanguages()));
  dialog.showErrorBox(t('app.startFailedTitle'), t('app.startFailedBody', { error: describeError(error), folder: log.folder() }));
  app.releaseSingleInstanceLock();
  app.quit();
  // If something holds the quit back, leave anyway.
  setTimeout(() => app.exit(1), 3_000).unref();
}

function unexpected(error: unknown): void {
  if (surface) surface(error);
  else failedToStart(error);
}
process.on('unhandledRejection', unexpected);
process.on('uncaughtException', unexpected);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the tray; it gets our arguments through 'second-instance'.
  app.quit();
} else {
  start(parseLaunchArgs(process.argv));
}

/** Until step 2 is loaded, the tray shows nothing in flight. */
const idle = { busy: () => new Set<string>(), pendingChecks: () => [], lastError: () => undefined };

function start(firstLaunch: LaunchArgs): void {
  // A tray app has no dock icon until its window is shown (LSUIElement covers the packaged app).
  app.dock?.hide();
  // Windows shows notifications only for an app with an AppUserModelId.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  // Every webContents, whoever creates it, stays on our content, opens no window, gets no permission.
  hardenApp(log);
  // Closing the window must not quit: the app lives in the tray until "Quit".
  app.on('window-all-closed', () => undefined);

  void app.whenReady().then(async () => {
    try {
      await ready(firstLaunch);
    } catch (error) {
      failedToStart(error);
    }
  });
}

async function ready(firstLaunch: LaunchArgs): Promise<void> {
  serveAppProtocol(join(import.meta.dirname, '../renderer'));

  const systemLanguages = app.getPreferredSystemLanguages();
  const info = describeApp({ name: app.getName(), version: app.getVersion(), platform: process.platform, preferredLanguages: systemLanguages });
  const notify = createNotifier();

  // Settings, presets and recent meetings, in the user-data folder (see README, "Where your data lives").
  const store = openAppStore({ dir: app.getPath('userData'), locale: info.locale, log });
  const locale = () => uiLocale(store.settings().language, systemLanguages);
  const t = () => translator(locale());
  // What opening the store found (a file recovered, kept aside, from a newer version), told once.
  for (const notice of store.takeNotices()) notify(storeNoticeText(notice, t()));
  // A save that starts failing is told once; the tray's line and the window's banner stay until it works again.
  tellSaveProblems(store, notify, t);
  // safeStorage is usable only now that the app is ready.
  const vault = createVault({ cipher: createSafeStorageCipher(), store, log });

  const loginItem = createLoginItem();
  let startAtLogin = await loginItem.get().catch(() => false);
  const startAtLoginSetting = {
    get: () => startAtLogin,
    async set(enabled: boolean) {
      await loginItem.set(enabled);
      startAtLogin = enabled;
      if (store.settings().startAtLogin !== enabled) store.updateSettings({ startAtLogin: enabled });
      tray.render();
    },
  };

  // Filled in once step 2 has loaded; until then tray clicks wait for it.
  const loaded: { services?: Services } = {};
  const servicesLoaded = import('./app-services.js');
  const later = (use: (s: Services) => void) => void servicesLoaded.then(() => loaded.services && use(loaded.services));

  const iconDir = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
  const trayState = () => collectTrayState({ locale: locale(), now: new Date(), store, vault, meetings: loaded.services?.meetings ?? idle, startAtLogin });
  const tray = createTrayController({
    iconDir,
    state: trayState,
    dispatch: (action: TrayAction) => (loaded.services ? loaded.services.dispatch(action) : later((s) => s.dispatch(action))),
    leftClick: () => store.settings().trayLeftClick,
    warm: () => (loaded.services ? loaded.services.warm() : later((s) => s.warm())),
  });
  log.info('tray ready', { version: info.version, platform: info.platform, locale: locale() });
  let lastSurfaced = 0;
  surface = (error) => {
    log.error('unexpected error', error);
    // At most one notification a minute: a failure in a loop must not bury the desktop.
    if (Date.now() - lastSurfaced < 60_000) return;
    lastSurfaced = Date.now();
    notify({ title: t()('app.unexpectedTitle'), body: t()('app.unexpectedBody', { error: describeError(error), folder: log.folder() }) });
  };

  const { startServices } = await servicesLoaded;
  const running = startServices({
    info,
    store,
    vault,
    log,
    notify,
    locale,
    t,
    startAtLogin: startAtLoginSetting,
    tray: { tray: tray.tray, render: tray.render, state: trayState },
    quit: () => app.quit(),
    testMode,
  });
  loaded.services = running;
  app.on('second-instance', (_event, argv) => running.handleLaunch(parseLaunchArgs(argv), true));
  running.handleLaunch(firstLaunch, false);
  app.on('before-quit', () => {
    store.flush();
    void running.stop();
  });
}
