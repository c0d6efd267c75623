import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_MAX_BYTES } from '../../common/form-check.js';
import { appUnderTest, fromAppWindow, type AppUnderTest } from './support/app-under-test.js';
import { useSandbox } from './support/sandbox.js';

// The window's forms are checked by main with the schemas it enforces (the `check` channel, common/form-check.ts):
// through the app's IPC listeners, handle() included, as Electron hands them a call from the window.
const sandbox = useSandbox();
let app: AppUnderTest;
beforeAll(async () => {
  app = await appUnderTest({ sandbox: sandbox() });
});
afterAll(() => app.close());

const check = (payload: unknown, from = fromAppWindow) => app.listeners.check(from, payload);
const preset = { name: '  Weekly  ', topic: 'Weekly {date}', capacity: 10, afterCreate: { open: 'start', copy: 'invitation' } };

describe('check: each form, as its save would take it', () => {
  it('preset: the value as the schema made it (trimmed), or each field refused by its path', async () => {
    expect(await check({ form: 'preset', value: preset })).toEqual({
      ok: true,
      value: { ok: true, value: { ...preset, name: 'Weekly' } },
    });
    expect(
      await check({ form: 'preset', value: { ...preset, name: '   ', capacity: 2.5, duration: 30, userKey: 'é'.repeat(101) } }),
    ).toEqual({
      ok: true,
      value: {
        ok: false,
        issues: [
          { path: ['name'], code: 'too_small' },
          { path: ['capacity'], code: 'invalid_type' },
          { path: ['duration'], code: 'too_small' },
          { path: ['userKey'], code: 'custom' },
        ],
      },
    });
  });

  it('settings: a list entry by its index, a nested field by its path', async () => {
    expect(await check({ form: 'settings', value: { requestTimeoutMs: 10_000, trustedLinkHosts: ['meet.example.com'] } })).toMatchObject({
      ok: true,
      value: { ok: true, value: { requestTimeoutMs: 10_000, trustedLinkHosts: ['meet.example.com'] } },
    });
    const answer = await check({
      form: 'settings',
      value: { trustedLinkHosts: ['meet.example.com', 'not a host'], proxy: { mode: 'manual' }, keepClosedWindowMinutes: Number.NaN },
    });
    expect(answer.ok && !answer.value.ok && answer.value.issues.map((issue) => issue.path)).toEqual([
      ['trustedLinkHosts', 1],
      ['proxy', 'url'],
      ['keepClosedWindowMinutes'],
    ]);
  });

  it('credentials: refused by field; accepted without the pair sent back', async () => {
    expect(await check({ form: 'credentials', value: { apiKey: ' key ', apiSecret: ' secret-typed ' } })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(await check({ form: 'credentials', value: { apiKey: '  ', apiSecret: '' } })).toEqual({
      ok: true,
      value: {
        ok: false,
        issues: [
          { path: ['apiKey'], code: 'too_small' },
          { path: ['apiSecret'], code: 'too_small' },
        ],
      },
    });
  });

  it('schedule: the booking request, its series by path; accepted without the value (it may hold the meeting password)', async () => {
    const request = { topic: 'Plan', capacity: 10, start: '2030-03-04T01:00:00.000Z', duration: 60, password: '1234' };
    expect(await check({ form: 'schedule', value: request })).toEqual({ ok: true, value: { ok: true } });
    const answer = await check({ form: 'schedule', value: { ...request, recurrence: { kind: 'weekly', days: [] }, end: { times: 4 } } });
    // No day ticked; and so the start (a Monday) is not one the series makes.
    expect(answer.ok && !answer.value.ok && answer.value.issues.map((issue) => issue.path)).toEqual([
      ['recurrence', 'days'],
      ['recurrence'],
    ]);
  });

  it('recurrence: a series’ repeat and end alone', async () => {
    expect(await check({ form: 'recurrence', value: { recurrence: { kind: 'weekly', days: ['mon'] }, end: { times: 4 } } })).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    expect(await check({ form: 'recurrence', value: { recurrence: { kind: 'weekly', days: ['mon'] }, end: { times: 51 } } })).toMatchObject(
      {
        ok: true,
        value: { ok: false, issues: [{ path: ['end', 'times'] }] },
      },
    );
    expect(await check({ form: 'recurrence', value: { recurrence: { kind: 'weekly', days: ['mon'] } } })).toMatchObject({
      ok: true,
      value: { ok: false, issues: [{ path: ['end'] }] },
    });
  });

  it('proxy: what a mode hides, refused part by part, by Node’s URL parser as main uses it', async () => {
    expect(await check({ form: 'proxy', value: { url: 'http://proxy.example:8080', username: 'DOMAIN\\user' } })).toEqual({
      ok: true,
      value: { ok: true, value: { url: 'http://proxy.example:8080', username: 'DOMAIN\\user' } },
    });
    const answer = await check({ form: 'proxy', value: { url: 'http://not a proxy', username: 'x'.repeat(300) } });
    expect(answer.ok && !answer.value.ok && answer.value.issues.map((issue) => issue.path)).toEqual([['url'], ['username']]);
  });
});

describe('check: the request itself', () => {
  it('refuses an unknown form, another key, a value over its bound or one JSON cannot hold; answers another frame nothing', async () => {
    const cyclic: Record<string, unknown> = { apiKey: 'k' };
    cyclic.self = cyclic;
    for (const payload of [
      { form: 'vault', value: {} },
      { form: 'preset', value: preset, extra: 1 },
      { value: preset },
      { form: 'preset', value: { ...preset, topic: 'x'.repeat(CHECK_MAX_BYTES) } },
      { form: 'credentials', value: cyclic },
      { form: 'settings', value: { requestTimeoutMs: 10n } },
    ])
      expect(await check(payload), JSON.stringify(Object.keys(payload))).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(await check({ form: 'preset', value: preset }, { senderFrame: { url: 'https://example.com/', parent: null } })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('never logs, answers, keeps or shows the secret it checks', async () => {
    const secret = 'typed-secret-5d1e77';
    const before = app.log.lines.length;
    const answers = [
      await check({ form: 'credentials', value: { apiKey: 'key', apiSecret: secret } }),
      await check({ form: 'credentials', value: { apiKey: '', apiSecret: `  ${secret}  ` } }),
      await check({ form: 'credentials', value: { apiKey: 'key', apiSecret: secret + 'x'.repeat(300) } }),
      await check({ form: 'credentials', value: { apiKey: 'key', apiSecret: secret, extra: secret } }),
      await check({ form: 'credentials', value: { apiKey: 'key', apiSecret: secret + 'y'.repeat(CHECK_MAX_BYTES) } }),
      await check({ form: 'credentials', value: { apiKey: 'key', apiSecret: secret }, check: secret }),
      await check(
        { form: 'credentials', value: { apiKey: 'key', apiSecret: secret } },
        { senderFrame: { url: 'https://example.com/', parent: null } },
      ),
    ];
    // Each was answered (accepted, refused by field, or refused as a request), and none of it holds the secret.
    expect(answers.map((answer) => (answer.ok ? (answer.value.ok ? 'ok' : 'issues') : answer.error.kind))).toEqual([
      'ok',
      'issues',
      'issues',
      'issues',
      'invalid',
      'invalid',
      'forbidden',
    ]);
    expect(JSON.stringify(answers)).not.toContain(secret);
    // The foreign frame's refusal is logged (its address), the rest not at all; the secret in none.
    expect(app.log.lines.length).toBe(before + 1);
    expect(JSON.stringify(app.log.lines)).not.toContain(secret);
    expect(JSON.stringify(await app.listeners.snapshot(fromAppWindow, undefined))).not.toContain(secret);
    expect(await app.storeFiles()).not.toContain(secret);
  });
});
