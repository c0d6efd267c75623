// Composition root of the main process: lifecycle, then the modules wired in a visible order.
// Only this file and main/electron/ import Electron; everything they wire is plain, tested code.
import { app, session } from 'electron';
import { join } from 'node:path';
import { translator } from '../common/i18n/index.js';
import { createLogger } from './electron/log.js';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from './electron/app-protocol.js';
import { registerIpc } from './electron/ipc.js';
import { createMainWindowController } from './electron/main-window.js';
import { createTrayController } from './electron/tray.js';
import { createNotifier } from './electron/notify.js';
import { createSafeStorageCipher } from './electron/safe-storage-cipher.js';
import { openElectronStoreFile } from './electron/store-file.js';
import { openAppStore } from './store/app-store.js';
import { storeNoticeText } from './store/notice-text.js';
import { createVault } from './vault/vault.js';
import { installE2eHooks } from './electron/e2e-hooks.js';
import { createListeners } from './ipc/handlers.js';
import { describeApp } from './platform/app-identity.js';
import { hardenSession, hardenWebContents } from './security/window-policy.js';
import type { TrayAction } from './tray/menu-model.js';

const log = createLogger();

// Privileged schemes must be declared before `ready`.
registerAppSchemeAsPrivileged();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the tray; it is told through 'second-instance' and shows its window.
  app.quit();
} else {
  start();
}

function start(): void {
  // A tray app has no dock icon until its window is shown (LSUIElement covers the packaged app).
  app.dock?.hide();

  // Every webContents, whoever creates it, stays on our content and gets no new windows.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  // Closing the window must not quit: the app lives in the tray until "Quit".
  app.on('window-all-closed', () => undefined);

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveAppProtocol(join(import.meta.dirname, '../renderer'));

    const info = describeApp({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      preferredLanguages: app.getPreferredSystemLanguages(),
    });
    const t = translator(info.locale);
    const notify = createNotifier();

    // Settings, presets and recent meetings: userData is ~/Library/Application Support/Umeet Tray,
    // %APPDATA%\Umeet Tray, or ~/.config/Umeet Tray. The user hears about any repair made on load.
    const store = openAppStore({ dir: app.getPath('userData'), openFile: openElectronStoreFile, locale: info.locale, log });
    for (const notice of store.takeNotices()) {
      const text = storeNoticeText(notice, t);
      if (text) notify(text);
    }
    app.on('before-quit', () => store.flush());
    // safeStorage is usable only now that the app is ready.
    const vault = createVault({ cipher: createSafeStorageCipher(), store, log });
    void vault;

    registerIpc(createListeners({ appInfo: () => info }, log));

    const mainWindow = createMainWindowController({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      title: () => t('window.title'),
    });

    const dispatch = (action: TrayAction): void => {
      switch (action.type) {
        case 'open-window':
          mainWindow.show();
          return;
        case 'quit':
          app.quit();
          return;
      }
    };

    const iconDir = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
    const tray = createTrayController({ locale: info.locale }, { iconDir, tooltip: () => t('tray.tooltip'), dispatch });
    app.on('second-instance', () => mainWindow.show());

    if (!app.isPackaged && process.env.UMEET_E2E === '1') installE2eHooks(tray.tray, () => tray.state, dispatch);
    log.info('tray ready', { version: info.version, platform: info.platform, locale: info.locale });
  });
}
