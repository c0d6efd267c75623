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
    const controller = createMainWindowController({ preloadPath: '/app/out/preload/index.cjs', keepClosedMs: () => 5 * 60_000 });
    const before = control.windows.length;
    controller.show('presets', 'Umeet Tray');
    expect(control.windows).toHaveLength(before + 1);
    const { options, urls } = control.windows.at(-1)!;
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
      // Not packaged here: the developer tools stay for development (a packaged build has none).
      ['devTools', true],
    ];
    const preferences = options.webPreferences as Record<string, unknown>;
    for (const [key, value] of checklist) expect(preferences[key], key).toBe(value);
    expect(Object.keys(preferences).sort()).toEqual(checklist.map(([key]) => key).sort());
    expect(options.show).toBe(false);
    expect(options.title).toBe('Umeet Tray');
    expect(urls).toEqual(['app://umeet/index.html#presets']);
  });

  it('is created once and reused; a later request for a section is sent to it', () => {
    const controller = createMainWindowController({ preloadPath: '/p', keepClosedMs: () => 5 * 60_000 });
    const before = control.windows.length;
    controller.show('settings', 't');
    controller.show('recent', '设置');
    expect(control.windows).toHaveLength(before + 1);
    const window = control.windows.at(-1)!;
    expect(window.urls).toEqual(['app://umeet/index.html#settings']);
    expect(window.webContents.sent).toEqual([['umeet:navigate', { section: 'recent' }]]);
    expect(window.title).toBe('设置');
  });

  it('a closed window is let go once closed for as long as the setting says, and made again, where the user left it', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let minutes = 5;
      const controller = createMainWindowController({ preloadPath: '/p', keepClosedMs: () => minutes * 60_000 });
      controller.show(undefined, 't');
      const window = control.windows.at(-1)!;
      // Opened without a section: the renderer opens where the user left it.
      expect(window.urls).toEqual(['app://umeet/index.html']);
      window.show();
      window.close();
      vi.advanceTimersByTime(4 * 60_000);
      expect(window.destroyed).toBe(false);
      // Shown again in time: it was instant, and the count starts again at the next close.
      window.show();
      window.close();
      vi.advanceTimersByTime(5 * 60_000 - 1);
      expect(window.destroyed).toBe(false);
      vi.advanceTimersByTime(1);
      expect(window.destroyed).toBe(true);
      expect(controller.current).toBeNull();
      // Nothing left waiting once it is gone.
      expect(vi.getTimerCount()).toBe(0);

      controller.show(undefined, 't');
      const again = control.windows.at(-1)!;
      expect(again).not.toBe(window);
      again.show();
      minutes = 0;
      again.close();
      vi.advanceTimersByTime(0);
      expect(again.destroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hides on close instead of quitting, and is made again after it was destroyed', () => {
    const controller = createMainWindowController({ preloadPath: '/p', keepClosedMs: () => 5 * 60_000 });
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
    // A window of its own: the protections apply to every webContents made after hardenApp, whoever made it.
    createMainWindowController({ preloadPath: '/p', keepClosedMs: () => 5 * 60_000 }).show('presets', 't');
    const contents = control.windows.at(-1)!.webContents;
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

describe('notifications as main/electron/notify.ts shows them', () => {
  it('Windows: a click on a toast that outlived its object still reaches the notice, through handleActivation', async () => {
    const { createNotifier } = await import('../../main/electron/notify.js');
    const { Notification } = await import('../stand-in/electron.js');
    const notify = createNotifier('win32');
    let clicked = 0;
    notify({ title: 'Could not start “Weekly”', body: 'Check whether it was created', onClick: () => (clicked += 1) });
    const shown = control.notifications.at(-1)!.object.deref() as unknown as { options: { toastXml?: string } };
    const launch = /launch="([^"]+)"/.exec(shown.options.toastXml ?? '')?.[1];
    expect(launch).toMatch(/^umeet-notice:[0-9a-f]+:\d+$/);
    // The Action Center, after the object is gone: Electron calls the activation handler with the toast's launch argument.
    Notification.activationHandler?.({ type: 'click', arguments: launch! });
    expect(clicked).toBe(1);
  });
});

describe('notices held for a run of weeks', () => {
  it('only the last clickable ones are held, and an unclickable one only until it has shown', async () => {
    const { createNotifier, KEPT_CLICKABLE } = await import('../../main/electron/notify.js');
    const notify = createNotifier('linux');
    const gc = (globalThis as { gc?: () => void }).gc!;
    const from = control.notifications.length;
    const clicked: number[] = [];
    for (let i = 0; i < KEPT_CLICKABLE + 10; i++) notify({ title: `Check ${i}`, body: 'b', onClick: () => clicked.push(i) });
    for (let i = 0; i < 30; i++) notify({ title: `Started ${i}`, body: 'b' });
    // Their 'show' has come (the stand-in says so on the next turn), and a collection has run.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    const alive = control.notifications.slice(from).map((n) => n.object.deref() !== undefined);
    // The ten oldest clickable ones and every unclickable one are gone; the last twenty clickable ones answer a click.
    expect(alive).toEqual([...Array(10).fill(false), ...Array(KEPT_CLICKABLE).fill(true), ...Array(30).fill(false)]);
    for (const record of control.notifications.slice(from + 10, from + 10 + KEPT_CLICKABLE))
      (record.object.deref() as { click(): void }).click();
    expect(clicked).toEqual(Array.from({ length: KEPT_CLICKABLE }, (_, i) => i + 10));
  });
});

describe('the application menu as main/electron/app-menu.ts makes it', () => {
  it('macOS keeps Edit (copy and paste in text fields); packaged builds have no View (Reload, developer tools) anywhere', async () => {
    const { applicationMenu } = await import('../../main/electron/app-menu.js');
    let quits = 0;
    const quit = { label: 'Quit Umeet Tray', run: () => void quits++ };
    const roles = (platform: NodeJS.Platform, packaged: boolean) =>
      (applicationMenu(platform, packaged, quit) ?? []).map((item) => item.role ?? 'app');
    expect(roles('darwin', true)).toEqual(['app', 'editMenu', 'windowMenu']);
    expect(roles('darwin', false)).toContain('viewMenu');
    expect(applicationMenu('linux', true, quit)).toBeNull();
    expect(applicationMenu('win32', true, quit)).toBeNull();
    expect(roles('linux', false)).toEqual(['viewMenu']);
    // ⌘Q is the app's own Quit (which asks when edits are not saved), never the `quit` role that quits at once.
    const appMenu = (applicationMenu('darwin', true, quit) ?? [])[0]?.submenu as {
      role?: string;
      id?: string;
      accelerator?: string;
      click?: () => void;
    }[];
    expect(appMenu.some((item) => item.role === 'quit')).toBe(false);
    const item = appMenu.find((entry) => entry.id === 'quit');
    expect(item).toMatchObject({ label: 'Quit Umeet Tray', accelerator: 'Command+Q' });
    item?.click?.();
    expect(quits).toBe(1);
  });
});
