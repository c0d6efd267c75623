import { beforeAll, describe, expect, it, vi } from 'vitest';
import { control, sessions } from '../stand-in/electron.js';

/**
 * The Electron adapters that create the window and wire the app-wide protections, run against the
 * one Electron stand-in (test/stand-in/electron.ts), which records what they ask of it. This
 * checks the settings in the code that makes the window, not a copy of them.
 */
vi.mock('electron', () => import('../stand-in/electron.js'));

const { createMainWindowController } = await import('../../main/electron/main-window.js');
const { hardenApp } = await import('../../main/electron/harden-app.js');
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  // The protections go on before 'ready' (harden-app.ts); windows exist only after it.
  hardenApp(silent);
  const { app } = await import('../stand-in/electron.js');
  await app.whenReady();
});

describe('the window as main/electron/main-window.ts creates it', () => {
  it('has every webPreference of the security baseline, and loads app:// only', () => {
    const controller = createMainWindowController({ preloadPath: '/app/out/preload/index.cjs' });
    controller.show('presets', 'Umeet Tray');
    expect(control.windows).toHaveLength(1);
    const { options, urls } = control.windows[0]!;
    // Electron's security checklist, item by item (docs/tutorial/security.md), and nothing else set.
    const checklist: [string, unknown][] = [
      ['preload', '/app/out/preload/index.cjs'],
      ['contextIsolation', true],
      ['sandbox', true],
      ['nodeIntegration', false],
      ['nodeIntegrationInWorker', false],
      ['nodeIntegrationInSubFrames', false],
      ['webSecurity', true],
      ['allowRunningInsecureContent', false],
      ['experimentalFeatures', false],
      ['webviewTag', false],
      ['navigateOnDragDrop', false],
      ['safeDialogs', true],
      ['spellcheck', false],
      ['disableBlinkFeatures', 'Auxclick'],
    ];
    const preferences = options.webPreferences as Record<string, unknown>;
    for (const [key, value] of checklist) expect(preferences[key], key).toBe(value);
    expect(Object.keys(preferences).sort()).toEqual(checklist.map(([key]) => key).sort());
    expect(options.show).toBe(false);
    expect(options.title).toBe('Umeet Tray');
    expect(urls).toEqual(['app://umeet/index.html#presets']);
  });

  it('is created once and reused; a later request for a section is sent to it', () => {
    const controller = createMainWindowController({ preloadPath: '/p' });
    const before = control.windows.length;
    controller.show('settings', 't');
    controller.show('recent', '设置');
    expect(control.windows).toHaveLength(before + 1);
    const window = control.windows.at(-1)!;
    expect(window.urls).toEqual(['app://umeet/index.html#settings']);
    expect(window.webContents.sent).toEqual([['umeet:navigate', { section: 'recent' }]]);
    expect(window.title).toBe('设置');
  });

  it('hides on close instead of quitting, and is made again after it was destroyed', () => {
    const controller = createMainWindowController({ preloadPath: '/p' });
    controller.show('presets', 't');
    const window = control.windows.at(-1)!;
    window.show();
    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.visible).toBe(false);
    window.destroy();
    controller.show('presets', 't');
    expect(control.windows.at(-1)).not.toBe(window);
  });
});

describe('the app-wide protections as main/electron/harden-app.ts wires them', () => {
  it('locks down every webContents and denies every permission', () => {
    const contents = control.windows[0]!.webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(event, { url: 'https://evil.example/', preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });

    let granted: boolean | undefined;
    sessions.permissionHandlers.request?.(null, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(sessions.permissionHandlers.check?.(null, 'clipboard-read')).toBe(false);
  });
});
