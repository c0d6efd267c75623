import { describe, expect, it } from 'vitest';
import { Command } from '../../common/commands.js';
import { contract } from '../../common/ipc-contract.js';
import { buildMenuModel, type MenuEntry } from '../../main/tray/menu-model.js';
import { trayStateOf } from '../../main/tray/tray-state.js';
import { appUnderTest, fromAppWindow } from './support/app-under-test.js';
import { useSandbox } from './support/sandbox.js';

// One definition of what a user can ask (common/commands.ts), one run() that carries it out: every
// item the tray can show and every command the window can send is a Command that run accepts.
const sandbox = useSandbox({ licence: { 10: 50, 25: 50 } });

const actions = (entries: readonly MenuEntry[]): Command[] =>
  entries.flatMap((entry) =>
    entry.kind === 'submenu' ? actions(entry.entries) : entry.kind !== 'separator' && entry.action ? [entry.action] : [],
  );

describe('the command table', () => {
  it('the window sends commands through one channel, validated by the Command schema itself', () => {
    expect(contract.run.request).toBe(Command);
  });

  it('every entry of a full tray menu carries a Command that run accepts, through IPC as well', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true, requestTimeoutMs: 3_000 });
    // A menu with everything in it: live and ended meetings (one with a live page), a pending check, an error.
    const live = await app.ipc.savePreset({
      name: 'Live',
      topic: 'Live',
      capacity: 10,
      liveStreaming: true,
      afterCreate: { open: 'none', copy: 'none' },
    });
    if (!live.ok) throw new Error(live.error.message);
    await app.run({ type: 'start', presetId: live.value.id });
    const ended = await app.run({ type: 'start', presetId: 'quick-meeting' });
    await app.run({ type: 'end-meeting', meetingId: ended.ok ? ended.value.meetingId! : '' });
    sandbox().inject({ kind: 'no-answer', path: '/umeeting/share/instant' });
    await app.run({ type: 'start', presetId: 'quick-meeting' });

    const model = buildMenuModel(trayStateOf(app.state(), new Date()));
    const commands = actions(model);
    const types = new Set(commands.map((c) => c.type));
    for (const type of [
      'start',
      'check-created',
      'open-meeting',
      'copy',
      'open-live',
      'end-meeting',
      'open-window',
      'set-start-at-login',
      'open-log-folder',
      'quit',
    ]) {
      expect(types, type).toContain(type);
    }
    for (const command of commands) {
      expect(Command.safeParse(command).success, JSON.stringify(command)).toBe(true);
      const direct = await app.run(command);
      expect(direct.ok || direct.error.kind !== 'invalid', JSON.stringify(command)).toBe(true);
      const viaIpc = await app.listeners.run(fromAppWindow, command);
      expect(viaIpc.ok || viaIpc.error.kind !== 'invalid', JSON.stringify(command)).toBe(true);
    }
    await app.close();
  });

  it('run says why it could not, in the one result shape', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true });
    expect(await app.run({ type: 'copy', meetingId: '404', what: 'meeting-id' })).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'That meeting is no longer in Recent meetings.' },
    });
    expect(await app.run({ type: 'open-window', section: 'settings' })).toEqual({ ok: true, value: {} });
    expect(app.shown).toEqual([{ section: 'settings', title: 'Umeet Tray — presets & settings' }]);
    await app.close();
  });
});
