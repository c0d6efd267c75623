import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../common/ipc-contract.js';
import { channels, type Channel } from '../../common/ipc-channels.js';
import type { z } from 'zod';
import { appUnderTest, fromAppWindow, type AppUnderTest } from './support/app-under-test.js';
import { useSandbox } from './support/sandbox.js';

/**
 * Every channel of the contract, sent malformed payloads: wrong types, missing and extra fields,
 * 1 MB strings, `__proto__` and `constructor` keys. Each must be refused with a validation error
 * before any handler runs: nothing thrown, nothing stored, nothing sent to the service.
 */
const sandbox = useSandbox();
let main: AppUnderTest;
beforeAll(async () => {
  main = await appUnderTest({ sandbox: sandbox(), credentials: true });
});
afterAll(() => main.close());

const MB = 'a'.repeat(1024 * 1024);

/** One well-formed request per channel, the starting point of the mutations. */
const valid: Record<Channel, unknown> = {
  appInfo: undefined,
  messages: { locale: 'zh-CN' },
  opening: undefined,
  snapshot: undefined,
  savePreset: { name: 'Fuzz', topic: 'Fuzz', capacity: 10, afterCreate: { open: 'none', copy: 'none' } },
  deletePreset: { id: 'quick-meeting' },
  restorePreset: { preset: { id: 'restored', name: 'R', topic: 'R', capacity: 10, afterCreate: { open: 'none', copy: 'none' } }, index: 0 },
  movePreset: { id: 'quick-meeting', toIndex: 0 },
  duplicatePreset: { id: 'quick-meeting' },
  setDefaultPreset: { id: 'quick-meeting' },
  updateSettings: { language: 'en', trustedLinkHosts: ['meet.example.com'] },
  saveCredentials: { apiKey: 'key', apiSecret: 'secret', check: false },
  clearCredentials: undefined,
  setProxyPassword: { password: 'proxy-password' },
  verifyCredentials: undefined,
  exportPresets: undefined,
  importPresets: undefined,
  run: { type: 'copy', meetingId: '1591620888', what: 'meeting-id' },
  windowState: { unsaved: ['presets'], recordingShortcut: false },
  savedUi: undefined,
  participants: { meetingId: '1591620888' },
  freeSlot: { capacity: 25, start: '2030-03-04T01:00:00.000Z', duration: 60 },
  planSeries: { start: '2030-03-04T01:00:00.000Z', recurrence: { kind: 'weekly', days: ['mon'] }, end: { times: 3 } },
  schedule: { request: { topic: 'Fuzz', capacity: 25, start: '2030-03-04T01:00:00.000Z', duration: 60 } },
  fixSeries: { meetingId: '1591620888' },
  upcoming: undefined,
  booking: { meetingId: '1591620888' },
  usage: { from: '2030-03-01', to: '2030-03-31' },
  exportUsage: { from: '2030-03-01', to: '2030-03-31' },
  check: { form: 'preset', value: { name: 'Fuzz', topic: 'Fuzz', capacity: 10, afterCreate: { open: 'none', copy: 'none' } } },
};

const otherType = (value: unknown): unknown =>
  typeof value === 'string'
    ? 12345
    : typeof value === 'number'
      ? '12345'
      : typeof value === 'boolean'
        ? 'true'
        : Array.isArray(value)
          ? { 0: 'x' }
          : value === null
            ? 0
            : 'x';

/** `__proto__` as an own key, as JSON.parse makes it (a literal would set the prototype instead). */
const withProtoKey = (value: object) => Object.assign(JSON.parse('{"__proto__": {"polluted": true}}') as object, value);

function mutations(channel: Channel): [string, unknown][] {
  const base = valid[channel];
  const out: [string, unknown][] = [
    ['a string', 'x'],
    ['a number', 0],
    ['null', null],
    ['an array', [base]],
    ['true', true],
    ['a 1 MB string', MB],
  ];
  if (base === undefined) {
    return [
      ...out,
      ['an empty object', {}],
      ['a __proto__ object', withProtoKey({})],
      ['a constructor object', { constructor: { prototype: { polluted: true } } }],
    ];
  }
  // A union (the `run` channel's Command) has no shape: every member requires all its keys.
  const shape = ((contract[channel].request as unknown as Partial<z.ZodObject>).shape ?? {}) as Record<string, z.ZodType>;
  const record = base as Record<string, unknown>;
  out.push(['an extra field', { ...record, extra: 1 }]);
  out.push(['a __proto__ key', withProtoKey({ ...record })]);
  out.push(['a constructor key', { ...record, constructor: { prototype: { polluted: true } } }]);
  for (const [key, value] of Object.entries(record)) {
    const { [key]: _dropped, ...rest } = record;
    if (!shape[key]?.safeParse(undefined).success) out.push([`${key} missing`, rest]);
    out.push([`${key} of the wrong type`, { ...record, [key]: otherType(value) }]);
    if (typeof value === 'string') out.push([`${key} a 1 MB string`, { ...record, [key]: MB }]);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      out.push([`${key} with a __proto__ key`, { ...record, [key]: withProtoKey({ ...value }) }]);
      out.push([`${key} with an extra field`, { ...record, [key]: { ...value, extra: 1 } }]);
    }
    if (Array.isArray(value)) out.push([`${key} with a 1 MB item`, { ...record, [key]: [MB] }]);
  }
  return out;
}

describe('IPC fuzzing', () => {
  it('starts from requests the contract accepts', () => {
    for (const channel of channels) expect(contract[channel].request.safeParse(valid[channel]).success, channel).toBe(true);
  });

  it.each(channels)('%s refuses every malformed payload, and nothing changes', async (channel) => {
    const files = await main.storeFiles();
    const requests = sandbox().requests.length;
    const listener = main.listeners[channel] as (event: unknown, payload: unknown) => Promise<unknown>;
    for (const [name, payload] of mutations(channel)) {
      let answer: unknown;
      await expect((async () => (answer = await listener(fromAppWindow, payload)))(), name).resolves.toBeDefined();
      // `check` takes any value of a known form (checking it is its work): such a request is answered, with the
      // value's own verdict; every other mutation is refused, as on every channel.
      if (channel === 'check' && contract.check.request.safeParse(payload).success)
        expect(answer, `${channel}: ${name}`).toMatchObject({ ok: true, value: { ok: expect.any(Boolean) } });
      else expect(answer, `${channel}: ${name}`).toMatchObject({ ok: false, error: { kind: 'invalid' } });
      // The refusal names where the problem is but never echoes 1 MB back.
      expect(JSON.stringify(answer).length, name).toBeLessThan(4096);
    }
    expect(await main.storeFiles()).toBe(files);
    expect(sandbox().requests.length).toBe(requests);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(main.clipboard).toEqual([]);
    expect(main.opened).toEqual([]);
  });
});
