import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../common/ipc-channels.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';

/**
 * The composition root itself (main/index.ts, then main/app-services.ts) started under Node, with
 * Electron stood in by a recorder: the one part that cannot run here. Everything it wires is real:
 * the store file (electron-store's engine, conf, in a temp dir), the vault, the API client against
 * the sandbox, the meetings service, the IPC handlers, the tray's menu model. This is what catches
 * a wiring mistake that the module tests cannot see.
 */
const stand = vi.hoisted(() => ({
  userData: '',
  trays: [] as { tooltip?: string; menu?: { template: Record<string, unknown>[] }; image?: unknown }[],
  ipc: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  /** Every channel anything registered on ipcMain, by any of its methods: handle, on, once, handleOnce. */
  ipcRegistered: [] as string[],
  appHandlers: new Map<string, ((...args: unknown[]) => void)[]>(),
  opened: [] as string[],
  notifications: [] as { title: string; body: string }[],
  protocols: new Map<string, unknown>(),
  quit: 0,
  unhandled: undefined as ((error: unknown) => void) | undefined,
}));

vi.mock('electron', () => {
  class Tray {
    record: (typeof stand.trays)[number] = {};
    constructor(image: unknown) {
      this.record.image = image;
      stand.trays.push(this.record);
    }
    setToolTip(text: string) {
      this.record.tooltip = text;
    }
    setContextMenu(menu: { template: Record<string, unknown>[] }) {
      this.record.menu = menu;
    }
    setImage(image: unknown) {
      this.record.image = image;
    }
    on() {}
    popUpContextMenu() {}
    isDestroyed() {
      return false;
    }
  }
  class Notification {
    static isSupported = () => true;
    constructor(options: { title: string; body: string }) {
      stand.notifications.push(options);
    }
    on() {}
    show() {}
  }
  const app = {
    on: (event: string, handler: (...args: unknown[]) => void) => void stand.appHandlers.set(event, [...(stand.appHandlers.get(event) ?? []), handler]),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    quit: () => void (stand.quit += 1),
    getPath: () => stand.userData,
    setPath: () => undefined,
    getName: () => 'Umeet Tray',
    getVersion: () => '0.1.0',
    getPreferredSystemLanguages: () => ['zh-CN', 'en-US'],
    getAppPath: () => process.cwd(),
    isPackaged: false,
    dock: undefined,
    setAppUserModelId: () => undefined,
    setUserTasks: () => true,
    getLoginItemSettings: () => ({ openAtLogin: false }),
    setLoginItemSettings: () => undefined,
  };
  return {
    app,
    Tray,
    Notification,
    Menu: { buildFromTemplate: (template: Record<string, unknown>[]) => ({ template, on: () => undefined }) },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: (scheme: string, handler: unknown) => void stand.protocols.set(scheme, handler) },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => {
        stand.ipcRegistered.push(channel);
        stand.ipc.set(channel, listener);
      },
      handleOnce: (channel: string) => void stand.ipcRegistered.push(channel),
      on: (channel: string) => void stand.ipcRegistered.push(channel),
      once: (channel: string) => void stand.ipcRegistered.push(channel),
      addListener: (channel: string) => void stand.ipcRegistered.push(channel),
    },
    // Linux without a keyring: the vault keeps the credentials for this run only, so this stand-in never encrypts.
    safeStorage: {
      getSelectedStorageBackend: () => 'basic_text',
      isAsyncEncryptionAvailable: async () => false,
      encryptStringAsync: async () => {
        throw new Error('not used: session-only');
      },
      decryptStringAsync: async () => {
        throw new Error('not used: session-only');
      },
    },
    shell: { openExternal: async (url: string) => void stand.opened.push(url), openPath: async () => '' },
    clipboard: { writeText: () => undefined },
    dialog: { showMessageBox: async () => ({ response: 0 }), showSaveDialog: async () => ({ canceled: true }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    globalShortcut: { register: () => true, unregisterAll: () => undefined },
    BrowserWindow: class {
      static getAllWindows = () => [];
      static getFocusedWindow = () => null;
    },
  };
});
let sandbox: Sandbox;
afterAll(async () => {
  for (const handler of stand.appHandlers.get('before-quit') ?? []) handler();
  await sandbox?.close();
});

const fromApp = { senderFrame: { url: 'app://umeet/index.html', parent: null } };
const menu = () => stand.trays[0]?.menu?.template ?? [];
const labels = () => menu().map((item) => (item.type === 'separator' ? '---' : item.label));

describe('the main process, started under Node with Electron stood in', () => {
  it('shows the tray, then loads the services and registers every IPC channel', async () => {
    sandbox = await startSandbox();
    stand.userData = mkdtempSync(join(tmpdir(), 'umeet-main-'));
    process.env.XDG_CONFIG_HOME = stand.userData;
    process.argv = [process.argv[0]!, '.'];
    const on = process.on.bind(process);
    const spy = vi.spyOn(process, 'on').mockImplementation((event, handler) => {
      if (event === 'unhandledRejection') stand.unhandled = handler as (error: unknown) => void;
      else if (event !== 'uncaughtException') on(event, handler);
      return process;
    });
    await import('../../main/index.js');
    spy.mockRestore();

    await vi.waitFor(() => expect(stand.ipc.size).toBe(channels.length), { timeout: 10_000 });
    expect([...stand.ipc.keys()].sort()).toEqual(channels.map((c) => `umeet:${c}`).sort());
    // Nothing else answers on ipcMain: no library channel (electron-log's, electron-store's) that skips the sender check.
    expect([...stand.ipcRegistered].sort()).toEqual(channels.map((c) => `umeet:${c}`).sort());
    expect(stand.trays).toHaveLength(1);
    expect(stand.trays[0]?.tooltip).toBe('Umeet 托盘');
    expect(labels()).toEqual(['设置凭据…', '---', '快速会议 · 10 方 · 60 分钟（默认）', '---', '最近的会议', '---', '预设与设置…', '登录时启动', '---', '退出']);
    expect(stand.protocols.has('app')).toBe(true);
    expect(stand.appHandlers.has('web-contents-created')).toBe(true);
    expect(stand.appHandlers.has('second-instance')).toBe(true);
  });

  it('takes credentials and a server over IPC, and the tray follows', async () => {
    const ipc = (channel: string, payload?: unknown) => stand.ipc.get(`umeet:${channel}`)!(fromApp, payload);
    expect(await ipc('updateSettings', { apiBaseUrl: sandbox.url })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await ipc('setCredentials', sandbox.credentials)).toMatchObject({
      ok: true,
      value: { ok: true, value: { configured: true, storage: 'session-only', keyHint: '1a2b', keyringMissing: true } },
    });
    await vi.waitFor(() => expect(labels()[0]).toBe('快速会议 · 10 方 · 60 分钟（默认）'));
    expect(await ipc('snapshot')).toMatchObject({ ok: true, value: { locale: 'zh-CN', credentials: { configured: true } } });
    // A window that is not ours is refused.
    expect(await stand.ipc.get('umeet:snapshot')!({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)).toEqual({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('starts a meeting from a tray click and opens it through shell.openExternal', async () => {
    const item = menu().find((entry) => entry.id === 'preset:quick-meeting') as { click(): void };
    item.click();
    await vi.waitFor(() => expect(stand.opened).toHaveLength(1), { timeout: 10_000 });
    expect(stand.opened[0]).toMatch(new RegExp(`^${sandbox.url}/s/\\d+\\?zak=`));
    await vi.waitFor(() => expect(stand.notifications.at(-1)?.title).toMatch(/^会议已开始：快速会议/));
    const recent = menu().find((entry) => entry.id === 'recent') as { submenu: { label: string }[] };
    expect(recent.submenu[0]?.label).toMatch(/^快速会议 .* — \d{3} \d{3} \d{4} · \d{2}:\d{2} · 等待参会者/);
  });

  it('starts a preset named by a second launch with --start', async () => {
    for (const handler of stand.appHandlers.get('second-instance') ?? []) handler({}, ['electron', '.', '--start', '快速会议']);
    await vi.waitFor(() => expect(stand.opened).toHaveLength(2), { timeout: 10_000 });
    expect(sandbox.requests.filter((r) => r.path === '/umeeting/share/instant')).toHaveLength(2);
  });

  it('an unexpected error once the tray is up is logged and told, and the app keeps running', () => {
    const before = stand.notifications.length;
    stand.unhandled?.(new Error('boom in a callback'));
    expect(stand.notifications.slice(before)).toEqual([expect.objectContaining({ title: 'Umeet 托盘出现错误', body: expect.stringContaining('boom in a callback') })]);
    // At most one a minute.
    stand.unhandled?.(new Error('again'));
    expect(stand.notifications.length).toBe(before + 1);
    expect(stand.quit).toBe(0);
  });

  it('quits from the menu', () => {
    const quit = menu().find((entry) => entry.id === 'quit') as { click(): void };
    quit.click();
    expect(stand.quit).toBe(1);
  });
});
