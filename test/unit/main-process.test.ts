import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../common/ipc-channels.js';
import { storePathOf } from '../../main/store/store-file.js';
import { openTestStore } from './support/temp-store.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import type * as StandIn from '../stand-in/electron.js';
import { waitFor } from './support/wait.js';

/**
 * The composition root itself (main/index.ts) started under Node with Electron stood in by the one
 * stand-in (test/stand-in/electron.ts): the one part that cannot run here. Everything it wires is
 * real: the store file in a temp dir, the vault, the API client against the sandbox, the meetings
 * service, the IPC listeners, the tray's menu model. This is what catches a wiring mistake that
 * the module tests cannot see. Each test starts its own main process, so none relies on another.
 */
vi.mock('electron', () => import('../stand-in/electron.js'));
// The OS launchers are Windows' jump list and macOS's dock menu; on this Linux machine the adapter
// does nothing visible, so its calls are counted instead.
const launchers = vi.hoisted(() => ({ updates: 0 }));
vi.mock('../../main/electron/os-integration.js', async (original) => ({
  ...(await original<typeof import('../../main/electron/os-integration.js')>()),
  updateLaunchers: () => void (launchers.updates += 1),
}));

type Control = typeof StandIn.control;

// Rooms enough for every meeting the file starts.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ licence: { 10: 50, 25: 50 } });
});
afterAll(() => sandbox.close());

let control: Control;
let unhandled: ((error: unknown) => void) | undefined;
afterEach(() => {
  control?.appEvents.emit('before-quit', { preventDefault() {} });
});

/**
 * main/index.ts evaluated afresh, against Electron as a process finds it (the stand-in reset), in a
 * Chinese desktop with a user data folder of its own; resolves once the tray is up.
 */
async function startMain(args: readonly string[] = [], prepare?: (userData: string) => void): Promise<Control> {
  vi.resetModules();
  const standIn = (await import('electron')) as unknown as typeof StandIn;
  control = standIn.control;
  control.reset();
  unhandled = undefined;
  const userData = standIn.freshUserData();
  prepare?.(userData);
  control.languages = ['zh-CN', 'en-US'];
  // Linux's login item is an XDG autostart file; this folder cannot hold one (see the refusal test).
  process.env.XDG_CONFIG_HOME = join(userData, 'config');
  process.argv = [process.argv[0]!, '.', ...args];
  const on = process.on.bind(process);
  const spy = vi.spyOn(process, 'on').mockImplementation((event, handler) => {
    if (event === 'unhandledRejection') unhandled = handler as (error: unknown) => void;
    else if (event !== 'uncaughtException') on(event, handler);
    return process;
  });
  await import('../../main/index.js');
  spy.mockRestore();
  await waitFor(() => expect(control.trays).toHaveLength(1));
  return control;
}

/** Started, with the sandbox as its server and its credentials saved (unchecked, as "Save without checking" does). */
async function signedIn(): Promise<Control> {
  await startMain();
  await ipc('updateSettings', { apiBaseUrl: sandbox.url });
  await ipc('saveCredentials', { ...sandbox.credentials, check: false });
  await waitFor(() => expect(labels()[0]).toBe('快速会议 · 10 方 · 60 分钟（默认）'));
  return control;
}

const fromApp = { senderFrame: { url: 'app://umeet/index.html', parent: null } };
const ipc = (channel: string, payload?: unknown) =>
  control.ipc.get(`umeet:${channel}`)!(fromApp, payload) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { kind: string; message: string };
  }>;
const labels = () => control.menu().map((item) => (item.type === 'separator' ? '---' : item.label));
const entry = (id: string, items: StandIn.MenuItemTemplate[] = control.menu()): StandIn.MenuItemTemplate | undefined => {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu && entry(id, item.submenu);
    if (inner) return inner;
  }
  return undefined;
};
const instantRequests = () => sandbox.requests.filter((r) => r.path === '/umeeting/share/instant').length;

describe('the main process, started under Node with Electron stood in', () => {
  it('--smoke-test (the workflow’s start of a packaged app): starts to the tray, says so, exits 0, reaches no server', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    // A server of its own, which its settings name, so that what reaches it is this start's (the file's other
    // tests leave mains running on the shared one).
    const own = await startSandbox({ licence: { 10: 5 } });
    try {
      await startMain(['--smoke-test'], (userData) => {
        const store = openTestStore(userData);
        if (!store.updateSettings({ apiBaseUrl: own.url }).ok) throw new Error('settings refused');
        store.flush();
      });
      // It passes once the code left for after the tray has loaded too (main/features/later.ts): here, transformed first.
      await waitFor(() => expect(control.exitCode).toBe(0));
      const said = write.mock.calls.map((call) => String(call[0])).filter((text) => text.startsWith('umeet-tray: smoke test passed: '));
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/^umeet-tray: smoke test passed: Umeet Tray \S+ started to its tray \(Electron /);
      // The start read the settings that name it, and sent it nothing.
      const onDisk = JSON.parse(readFileSync(storePathOf(control.paths.userData ?? ''), 'utf8')) as { settings: { apiBaseUrl?: string } };
      expect(onDisk.settings.apiBaseUrl).toBe(own.url);
      expect(own.requests).toEqual([]);
    } finally {
      write.mockRestore();
      await own.close();
    }
  });

  it('shows the tray, and registers every IPC channel and nothing else', async () => {
    const updates = launchers.updates;
    await startMain();
    expect([...control.ipc.keys()].sort()).toEqual(channels.map((c) => `umeet:${c}`).sort());
    // Nothing else answers on ipcMain: no library channel (electron-log's, electron-store's) that skips the sender check.
    expect([...control.ipcRegistered].sort()).toEqual(channels.map((c) => `umeet:${c}`).sort());
    expect(control.trays[0]?.tooltip).toBe('Umeet 托盘');
    expect(labels()).toEqual([
      '设置凭据…',
      '---',
      '快速会议 · 10 方 · 60 分钟（默认）',
      '---',
      '最近的会议',
      '---',
      '预设与设置…',
      '登录时启动',
      '---',
      '退出',
    ]);
    expect(control.protocols.has('app')).toBe(true);
    expect(control.privilegedSchemes).toHaveLength(1);
    expect(control.appEvents.listenerCount('web-contents-created')).toBe(1);
    expect(control.appEvents.listenerCount('second-instance')).toBe(1);
    expect(launchers.updates).toBe(updates + 1);
  });

  it('takes credentials and a server over IPC, and the tray follows', async () => {
    await startMain();
    expect(await ipc('updateSettings', { apiBaseUrl: sandbox.url })).toMatchObject({ ok: true, value: { apiBaseUrl: sandbox.url } });
    expect(await ipc('saveCredentials', sandbox.credentials)).toMatchObject({
      ok: true,
      value: {
        outcome: 'verified',
        status: { configured: true, storage: 'libsecret', keyHint: '1a2b', verification: { state: 'verified' } },
      },
    });
    await waitFor(() => expect(labels()[0]).toBe('快速会议 · 10 方 · 60 分钟（默认）'));
    expect(await ipc('snapshot')).toMatchObject({ ok: true, value: { locale: 'zh-CN', credentials: { configured: true } } });
    // A window that is not ours is refused, in the one result shape.
    expect(await control.ipc.get('umeet:snapshot')!({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: expect.stringContaining('拒绝') },
    });
  });

  it('starts a meeting from a tray click and opens it through shell.openExternal; the launchers do not follow a start', async () => {
    await signedIn();
    const updates = launchers.updates;
    entry('preset:quick-meeting')!.click!();
    await waitFor(() => expect(control.opened).toHaveLength(1));
    expect(control.opened[0]).toMatch(new RegExp(`^${sandbox.url}/s/\\d+\\?zak=`));
    await waitFor(() => expect(control.notifications.at(-1)?.title).toMatch(/^会议已开始：快速会议/));
    const recent = entry('recent')!;
    expect(recent.submenu?.[0]?.label).toMatch(/^快速会议 .* — \d{3} \d{3} \d{4} · \d{2}:\d{2} · 等待参会者/);
    // "Starting…", the answer, the recent list: three changes of state, no new launchers.
    expect(launchers.updates).toBe(updates);
    // A meeting whose state changes (what a status poll does when it ends, through the same store update): none either.
    const meetingId = /\/s\/(\d+)\?/.exec(control.opened[0]!)?.[1];
    expect(await ipc('run', { type: 'end-meeting', meetingId })).toMatchObject({ ok: true });
    await waitFor(() => expect(entry('recent')?.submenu?.[0]?.label).toMatch(/已结束$/));
    expect(launchers.updates).toBe(updates);
  });

  it('rebuilds the launchers when the presets change', async () => {
    await startMain();
    const updates = launchers.updates;
    await ipc('savePreset', { name: '周会', topic: '周会 {date}', capacity: 25, afterCreate: { open: 'join', copy: 'join-link' } });
    expect(launchers.updates).toBe(updates + 1);
  });

  it('starts a preset named by a second launch with --start', async () => {
    await signedIn();
    const instants = instantRequests();
    control.secondInstance(['electron', '.', '--start', '快速会议']);
    await waitFor(() => expect(control.opened).toHaveLength(1));
    expect(instantRequests()).toBe(instants + 1);
  });

  it('a clipboard that throws after the link opened: the meeting is recorded and watched, and the failure is internal', async () => {
    await signedIn();
    control.clipboardFails = true;
    try {
      const answer = await ipc('run', { type: 'start', presetId: 'quick-meeting' });
      expect(answer).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringContaining('最近的会议') } });
      expect(control.opened).toHaveLength(1);
      const snapshot = (await ipc('snapshot')).value as { recent: { meetingId: string }[] };
      const id = /\/s\/(\d+)\?/.exec(control.opened.at(-1)!)?.[1];
      expect(snapshot.recent[0]?.meetingId).toBe(id);
    } finally {
      control.clipboardFails = false;
    }
  });

  it('the OS refusing start at login: the tray and the window show what the OS says, and why', async () => {
    await startMain();
    // An autostart folder that is a file: the OS (XDG autostart) cannot take the entry.
    mkdirSync(process.env.XDG_CONFIG_HOME!, { recursive: true });
    writeFileSync(join(process.env.XDG_CONFIG_HOME!, 'autostart'), 'not a folder');
    entry('start-at-login')!.click!();
    await waitFor(() => expect(entry('start-at-login-error')?.label).toMatch(/^⚠ 无法更改登录时启动：/));
    expect(entry('start-at-login')).toMatchObject({ type: 'checkbox', checked: false });
    const snapshot = (await ipc('snapshot')).value as { startAtLogin: { enabled: boolean; error?: string } };
    expect(snapshot.startAtLogin).toEqual({ enabled: false, error: expect.stringMatching(/^无法更改登录时启动：.*(EEXIST|ENOTDIR)/) });
    // The window asks the same way, and hears the same answer.
    expect(await ipc('run', { type: 'set-start-at-login', enabled: true })).toMatchObject({ ok: false, error: { kind: 'failed' } });
  });

  it('an unexpected error once the tray is up is logged and told, and the app keeps running', async () => {
    await startMain();
    const before = control.notifications.length;
    unhandled?.(new Error('boom in a callback'));
    expect(control.notifications.slice(before).map((n) => [n.title, n.body])).toEqual([
      ['Umeet 托盘出现错误', expect.stringContaining('boom in a callback')],
    ]);
    // At most one a minute.
    unhandled?.(new Error('again'));
    expect(control.notifications.length).toBe(before + 1);
    expect(control.quits).toBe(0);
  });

  it.each([
    ['it quits', () => control.appEvents.emit('before-quit', { preventDefault() {} })],
    ['the session ends (logout, restart, shutdown)', () => control.osShutdown()],
  ])('writes what is pending when %s: a change made just before is in the file', async (_, quit) => {
    await startMain();
    const file = storePathOf(control.paths.userData ?? '');
    const timeoutOnDisk = () =>
      (JSON.parse(readFileSync(file, 'utf8')) as { settings: { requestTimeoutMs: number } }).settings.requestTimeoutMs;
    await waitFor(() => expect(existsSync(file)).toBe(true));
    await waitFor(() => expect(timeoutOnDisk()).toBeGreaterThan(0));
    // The IPC handlers load just after the tray (main/index.ts): a first call waits for them. One answered means they are in.
    expect(await ipc('snapshot')).toMatchObject({ ok: true });
    // The settings change is made as the call arrives; its answer waits for the write, which comes on a later turn…
    const answer = ipc('updateSettings', { requestTimeoutMs: 12_345 });
    expect(timeoutOnDisk()).not.toBe(12_345);
    // …unless the app quits first: then it is written at once, before anything else.
    quit();
    expect(timeoutOnDisk()).toBe(12_345);
    expect(await answer).toMatchObject({ ok: true });
  });

  it('quits from the menu', async () => {
    await startMain();
    entry('quit')!.click!();
    return waitFor(() => expect(control.quits).toBe(1));
  });
});
