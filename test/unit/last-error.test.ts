import { describe, expect, it } from 'vitest';
import { Command } from '../../common/commands.js';
import { buildMenuModel, findEntry, tooltipText, trayIconVariant } from '../../main/tray/menu-model.js';
import { trayStateOf } from '../../main/tray/tray-state.js';
import { appUnderTest, fromAppWindow, type AppUnderTest } from './support/app-under-test.js';
import { useSandbox } from './support/sandbox.js';

// The last failed start is kept as data (when, which preset, what failed) and rendered each time it
// is shown: in the language of the moment, with where the user can fix it; the window may dismiss it.
// Rooms enough for every meeting the file starts.
const sandbox = useSandbox({ licence: { 10: 50, 25: 50 } });

const at = new Date('2026-03-02T01:30:00.000Z');
const instant = '/umeeting/share/instant';
const trayOf = (app: AppUnderTest) => trayStateOf(app.state(), new Date());
const snapshot = async (app: AppUnderTest) => {
  const answer = await app.listeners.snapshot(fromAppWindow, undefined);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

describe('the last error', () => {
  it('is data: when, which preset, what, and where to fix it; the window gets it in the one snapshot', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true, ports: { now: () => at } });
    sandbox().inject({ kind: 'no-free-room', path: instant });
    await app.run({ type: 'start', presetId: 'quick-meeting' });
    expect((await snapshot(app)).lastError).toEqual({
      at: at.toISOString(),
      presetId: 'quick-meeting',
      presetName: 'Quick meeting',
      message: 'The service refused: 当前没有空闲的会议室',
      fix: 'preset',
      // "No room free" (3001): the next licensed size with a room free, to take instead.
      offer: { capacity: 25, from: 10 },
    });
    await app.close();
  });

  it('follows a language switch: the window, the tray’s warning line and its tooltip', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true });
    sandbox().inject({ kind: 'no-free-room', path: instant });
    await app.run({ type: 'start', presetId: 'quick-meeting' });
    expect(findEntry(buildMenuModel(trayOf(app)), 'last-error')).toMatchObject({ label: '⚠ The service refused: 当前没有空闲的会议室' });
    expect(tooltipText(trayOf(app))).toBe('Umeet Tray — last error: The service refused: 当前没有空闲的会议室');

    await app.ipc.updateSettings({ language: 'zh-CN' });
    expect((await snapshot(app)).lastError).toMatchObject({ message: '服务拒绝了请求：当前没有空闲的会议室' });
    expect(findEntry(buildMenuModel(trayOf(app)), 'last-error')).toMatchObject({ label: '⚠ 服务拒绝了请求：当前没有空闲的会议室' });
    expect(tooltipText(trayOf(app))).toBe('Umeet 托盘 — 上次错误：服务拒绝了请求：当前没有空闲的会议室');
    await app.close();
  });

  it('names where to fix it: the credentials, the preset or the settings; nothing for an internal failure', async () => {
    const cases: [string, (app: AppUnderTest) => Promise<void> | void, object][] = [
      [
        'no credentials',
        (app) => void app.ipc.clearCredentials(),
        { fix: 'credentials', message: expect.stringMatching(/^No API credentials/) },
      ],
      ['refused credentials', () => sandbox().inject({ kind: 'bad-credentials', path: instant }), { fix: 'credentials' }],
      ['a refused value', () => sandbox().inject({ kind: 'no-free-room', path: instant }), { fix: 'preset' }],
      ['a server that is not there', (app) => void app.ipc.updateSettings({ apiBaseUrl: 'http://127.0.0.1:9' }), { fix: 'settings' }],
      ['an answer no Umeet server gives', () => sandbox().inject({ kind: 'non-json-200', path: instant }), { fix: 'settings' }],
      // A 5xx after the create reached the service: whether it happened is for the check to say.
      ['a failure behind the service', () => sandbox().inject({ kind: 'http-502-html', path: instant }), { fix: 'check' }],
    ];
    for (const [name, arrange, expected] of cases) {
      const app = await appUnderTest({ sandbox: sandbox(), credentials: true });
      await arrange(app);
      await app.run({ type: 'start', presetId: 'quick-meeting' });
      expect(app.state().lastError, name).toMatchObject(expected);
      await app.close();
    }

    // The meeting was created, then a step after it threw: nothing for the user to fix.
    const failing = {
      clipboard: {
        writeText: async () => {
          throw new Error('no clipboard');
        },
        readText: async () => '',
      },
    };
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true, ports: failing });
    await app.run({ type: 'start', presetId: 'quick-meeting' });
    expect(app.state().lastError).toMatchObject({ presetId: 'quick-meeting' });
    expect(app.state().lastError).not.toHaveProperty('fix');
    await app.close();
  });

  it('after an ambiguous failure, points at its check while the check is pending; a check that finds the meeting clears it', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true, requestTimeoutMs: 3_000 });
    sandbox().inject({ kind: 'no-answer', path: instant });
    await app.run({ type: 'start', presetId: 'quick-meeting' });
    const [check] = app.state().pendingChecks;
    expect(check).toBeDefined();
    expect((await snapshot(app)).lastError).toMatchObject({
      fix: 'check',
      checkId: check!.id,
      message: expect.stringMatching(/may have been created/),
    });

    expect(await app.run({ type: 'check-created', checkId: check!.id })).toEqual({ ok: true, value: { found: true } });
    expect(app.state().lastError).toBeUndefined();
    await app.close();
  });

  it('the window dismisses it with a command; the tray’s line, tooltip and error icon go with it', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true });
    sandbox().inject({ kind: 'no-free-room', path: instant });
    await app.run({ type: 'start', presetId: 'quick-meeting' });
    expect(trayIconVariant(trayOf(app))).toBe('error');
    let changes = 0;
    app.onChange(() => changes++);

    expect(Command.safeParse({ type: 'dismiss-error' }).success).toBe(true);
    expect(await app.listeners.run(fromAppWindow, { type: 'dismiss-error' })).toEqual({ ok: true, value: {} });
    expect(changes).toBeGreaterThan(0);
    expect((await snapshot(app)).lastError).toBeUndefined();
    expect(findEntry(buildMenuModel(trayOf(app)), 'last-error')).toBeUndefined();
    expect(tooltipText(trayOf(app))).toBe('Umeet Tray');
    expect(trayIconVariant(trayOf(app))).toBe('idle');
    // Nothing to dismiss: still fine.
    expect(await app.run({ type: 'dismiss-error' })).toEqual({ ok: true, value: {} });
    await app.close();
  });

  it('a successful start still clears it', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true });
    sandbox().inject({ kind: 'no-free-room', path: instant });
    await app.run({ type: 'start', presetId: 'quick-meeting' });
    expect(app.state().lastError).toBeDefined();
    expect(await app.run({ type: 'start', presetId: 'quick-meeting' })).toMatchObject({ ok: true });
    expect(app.state().lastError).toBeUndefined();
    await app.close();
  });
});
