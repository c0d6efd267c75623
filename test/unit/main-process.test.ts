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
  appHandlers: new Map<string, ((...args: unknown[]) => void)[]>(),
  opened: [] as string[],
  notifications: [] as { title: string; body: string }[],
  protocols: new Map<string, unknown>(),
  quit: 0,
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
    ipcMain: { handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => void stand.ipc.set(channel, listener) },
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
// electron-log and electron-store load Electron from node_modules, out of vi.mock's reach: stand in
// for the logger, and use electron-store's own engine (conf) for the store.
vi.mock('electron-log/main', () => ({
  default: {
    initialize: () => undefined,
    transports: { file: { level: 'info', getFile: () => ({ path: join(tmpdir(), 'umeet-log', 'main.log') }) } },
    hooks: [],
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
  },
}));
vi.mock('electron-store', async () => ({ default: (await import('conf')).default }));

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
    await import('../../main/index.js');

    await vi.waitFor(() => expect(stand.ipc.size).toBe(channels.length), { timeout: 10_000 });
    expect([...stand.ipc.keys()].sort()).toEqual(channels.map((c) => `umeet:${c}`).sort());
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

  it('quits from the menu', () => {
    const quit = menu().find((entry) => entry.id === 'quit') as { click(): void };
    quit.click();
    expect(stand.quit).toBe(1);
  });
});
