import { describe, expect, it, vi } from 'vitest';
import { createListeners, handle, type Handlers, type IpcSenderEvent } from '../../main/ipc/handle.js';
import { channels } from '../../common/ipc-channels.js';
import type { AppInfo } from '../../common/app-info.js';
import { translator } from '../../common/i18n/index.js';
import { ok } from '../../common/result.js';
import { recordingLogger } from './support/recording-logger.js';

const t = () => translator('en');

const info: AppInfo = { name: 'Umeet Tray', version: '1.2.3', platform: 'linux', locale: 'zh-CN' };
const fromApp: IpcSenderEvent = { senderFrame: { url: 'app://umeet/index.html', parent: null } };

function setup() {
  const handler = vi.fn(() => ok(info));
  const log = recordingLogger();
  return { handler, log, listener: handle('appInfo', handler, log, t) };
}

describe('handle()', () => {
  it('answers a well-formed request from the app main frame with the handler result', async () => {
    const { handler, listener } = setup();
    await expect(listener(fromApp, undefined)).resolves.toEqual({ ok: true, value: info });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://evil.example/index.html', parent: null } }],
    ['another app:// host', { senderFrame: { url: 'app://evil/index.html', parent: null } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html', parent: null } }],
    ['a sub-frame of our page', { senderFrame: { url: 'app://umeet/index.html', parent: { url: 'app://umeet/' } } }],
    ['a missing senderFrame (null)', { senderFrame: null }],
    ['a missing senderFrame (absent)', {}],
    ['an unparsable URL', { senderFrame: { url: 'not a url', parent: null } }],
  ])('refuses a sender from %s without calling the handler', async (_name, event: IpcSenderEvent) => {
    const { handler, listener, log } = setup();
    await expect(listener(event, undefined)).resolves.toEqual({
      ok: false,
      error: { kind: 'forbidden', message: 'The request was refused: it did not come from the app’s own window.' },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(log.lines.some((line) => line.level === 'warn')).toBe(true);
  });

  it.each([
    ['an object', {}],
    ['a string', 'appInfo'],
    ['a number', 0],
    ['null', null],
    ['an array', []],
  ])('answers a typed validation error for %s and never reaches the handler', async (_name, payload) => {
    const { handler, listener } = setup();
    const answer = await listener(fromApp, payload);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.kind).toBe('invalid');
    expect(answer.error.fields?.length).toBeGreaterThan(0);
    expect(answer.error.message).toMatch(/^The request was refused: /);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an internal error whose detail stays in the log', async () => {
    const log = recordingLogger();
    const listener = handle(
      'appInfo',
      () => {
        throw new Error('disk on fire at /home/someone/secret-path');
      },
      log,
      t,
    );
    const answer = await listener(fromApp, undefined);
    expect(answer).toEqual({ ok: false, error: { kind: 'internal', message: t()('ipc.internal') } });
    expect(JSON.stringify(answer)).not.toContain('secret-path');
    expect(log.lines.some((line) => line.level === 'error')).toBe(true);
  });

  it('drops fields the contract does not name from the answer', async () => {
    const log = recordingLogger();
    const leaky = { ...info, apiSecret: 'do-not-send' } as AppInfo;
    const listener = handle('appInfo', () => ok(leaky), log, t);
    const answer = await listener(fromApp, undefined);
    expect(answer).toEqual({ ok: true, value: info });
    expect(JSON.stringify(answer)).not.toContain('do-not-send');
  });
});

describe('createListeners()', () => {
  it('wires each channel’s function behind handle()', async () => {
    // Only appInfo is reached here; the renderer suite runs every function with real parts.
    const listeners = createListeners({ appInfo: () => ok(info) } as unknown as Handlers, recordingLogger(), t);
    expect(Object.keys(listeners).sort()).toEqual([...channels].sort());
    await expect(listeners.appInfo(fromApp, undefined)).resolves.toEqual({ ok: true, value: info });
    await expect(listeners.appInfo({ senderFrame: null }, undefined)).resolves.toMatchObject({ ok: false });
  });
});
