import { beforeEach, describe, expect, it } from 'vitest';
import electron, { control } from '../stand-in/electron.js';

// The one Electron stand-in is at least as strict as Electron: each rule it enforces bites here.
// (Its source cites where Electron documents each one.)
const { app, BrowserWindow, Tray, Notification, protocol, session, safeStorage, dialog, globalShortcut, ipcMain, Menu, powerMonitor } =
  electron;

describe('the Electron stand-in, before ready', () => {
  // Each test starts from Electron as a process finds it, whichever ran before.
  beforeEach(() => control.reset());

  it('refuses what Electron refuses before ready, and allows what it allows', async () => {
    expect(control.ready).toBe(false);
    expect(() => new BrowserWindow({})).toThrow(/before app is ready/);
    expect(() => new Tray('icon.png')).toThrow(/before app is ready/);
    expect(() => new Notification({ title: 't', body: 'b' })).toThrow(/before app is ready/);
    expect(() => protocol.handle('app', async () => new Response(null))).toThrow(/after the ready event/);
    expect(() => session.defaultSession).toThrow(/after app.whenReady/);
    expect(() => globalShortcut.register('CommandOrControl+Alt+M', () => undefined)).toThrow(/before the app is ready/);
    await expect(dialog.showMessageBox({ message: 'm' })).rejects.toThrow(/after app is ready/);
    expect(() => app.getLocale()).toThrow(/after the ready event/);
    expect(() => powerMonitor.on('resume', () => undefined)).toThrow(/before the app is ready/);
    expect(safeStorage.getSelectedStorageBackend()).toBe('unknown');
    expect(await safeStorage.isAsyncEncryptionAvailable()).toBe(false);
    // Allowed before ready:
    dialog.showErrorBox('title', 'content');
    protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'other' }])).toThrow(/only once/);
  });

  it('becomes ready only after the main script’s turn, then refuses what is only allowed before', async () => {
    const ready = app.whenReady();
    expect(control.ready).toBe(false);
    await ready;
    expect(control.ready).toBe(true);
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'late' }])).toThrow(/before the ready event/);
    expect(new Tray('icon.png')).toBeDefined();
    expect(safeStorage.getSelectedStorageBackend()).toBe('gnome_libsecret');
  });

  it('refuses a second handler on one IPC channel, a nameless menu item, an unknown path', () => {
    ipcMain.handle('umeet:x', async () => undefined);
    expect(() => ipcMain.handle('umeet:x', async () => undefined)).toThrow(/second handler/);
    expect(() => Menu.buildFromTemplate([{ id: 'nameless' }])).toThrow(/label, role or type/);
    expect(() => app.getPath('nowhere')).toThrow(/Failed to get 'nowhere' path/);
  });

  it('reset() is Electron as a process finds it again: ready, what was recorded and what a test set all go', async () => {
    await app.whenReady();
    control.notificationsFail = 'Notifications are not allowed for this application';
    control.openPathFails = 'No application knows how to open this file';
    control.clipboardFails = true;
    new Notification({ title: 't', body: 'b' }).show();
    control.reset();
    expect(control.ready).toBe(false);
    expect(control.notificationsFail).toBeUndefined();
    expect(control.openPathFails).toBeUndefined();
    expect(control.clipboardFails).toBe(false);
    expect(control.notifications).toEqual([]);
  });

  it('has the platform-specific members only on their platform', () => {
    expect(app.dock === undefined).toBe(process.platform !== 'darwin');
    expect('setAppUserModelId' in app).toBe(process.platform === 'win32');
  });
});

describe('the Electron stand-in, the desktop’s rules (round 2)', () => {
  beforeEach(() => control.reset());

  it('app.relaunch in an AppImage is fatal: the relauncher runs from the mount that goes with this process', () => {
    process.env.APPIMAGE = '/home/li/Umeet-Tray.AppImage';
    try {
      expect(() => app.relaunch({ args: ['--ozone-platform=x11'] })).toThrow(/AppImage/);
      expect(() => app.relaunch({ execPath: '/home/li/Umeet-Tray.AppImage' })).toThrow(/AppImage/);
    } finally {
      delete process.env.APPIMAGE;
    }
    app.relaunch({ args: ['x'] });
    expect(control.relaunched).toEqual(['x']);
  });

  it('Wayland: without a focused window a clipboard write is dropped, reading it back still answers it, and a shortcut is not delivered', async () => {
    await app.whenReady();
    control.wayland = 'xwayland';
    await electron.clipboard.writeText('https://meeting.example/j/1');
    expect(control.clipboard).toEqual([]);
    expect(await electron.clipboard.readText()).toBe('https://meeting.example/j/1');
    let pressed = 0;
    globalShortcut.register('CommandOrControl+Alt+M', () => void (pressed += 1));
    expect(control.pressShortcut('CommandOrControl+Alt+M')).toBe(false);
    // show() and focus() do not give focus there; the user does.
    const window = new BrowserWindow({});
    window.show();
    window.focus();
    expect(BrowserWindow.getFocusedWindow()).toBeNull();
    control.userFocuses(window);
    expect(BrowserWindow.getFocusedWindow()).toBe(window);
    await electron.clipboard.writeText('https://meeting.example/j/2');
    expect(control.clipboard).toEqual(['https://meeting.example/j/2']);
    expect(control.pressShortcut('CommandOrControl+Alt+M')).toBe(true);
    expect(pressed).toBe(1);
  });

  it('without a StatusNotifier host new Tray() does not throw, and nobody sees it', async () => {
    await app.whenReady();
    control.statusNotifierHost = false;
    const tray = new Tray('icon.png') as unknown as { shown: boolean };
    expect(tray.shown).toBe(false);
  });

  it('--password-store counts only before ready: it picks the backend; appending one after ready throws', async () => {
    control.backend = 'basic_text';
    app.commandLine.appendSwitch('password-store', 'gnome-libsecret');
    await app.whenReady();
    expect(safeStorage.getSelectedStorageBackend()).toBe('gnome_libsecret');
    expect(() => app.commandLine.appendSwitch('password-store', 'basic')).toThrow(/after ready/);
  });

  it('macOS strips a lone & from menu labels too', () => {
    control.platform = 'darwin';
    const menu = Menu.buildFromTemplate([{ label: 'R&D' }, { label: 'R&&D' }]) as unknown as { template: { shown?: string }[] };
    expect(menu.template.map((item) => item.shown)).toEqual(['RD', 'R&D']);
  });

  it('macOS: a message box given a hidden parent is a sheet nobody sees, and never answers', async () => {
    await app.whenReady();
    control.platform = 'darwin';
    const hidden = new BrowserWindow({});
    const answer = dialog.showMessageBox(hidden as never, { message: 'End the meeting?' });
    const first = await Promise.race([answer.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 50))]);
    expect(first).toBe('waiting');
    expect(control.messageBoxes.at(-1)?.sheetOnHiddenWindow).toBe(true);
    expect(await dialog.showMessageBox({ message: 'End the meeting?' })).toMatchObject({ response: 0 });
  });

  it('a before-quit listener that prevents the quit stops it', () => {
    app.on('before-quit', (event: { preventDefault(): void }) => event.preventDefault());
    control.dockQuit();
    expect(control.quitDone).toBe(0);
  });

  it('Windows: toasts stay in the Action Center across a restart, and a click reaches the handler of the app running then', async () => {
    await app.whenReady();
    const before = control.actionCenter().length;
    new Notification({ title: 't', body: 'b', toastXml: '<toast launch="umeet-notice:1"></toast>' } as never);
    control.reset();
    const clicks: string[] = [];
    Notification.handleActivation((details: { arguments: string }) => void clicks.push(details.arguments));
    expect(control.clickToast(before)).toBe(true);
    expect(clicks).toEqual(['umeet-notice:1']);
  });

  it('Windows’ proxy setting socks= is a SOCKS4 server in Chromium’s answer', async () => {
    await app.whenReady();
    control.windowsProxyRules = 'http=web.corp:8080;socks=socks.corp:1080';
    expect(await session.defaultSession.resolveProxy('https://api.example/')).toBe('SOCKS socks.corp:1080');
    expect(await session.defaultSession.resolveProxy('http://api.example/')).toBe('PROXY web.corp:8080');
  });
});
