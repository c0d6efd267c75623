import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The Electron adapters that create the window and wire the app-wide protections, run against a
 * stand-in of Electron (which cannot run here) that records what they ask of it. This checks the
 * settings in the code that makes the window, not a copy of them.
 */
const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; urls: string[]; sent: unknown[][] }[],
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((wc: unknown, permission: string) => boolean),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    record: (typeof recorded.windows)[number];
    webContents: { send: (...args: unknown[]) => void; isDestroyed: () => boolean };
    constructor(options: Record<string, unknown>) {
      this.record = { options, urls: [], sent: [] };
      recorded.windows.push(this.record);
      this.webContents = { send: (...args) => void this.record.sent.push(args), isDestroyed: () => false };
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.record.urls.push(url);
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    show() {}
    focus() {}
    restore() {}
  }
  const app = {
    on: (event: string, handler: (...args: unknown[]) => void) => void recorded.appHandlers.set(event, handler),
    whenReady: () => Promise.resolve(),
    dock: undefined,
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof recorded.permissionRequest) => void (recorded.permissionRequest = handler),
      setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => void (recorded.permissionCheck = handler),
    },
  };
  return { app, BrowserWindow, session, ipcMain: { handle: () => undefined } };
});

const { createMainWindowController } = await import('../../main/electron/main-window.js');
const { hardenApp } = await import('../../main/electron/harden-app.js');
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeEach(() => {
  recorded.windows.length = 0;
});

describe('the window as main/electron/main-window.ts creates it', () => {
  it('has every webPreference of the security baseline, and loads app:// only', () => {
    const controller = createMainWindowController({ preloadPath: '/app/out/preload/index.cjs', title: () => 'Umeet Tray' });
    controller.show();
    expect(recorded.windows).toHaveLength(1);
    const { options, urls } = recorded.windows[0]!;
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options.show).toBe(false);
    expect(urls).toEqual(['app://umeet/index.html#presets']);
  });

  it('is created once and reused; a later request for a section is sent to it', () => {
    const controller = createMainWindowController({ preloadPath: '/p', title: () => 't' });
    controller.show('settings');
    controller.show('recent');
    expect(recorded.windows).toHaveLength(1);
    expect(recorded.windows[0]!.urls).toEqual(['app://umeet/index.html#settings']);
    expect(recorded.windows[0]!.sent).toEqual([['umeet:navigate', { section: 'recent' }]]);
  });
});

describe('the app-wide protections as main/electron/harden-app.ts wires them', () => {
  it('locks down every webContents and denies every permission', async () => {
    hardenApp(silent);
    await Promise.resolve();
    const created = recorded.appHandlers.get('web-contents-created');
    expect(created).toBeTypeOf('function');

    const handlers = new Map<string, (event: { preventDefault(): void; url: string }) => void>();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    created!({}, {
      on: (event: string, handler: (event: { preventDefault(): void; url: string }) => void) => void handlers.set(event, handler),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => void (openHandler = handler),
    });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      handlers.get(event)?.({ url: 'https://evil.example/', preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    expect(openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });

    let granted: boolean | undefined;
    recorded.permissionRequest?.(null, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(recorded.permissionCheck?.(null, 'clipboard-read')).toBe(false);
  });
});
