import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { appUnderTest, type AppUnderTest } from './support/app-under-test.js';

let sandbox: Sandbox;
let app: AppUnderTest;
afterEach(async () => {
  await app?.close();
  await sandbox?.close();
});

describe('quitting with edits the window has not saved', () => {
  it('quits at once when nothing is unsaved', async () => {
    sandbox = await startSandbox();
    app = await appUnderTest({ sandbox });
    expect(await app.run({ type: 'quit' })).toEqual({ ok: true, value: {} });
    expect(app.quits).toHaveLength(1);
  });

  it('shows where they are and asks; “Keep editing” keeps the app running, “Discard and quit” quits', async () => {
    sandbox = await startSandbox();
    app = await appUnderTest({ sandbox, preferredLanguages: ['zh-CN'] });
    await app.ipc.windowState({ unsaved: ['settings', 'presets'] });
    app.dialogs.confirm = false;
    expect(await app.run({ type: 'quit' })).toMatchObject({
      ok: false,
      error: { kind: 'cancelled', message: 'Umeet 托盘仍在运行：有未保存的更改。' },
    });
    expect(app.quits).toHaveLength(0);
    expect(app.shown.at(-1)).toMatchObject({ section: 'settings' });

    app.dialogs.confirm = true;
    expect((await app.run({ type: 'quit' })).ok).toBe(true);
    expect(app.quits).toHaveLength(1);
  });

  it('stops asking once the window has saved or discarded them', async () => {
    sandbox = await startSandbox();
    app = await appUnderTest({ sandbox });
    await app.ipc.windowState({ unsaved: ['presets'] });
    await app.ipc.windowState({ unsaved: [] });
    app.dialogs.confirm = false;
    expect((await app.run({ type: 'quit' })).ok).toBe(true);
    expect(app.quits).toHaveLength(1);
  });

  it('refuses a request that names no section it knows', async () => {
    sandbox = await startSandbox();
    app = await appUnderTest({ sandbox });
    const event = { senderFrame: { url: 'app://umeet/index.html', parent: null } };
    expect(await app.listeners.windowState(event, { unsaved: ['everywhere'] })).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });
});

describe('recording a shortcut in the window', () => {
  it('lets the global shortcut go while it records, and takes it back when told, or after a minute', async () => {
    sandbox = await startSandbox();
    app = await appUnderTest({ sandbox });
    let changes = 0;
    app.onChange(() => void changes++);
    expect(app.shortcutPaused()).toBe(false);
    await app.ipc.windowState({ recordingShortcut: true });
    expect(app.shortcutPaused()).toBe(true);
    expect(changes).toBe(1);
    await app.ipc.windowState({ recordingShortcut: false });
    expect(app.shortcutPaused()).toBe(false);
    expect(changes).toBe(2);

    // A window that crashed while recording never says it stopped.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await app.ipc.windowState({ recordingShortcut: true });
      vi.advanceTimersByTime(59_000);
      expect(app.shortcutPaused()).toBe(true);
      vi.advanceTimersByTime(1_000);
      expect(app.shortcutPaused()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
