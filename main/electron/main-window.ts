import { app, BrowserWindow } from 'electron';
import type { Section } from '../../common/commands.js';
import { appEntryUrl } from '../security/app-origin.js';
import { createDockIcon } from './dock.js';
import { sendEvent } from './ipc.js';

export interface MainWindowOptions {
  preloadPath: string;
  /** How long the closed (hidden) window is kept before it is destroyed, which frees its renderer process. */
  keepClosedMs: () => number;
}

/**
 * The one window, created on first use and reused after: closing it only hides it, so it opens
 * again instantly with its state. Hidden longer than `keepClosedMs` (the setting, 5 minutes by
 * default), it is destroyed: a tray app that runs for weeks does not keep a renderer process for a
 * window nobody looks at. Opened again, it is made afresh and restores its state (the section, the
 * scroll positions, unsaved edits), which the window keeps in main as it goes (`windowState`).
 * Navigation, window.open and permissions are locked down for
 * every webContents by main/electron/harden-app.ts; this module sets the webPreferences. On macOS the
 * dock icon shows only while the window is visible, as users expect of a menu-bar app.
 */
export function createMainWindowController(options: MainWindowOptions) {
  let window: BrowserWindow | null = null;
  const dock = createDockIcon();

  let letGo: ReturnType<typeof setTimeout> | undefined;
  const keep = () => {
    if (letGo) clearTimeout(letGo);
    letGo = undefined;
  };

  const create = (section: Section | undefined, title: string): BrowserWindow => {
    const created = new BrowserWindow({
      width: 860,
      height: 640,
      minWidth: 560,
      minHeight: 420,
      show: false,
      title,
      autoHideMenuBar: true,
      // Electron's security checklist, all of it that applies. Written out here, where the window is
      // made, so that reviewers and scanners (Electronegativity) see exactly what is set.
      webPreferences: {
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        // Middle-click would otherwise open links in a new window.
        disableBlinkFeatures: 'Auxclick',
        // No developer tools in what users run (a shortcut away from the page's internals).
        devTools: !app.isPackaged,
      },
    });
    created.once('ready-to-show', () => !created.isDestroyed() && created.show());
    created.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      created.hide();
    });
    created.on('hide', () => {
      dock.hide();
      keep();
      letGo = setTimeout(() => {
        letGo = undefined;
        if (!created.isDestroyed() && !created.isVisible()) created.destroy();
      }, options.keepClosedMs());
    });
    created.on('show', () => {
      keep();
      dock.show();
    });
    created.on('closed', () => {
      keep();
      if (window === created) window = null;
    });
    // The section rides in the hash, which the renderer reads at start; no navigation happens. Without
    // one, the renderer opens where the user left it.
    void created.loadURL(section ? `${appEntryUrl}#${section}` : appEntryUrl);
    return created;
  };

  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });

  return {
    show(section: Section | undefined, title: string): void {
      if (!window || window.isDestroyed()) {
        window = create(section, title);
        return;
      }
      window.setTitle(title);
      if (section) sendEvent(window.webContents, 'navigate', { section });
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    get current(): BrowserWindow | null {
      return window;
    },
  };
}
