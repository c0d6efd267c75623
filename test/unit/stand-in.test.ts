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
