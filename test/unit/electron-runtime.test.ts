import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import type * as StandIn from '../stand-in/electron.js';

/**
 * What only the real Electron runtime shows, caught under Node by the one stand-in
 * (test/stand-in/electron.ts), which enforces each rule with its citation. Each test starts the
 * composition root (main/index.ts) afresh against a fresh stand-in.
 */
vi.mock('electron', () => import('../stand-in/electron.js'));

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ licence: { 10: 100, 25: 100 } });
});
afterAll(() => sandbox.close());

const fromApp = { senderFrame: { url: 'app://umeet/index.html', parent: null } };
type Control = typeof StandIn.control;

/** The app, started by main/index.ts with a fresh stand-in; `setup` runs before the import (the OS as it is). */
async function startMain(setup: (control: Control) => void = () => undefined, argv: string[] = []) {
  // A fresh main process: main/index.ts evaluated again, against Electron as it is at a process start.
  // (The mocked 'electron' survives resetModules: it is the same stand-in, reset.)
  vi.resetModules();
  const standIn = (await import('electron')) as unknown as typeof StandIn;
  const { control } = standIn;
  control.reset();
  standIn.freshUserData();
  process.env.XDG_CONFIG_HOME = control.paths.userData;
  process.argv = [process.argv[0]!, '.', ...argv];
  setup(control);
  const on = process.on.bind(process);
  const spy = vi
    .spyOn(process, 'on')
    .mockImplementation((event, handler) =>
      event === 'unhandledRejection' || event === 'uncaughtException' ? process : on(event, handler),
    );
  await import('../../main/index.js');
  spy.mockRestore();
  const ipc = async (channel: string, payload?: unknown) => {
    await vi.waitFor(() => expect(control.ipc.has(`umeet:${channel}`), JSON.stringify(control.errorBoxes)).toBe(true));
    return control.ipc.get(`umeet:${channel}`)!(fromApp, payload) as Promise<{
      ok: boolean;
      value?: Record<string, unknown>;
      error?: { message: string };
    }>;
  };
  const configure = async () => {
    await ipc('updateSettings', { apiBaseUrl: sandbox.url });
    await ipc('saveCredentials', { ...sandbox.credentials, check: false });
  };
  const stop = () => control.appEvents.emit('before-quit', { preventDefault() {} });
  return { control, ipc, configure, stop };
}

const label = (control: Control, id: string) => {
  const find = (items: StandIn.MenuItemTemplate[]): StandIn.MenuItemTemplate | undefined => {
    for (const item of items) {
      if (item.id === id) return item;
      const inner = item.submenu && find(item.submenu);
      if (inner) return inner;
    }
    return undefined;
  };
  return find(control.menu());
};

vi.setConfig({ testTimeout: 20_000 });

describe('1. launches forwarded by a second instance', () => {
  it('a second launch whose argv Chromium reordered still starts the preset it named', async () => {
    const { control, ipc, configure, stop } = await startMain((c) => {
      c.isPackaged = true;
    });
    await configure();
    await ipc('savePreset', { name: '周会', topic: '周会', capacity: 10, afterCreate: { open: 'join', copy: 'none' } });
    // Launched as `umeet-tray --start 周会` (an old launcher); delivered as `umeet-tray --start --allow-… 周会`.
    control.secondInstance(['/opt/Umeet Tray/umeet-tray', '--start', '周会']);
    await vi.waitFor(() => expect(control.opened).toHaveLength(1), { timeout: 10_000 });
    expect(control.windows).toHaveLength(0);
    stop();
  });

  it('sends its own parsed launch as the lock’s additional data, and the first instance uses it', async () => {
    const { control, configure, stop } = await startMain(() => undefined, ['--start-default']);
    expect(control.singleInstanceData).toEqual({ launch: { start: { default: true }, hidden: false } });
    await configure();
    // Whatever the argv became on the way, the data says what the user asked for.
    control.secondInstance(['/opt/Umeet Tray/umeet-tray', '--unrelated'], {
      launch: { start: { preset: 'quick-meeting' }, hidden: false },
    });
    await vi.waitFor(() => expect(control.opened.length).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    stop();
  });

  it('listens for second launches from the start: one that comes before the app is ready is not lost', async () => {
    const { control, stop } = await startMain((c) => {
      c.holdReady = true;
    });
    control.secondInstance(['/opt/Umeet Tray/umeet-tray']);
    control.becomeReady();
    // A second launch without arguments opens the window, once the app can.
    await vi.waitFor(() => expect(control.windows).toHaveLength(1));
    stop();
  });

  it('macOS: opening the app again from Finder or the Dock ("activate") opens the window; the launch’s own activate does not', async () => {
    const { control, stop } = await startMain();
    await vi.waitFor(() => expect(control.trays).toHaveLength(1));
    control.activate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(control.windows).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    control.activate();
    await vi.waitFor(() => expect(control.windows).toHaveLength(1));
    stop();
  });
});

describe('2. notifications that can be clicked', () => {
  it('a failure notification is still clickable after a garbage collection, and the click checks whether the meeting was created', async () => {
    const { control, configure, stop } = await startMain((c) => {
      c.languages = ['en-US'];
    });
    await configure();
    await new Promise((resolve) => setTimeout(resolve, 0));
    sandbox.inject({ kind: 'reset', path: '/umeeting/share/instant' });
    label(control, 'preset:quick-meeting')!.click!();
    await vi.waitFor(() => expect(control.notifications.some((n) => /check/i.test(n.body))).toBe(true), { timeout: 10_000 });
    const index = control.notifications.findIndex((n) => /check/i.test(n.body));
    const lists = sandbox.requests.filter((r) => r.path === '/umeeting/share/list').length;
    expect(control.clickNotification(index)).toBe(true);
    await vi.waitFor(() => expect(sandbox.requests.filter((r) => r.path === '/umeeting/share/list').length).toBe(lists + 1));
    stop();
  });

  it('a notification the OS refuses (macOS, unsigned) shows its text on the tray’s last-event line instead', async () => {
    const { control, ipc, configure, stop } = await startMain((c) => {
      c.languages = ['en-US'];
      c.notificationsFail = 'Notifications are not allowed for this application';
    });
    await configure();
    // The meeting ID and host key come in a notification, which this OS refuses.
    await ipc('run', { type: 'start', presetId: 'quick-meeting' });
    await vi.waitFor(() => expect(label(control, 'last-event')?.label).toMatch(/^ⓘ Meeting started: Quick meeting/));
    stop();
  });
});

describe('4. Wayland', () => {
  it('in a Wayland session with XWayland, the app starts itself again under X11 before anything else', async () => {
    const { control } = await startMain(
      (c) => {
        c.platform = 'linux';
        process.env.WAYLAND_DISPLAY = 'wayland-0';
        process.env.DISPLAY = ':0';
      },
      ['--start-default'],
    );
    delete process.env.WAYLAND_DISPLAY;
    delete process.env.DISPLAY;
    expect(control.relaunched).toEqual(['.', '--start-default', '--ozone-platform=x11']);
    expect(control.exitCode).toBe(0);
    expect(control.trays).toHaveLength(0);
  });

  it('a global shortcut set in a Wayland session is not reported as working: the user is told it may not', async () => {
    const { control, ipc, stop } = await startMain((c) => {
      c.languages = ['en-US'];
      process.env.XDG_SESSION_TYPE = 'wayland';
      process.env.UMEET_TRAY_WAYLAND = 'native';
    });
    try {
      await ipc('updateSettings', { globalShortcut: 'CommandOrControl+Alt+M' });
      await vi.waitFor(() => expect(control.notifications.map((n) => n.title)).toContain('The shortcut may not work on this desktop'));
      expect(control.shortcuts.has('CommandOrControl+Alt+M')).toBe(true);
      expect(control.notifications.at(-1)?.body).toMatch(/^Ctrl\+Alt\+M is set/);

      // Recording a new one in the window lets it go (pressing it would start a meeting), then takes it back,
      // without telling the same thing twice.
      await ipc('windowState', { recordingShortcut: true });
      await vi.waitFor(() => expect(control.shortcuts.size).toBe(0));
      await ipc('windowState', { recordingShortcut: false });
      await vi.waitFor(() => expect(control.shortcuts.has('CommandOrControl+Alt+M')).toBe(true));
      expect(control.notifications.filter((n) => n.title === 'The shortcut may not work on this desktop')).toHaveLength(1);
    } finally {
      delete process.env.XDG_SESSION_TYPE;
      delete process.env.UMEET_TRAY_WAYLAND;
      stop();
    }
  });

  it('a copy the compositor dropped is never reported as copied', async () => {
    const { control, ipc, configure, stop } = await startMain((c) => {
      c.languages = ['en-US'];
      c.clipboardDropsWrites = true;
    });
    await configure();
    await ipc('savePreset', { name: 'Copy me', topic: 'Copy me', capacity: 10, afterCreate: { open: 'none', copy: 'join-link' } });
    const presets = ((await ipc('snapshot')).value as { presets: { id: string; name: string }[] }).presets;
    await ipc('run', { type: 'start', presetId: presets.find((p) => p.name === 'Copy me')!.id });
    const started = control.notifications.find((n) => n.title.startsWith('Meeting started'));
    expect(started?.body).not.toMatch(/join link copied/);
    expect(started?.body).toMatch(/the link could not be copied/);
    stop();
  });
});

describe('5. what the keyring really protects (Linux)', () => {
  it('a keyring backend whose key is the fixed fallback (v10) is not called the GNOME keyring: kept for this run only', async () => {
    const { ipc, stop } = await startMain((c) => {
      c.backend = 'gnome_libsecret';
      c.keyringWorks = false;
    });
    const answer = await ipc('saveCredentials', { ...sandbox.credentials, check: false });
    expect(answer).toMatchObject({ ok: true, value: { status: { storage: 'session-only', keyringMissing: true } } });
    expect(JSON.stringify(answer)).not.toContain('libsecret');
    stop();
  });

  it('with a working keyring (v11) it is the keyring', async () => {
    const { ipc, stop } = await startMain((c) => {
      c.backend = 'gnome_libsecret';
      c.keyringWorks = true;
    });
    expect(await ipc('saveCredentials', { ...sandbox.credentials, check: false })).toMatchObject({
      ok: true,
      value: { status: { storage: 'libsecret', keyringMissing: false } },
    });
    stop();
  });
});

describe('6. packaged builds', () => {
  it('have no developer tools and no View or Reload menu', async () => {
    const { control, stop } = await startMain((c) => {
      c.isPackaged = true;
    });
    await vi.waitFor(() => expect(control.trays).toHaveLength(1));
    label(control, 'open-window')!.click!();
    await vi.waitFor(() => expect(control.windows).toHaveLength(1));
    expect(control.windows[0]!.options.webPreferences).toMatchObject({ devTools: false });
    expect(control.applicationMenu).not.toBe('default');
    const roles = JSON.stringify(control.applicationMenu);
    expect(roles).not.toMatch(/reload|toggleDevTools|forceReload/i);
    stop();
  });
});

describe('7. smaller rules', () => {
  it('macOS: the dock icon hides again after the window closes, even right after it was shown', async () => {
    const { control, stop } = await startMain((c) => {
      c.platform = 'darwin';
    });
    await vi.waitFor(() => expect(control.trays, JSON.stringify(control.errorBoxes)).toHaveLength(1));
    label(control, 'open-window')!.click!();
    await vi.waitFor(() => expect(control.windows[0]?.visible).toBe(true));
    expect(control.dock.visible).toBe(true);
    control.windows[0]!.close();
    await vi.waitFor(() => expect(control.dock.visible).toBe(false), { timeout: 3_000 });
    stop();
  });

  it('Windows and Linux: an & in a preset’s name or a label is shown, not taken as a mnemonic', async () => {
    const { control, ipc, stop } = await startMain((c) => {
      c.platform = 'linux';
      c.languages = ['en-US'];
    });
    await ipc('savePreset', { name: 'R&D sync', topic: 'R&D', capacity: 10, afterCreate: { open: 'none', copy: 'none' } });
    await vi.waitFor(() => expect(control.menu().some((item) => item.shown?.startsWith('R&D sync'))).toBe(true));
    expect(label(control, 'open-window')?.shown).toBe('Presets & settings…');
    stop();
  });

  it('a tray that cannot be shown does not leave the app unreachable: the window opens', async () => {
    const { control, stop } = await startMain((c) => {
      c.trayFails = true;
    });
    await vi.waitFor(() => expect(control.windows).toHaveLength(1));
    expect(control.errorBoxes).toHaveLength(0);
    expect(control.quits).toBe(0);
    stop();
  });
});

describe('company networks, through the real composition root', () => {
  it('asks Electron how the OS reaches the API, goes through that proxy, and asks again after the computer wakes', async () => {
    const { startTestProxy } = await import('./support/test-proxy.js');
    const office = await startTestProxy();
    const { control, ipc, configure, stop } = await startMain((c) => {
      c.languages = ['en-US'];
      c.proxyAnswer = `PROXY ${office.address}; DIRECT`;
    });
    try {
      await configure();
      expect(await ipc('run', { type: 'start', presetId: 'quick-meeting' })).toMatchObject({ ok: true });
      expect(await ipc('run', { type: 'start', presetId: 'quick-meeting' })).toMatchObject({ ok: true });
      expect(office.connects).toBe(1);
      expect(control.proxyQueries).toEqual([sandbox.url]);
      // powerMonitor 'resume' (power-monitor.md): the network may be another one now.
      control.powerEvents.emit('resume');
      expect(await ipc('run', { type: 'start', presetId: 'quick-meeting' })).toMatchObject({ ok: true });
      expect(control.proxyQueries).toEqual([sandbox.url, sandbox.url]);
    } finally {
      stop();
      await office.close();
    }
  });
});

describe('always on, through the real composition root', () => {
  it('a closed window is let go after the minutes the setting says, and opened again as a new one', async () => {
    const { control, ipc, stop } = await startMain((c) => {
      c.languages = ['en-US'];
    });
    try {
      await ipc('updateSettings', { keepClosedWindowMinutes: 1 });
      label(control, 'open-window')!.click!();
      await vi.waitFor(() => expect(control.windows).toHaveLength(1));
      const first = control.windows[0]!;
      await vi.waitFor(() => expect(first.visible).toBe(true));
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        first.close();
        vi.advanceTimersByTime(59_999);
        expect(first.destroyed).toBe(false);
        vi.advanceTimersByTime(1);
        expect(first.destroyed).toBe(true);
      } finally {
        vi.useRealTimers();
      }
      label(control, 'open-window')!.click!();
      await vi.waitFor(() => expect(control.windows).toHaveLength(2));
      // "Presets & settings…" names no section: the new window opens where the last one was.
      expect(control.windows[1]!.urls).toEqual(['app://umeet/index.html']);
    } finally {
      stop();
    }
  });
});
