// Composition root of the main process: lifecycle, then the modules wired in a visible order.
// Only this file and main/electron/ import Electron; everything they wire is plain, tested code.
import { app, session, shell } from 'electron';
import { join } from 'node:path';
import { translator } from '../common/i18n/index.js';
import { createLogger } from './electron/log.js';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from './electron/app-protocol.js';
import { registerIpc, sendEvent } from './electron/ipc.js';
import { createDialogs } from './electron/dialogs.js';
import { createMainWindowController } from './electron/main-window.js';
import { createTrayController } from './electron/tray.js';
import { installE2eHooks } from './electron/e2e-hooks.js';
import { createNotifier } from './electron/notify.js';
import { createSafeStorageCipher } from './electron/safe-storage-cipher.js';
import { openElectronStoreFile } from './electron/store-file.js';
import { createLoginItem } from './electron/login-item.js';
import { confirmWithDialog, openLink, registerShortcut, systemClipboard, updateLaunchers } from './electron/os-integration.js';
import { createListeners } from './ipc/handlers.js';
import { createApiClients } from './meetings/api-clients.js';
import { createMeetingsService } from './meetings/meetings-service.js';
import { createLicenceCache } from './meetings/licence-cache.js';
import { describeApp } from './platform/app-identity.js';
import { parseLaunchArgs, resolvePreset, type LaunchArgs } from './platform/launch-args.js';
import { uiLocale } from './platform/ui-locale.js';
import { hardenSession, hardenWebContents } from './security/window-policy.js';
import { openAppStore } from './store/app-store.js';
import { storeNoticeText } from './store/notice-text.js';
import { collectTrayState } from './tray/tray-state.js';
import type { TrayAction } from './tray/menu-model.js';
import { createVault } from './vault/vault.js';

const APP_ID = 'cn.umeet.tray';
const testMode = process.env.NODE_ENV === 'test' && !app.isPackaged;
const log = createLogger();

// Privileged schemes must be declared before `ready`.
registerAppSchemeAsPrivileged();
// The Electron suite runs each launch in a fresh profile.
if (testMode && process.env.UMEET_USER_DATA) app.setPath('userData', process.env.UMEET_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the tray; it gets our arguments through 'second-instance'.
  app.quit();
} else {
  start(parseLaunchArgs(process.argv));
}

function start(firstLaunch: LaunchArgs): void {
  // A tray app has no dock icon until its window is shown (LSUIElement covers the packaged app).
  app.dock?.hide();
  // Windows shows notifications only for an app with an AppUserModelId.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  // Every webContents, whoever creates it, stays on our content and gets no new windows.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  // Closing the window must not quit: the app lives in the tray until "Quit".
  app.on('window-all-closed', () => undefined);

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    serveAppProtocol(join(import.meta.dirname, '../renderer'));

    const systemLanguages = app.getPreferredSystemLanguages();
    const info = describeApp({ name: app.getName(), version: app.getVersion(), platform: process.platform, preferredLanguages: systemLanguages });
    const notify = createNotifier();

    // Settings, presets and recent meetings, in the user-data folder (see README, "Where your data lives").
    const store = openAppStore({ dir: app.getPath('userData'), openFile: openElectronStoreFile, locale: info.locale, log });
    const locale = () => uiLocale(store.settings().language, systemLanguages);
    const t = () => translator(locale());
    for (const notice of store.takeNotices()) {
      const text = storeNoticeText(notice, t());
      if (text) notify(text);
    }

    // safeStorage is usable only now that the app is ready.
    const vault = createVault({ cipher: createSafeStorageCipher(), store, log });
    const api = createApiClients({ settings: () => store.settings(), credentials: () => vault.get(), log });
    const meetings = createMeetingsService({
      store,
      vault,
      api,
      openLink,
      clipboard: systemClipboard,
      notify,
      confirm: confirmWithDialog,
      locale,
      t,
      log,
    });

    const mainWindow = createMainWindowController({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      title: () => t()('window.title'),
    });
    const loginItem = createLoginItem();
    let startAtLogin = await loginItem.get().catch(() => false);
    const setStartAtLogin = async (enabled: boolean) => {
      await loginItem.set(enabled);
      startAtLogin = enabled;
      if (store.settings().startAtLogin !== enabled) store.updateSettings({ startAtLogin: enabled });
    };
    const licence = createLicenceCache();

    registerIpc(
      createListeners(
        {
          appInfo: () => ({ ...info, locale: locale() }),
          store,
          vault,
          meetings,
          verify: () => api.background().licensing(),
          licence,
          dialogs: createDialogs(t),
          setStartAtLogin,
          openLogFolder: () => void shell.openPath(log.folder()),
          locale,
          t,
        },
        log,
      ),
    );

    const startPreset = (presetId: string) => void meetings.start(presetId);
    const dispatch = (action: TrayAction): void => {
      switch (action.type) {
        case 'start':
          return startPreset(action.presetId);
        case 'set-up-credentials':
          return mainWindow.show('settings');
        case 'open-window':
          return mainWindow.show();
        case 'check':
          return void meetings.check(action.checkId);
        case 'recent':
          switch (action.action) {
            case 'open-participant':
              return void meetings.openAsParticipant(action.meetingId);
            case 'open-host':
              return void meetings.openAsHost(action.meetingId);
            case 'open-live':
              return void meetings.openLive(action.meetingId);
            case 'end':
              return void meetings.end(action.meetingId);
            default:
              meetings.copy(action.meetingId, action.action.replace('copy-', '') as Parameters<typeof meetings.copy>[1]);
              return;
          }
        case 'toggle-start-at-login':
          return void setStartAtLogin(!startAtLogin).catch((error: unknown) => {
            log.error('start at login could not be changed', { error: String(error) });
            tray.render();
          });
        case 'open-log-folder':
          return void shell.openPath(log.folder());
        case 'quit':
          return app.quit();
      }
    };

    const iconDir = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
    const trayState = () => collectTrayState({ locale: locale(), now: new Date(), store, vault, meetings, startAtLogin });
    const tray = createTrayController({
      iconDir,
      state: trayState,
      dispatch,
      leftClick: () => store.settings().trayLeftClick,
      warm: () => void api.click().warm(),
    });

    // One rebuild per change of state, whoever changed it; the window re-reads its snapshot.
    const refresh = () => {
      tray.render();
      updateLaunchers(store.presets(), startPreset);
      sendEvent(mainWindow.current?.webContents, 'stateChanged', undefined);
    };
    store.onChange(refresh);
    vault.onChange(refresh);
    meetings.onChange(refresh);
    licence.onChange(refresh);
    updateLaunchers(store.presets(), startPreset);
    meetings.resume();
    // With the tray up, learn the licence (for the capacity choices and the seed preset's size).
    void vault.get().then(async (credentials) => {
      if (!credentials) return;
      const answer = await api.background().licensing();
      if (!answer.ok) return;
      licence.remember(answer.value);
      store.adoptLicence(answer.value);
    });

    let shortcut: string | null = null;
    const applyShortcut = () => {
      const wanted = store.settings().globalShortcut;
      if (wanted === shortcut) return;
      shortcut = wanted;
      const registered = registerShortcut(wanted, () => {
        const id = store.defaultPresetId();
        if (id) startPreset(id);
      });
      if (!registered && wanted) notify({ title: t()('shortcut.takenTitle'), body: t()('shortcut.takenBody', { accelerator: wanted }) });
    };
    applyShortcut();
    store.onChange(applyShortcut);

    const handleLaunch = (args: LaunchArgs, secondInstance: boolean) => {
      if (args.start) {
        const preset = 'default' in args.start
          ? store.preset(store.defaultPresetId() ?? '')
          : resolvePreset(store.presets(), args.start.preset);
        if (preset) return startPreset(preset.id);
        log.warn('launch: no preset matches --start');
      }
      // A second launch without arguments means "show me the app"; a login launch shows nothing.
      if (secondInstance && !args.hidden) mainWindow.show();
    };
    app.on('second-instance', (_event, argv) => handleLaunch(parseLaunchArgs(argv), true));
    handleLaunch(firstLaunch, false);

    app.on('before-quit', () => {
      store.flush();
      meetings.stop();
      void api.close();
    });

    if (testMode) {
      installE2eHooks({
        tray: tray.tray,
        state: trayState,
        dispatch,
        recent: () => store.recent(),
        configure: async ({ apiBaseUrl, apiKey, apiSecret }) => {
          store.updateSettings({ apiBaseUrl });
          await vault.set({ apiKey, apiSecret });
        },
      });
    }
    log.info('tray ready', { version: info.version, platform: info.platform, locale: locale() });
  });
}
