import { describe, expect, it } from 'vitest';
import { autoUpdateTarget } from '../../common/policy-auto-updates.js';
import { noPolicy, validatePolicy, type RawPolicy } from '../../common/policy.js';
import { DEFAULT_API_BASE, defaultSettings, Settings } from '../../common/settings.js';
import { effectiveSettings, lockedPaths } from '../../main/policy/effective.js';
import { companyFile } from './support/test-policy.js';

const raw = (locked: Record<string, unknown> = {}, recommended: Record<string, unknown> = {}): RawPolicy => ({
  sources: ['test'],
  locked,
  recommended,
  problems: [],
});
const policyOf = (locked: Record<string, unknown> = {}, recommended: Record<string, unknown> = {}) =>
  validatePolicy(raw(locked, recommended), { username: 'wang.li' });
const user = (patch: Partial<Settings> = {}) => Settings.parse({ ...defaultSettings(), ...patch });
const none = new Set<string>();

describe('precedence: locked policy > user setting > policy default > built-in default', () => {
  it('no policy and no choice: the built-in default', () => {
    expect(effectiveSettings(user(), none, noPolicy()).requestTimeoutMs).toBe(15_000);
  });

  it('a policy default beats the built-in default', () => {
    const policy = policyOf({}, { requestTimeoutSeconds: 30, trayLeftClick: 'start-default' });
    const settings = effectiveSettings(user(), none, policy);
    expect(settings.requestTimeoutMs).toBe(30_000);
    expect(settings.trayLeftClick).toBe('start-default');
    expect(lockedPaths(policy)).toEqual([]);
  });

  it('the user’s own choice beats a policy default, even a choice equal to the built-in default', () => {
    const policy = policyOf({}, { requestTimeoutSeconds: 30, trayLeftClick: 'start-default' });
    // Changed in the app (recorded), though the value is the built-in one.
    expect(effectiveSettings(user(), new Set(['trayLeftClick']), policy).trayLeftClick).toBe('menu');
    // Set before the app knew of policies: it differs from the built-in default.
    expect(effectiveSettings(user({ requestTimeoutMs: 20_000 }), none, policy).requestTimeoutMs).toBe(20_000);
  });

  it('a locked value beats the user’s choice, and names the setting as locked', () => {
    const policy = policyOf({ requestTimeoutSeconds: 40, proxyMode: 'none' }, { requestTimeoutSeconds: 30 });
    const settings = effectiveSettings(
      user({ requestTimeoutMs: 20_000, proxy: { mode: 'system' } }),
      new Set(['requestTimeoutMs']),
      policy,
    );
    expect(settings.requestTimeoutMs).toBe(40_000);
    expect(settings.proxy.mode).toBe('none');
    expect(lockedPaths(policy).sort()).toEqual(['proxy.mode', 'requestTimeoutMs']);
    // Locked and default at once: the default is not even kept.
    expect(policy.defaults).toEqual({});
  });

  it('users who may not change the API server get the policy’s (default or locked) or the built-in one, locked', () => {
    const own = user({ apiBaseUrl: 'https://mine.example.com' });
    expect(effectiveSettings(own, new Set(['apiBaseUrl']), policyOf({ allowApiServerChange: false })).apiBaseUrl).toBe(DEFAULT_API_BASE);
    const withDefault = policyOf({ allowApiServerChange: false }, { apiServer: 'https://umeet.corp.example.com' });
    expect(effectiveSettings(own, new Set(['apiBaseUrl']), withDefault).apiBaseUrl).toBe('https://umeet.corp.example.com');
    expect(lockedPaths(withDefault)).toEqual(['apiBaseUrl']);
  });

  it('every setting key lands on its setting; {username} is the OS user’s name', () => {
    const policy = policyOf({
      apiServer: 'https://umeet.corp.example.com',
      trustedLinkHosts: ['https://meet.corp.example.com/j/1', '*.video.example.com'],
      requestTimeoutSeconds: 20,
      proxyMode: 'manual',
      proxyServer: 'http://proxy.corp.example.com:8080',
      defaultUserKey: 'corp-{username}',
      trayLeftClick: 'start-default',
      allowWeakCredentialStorage: 0,
    });
    expect(policy.ignored).toEqual([]);
    const settings = effectiveSettings(user({ allowWeakCredentialStorage: true }), none, policy);
    expect(settings).toMatchObject({
      apiBaseUrl: 'https://umeet.corp.example.com',
      trustedLinkHosts: ['meet.corp.example.com', 'video.example.com'],
      requestTimeoutMs: 20_000,
      proxy: { mode: 'manual', url: 'http://proxy.corp.example.com:8080' },
      defaultUserKey: 'corp-wang.li',
      trayLeftClick: 'start-default',
      allowWeakCredentialStorage: false,
    });
  });
});

describe('a policy that is partly invalid', () => {
  it('applies the valid keys and reports each ignored key with why', () => {
    const policy = policyOf(
      { apiServer: 'ftp://nope', requestTimeoutSeconds: 5, trayLeftClick: 'sometimes', alowUserPresets: false, allowUserPresets: 'no' },
      { requestTimeoutSeconds: 900, defaultUserKey: 42, companyPresets: companyFile('A'), proxyMode: 'none' },
    );
    expect(policy.locked).toEqual({ requestTimeoutSeconds: 5 });
    expect(policy.defaults).toEqual({ proxyMode: 'none' });
    expect(policy.allowUserPresets).toBe(true);
    const keys = Object.fromEntries(policy.ignored.map((entry) => [entry.key, entry.reason]));
    expect(Object.keys(keys).sort()).toEqual(
      [
        'Recommended.companyPresets',
        'Recommended.defaultUserKey',
        'alowUserPresets',
        'allowUserPresets',
        'apiServer',
        'trayLeftClick',
      ].sort(),
    );
    expect(keys.apiServer).toMatch(/https/);
    expect(keys.alowUserPresets).toMatch(/not a policy key/);
    expect(keys['Recommended.companyPresets']).toMatch(/only at the top level/);
    expect(keys['Recommended.defaultUserKey']).toMatch(/string/);
  });

  it('company presets are checked one by one, get ids apart from the user’s, and a bad one is reported', () => {
    const file = companyFile('Board', 'All hands');
    (file.presets[1] as Record<string, unknown>).capacity = -3;
    const policy = policyOf({ companyPresets: JSON.stringify(file) });
    expect(policy.companyPresets.map((p) => [p.id, p.name])).toEqual([['org-c1', 'Board']]);
    expect(policy.ignored).toEqual([{ key: 'companyPresets.presets[1]', reason: expect.stringMatching(/capacity/) }]);
    expect(policyOf({ companyPresets: '{ not json' }).ignored[0]?.key).toBe('companyPresets');
  });

  it('a locked manual proxy without its server is ignored, with why', () => {
    const policy = policyOf({ proxyMode: 'manual' });
    expect(policy.locked).toEqual({});
    expect(policy.ignored).toEqual([{ key: 'proxyMode', reason: expect.stringMatching(/proxyServer/) }]);
  });

  it('a user key that {username} makes too long or wrong is ignored', () => {
    const policy = validatePolicy(raw({ defaultUserKey: '{username}' }), { username: 'x'.repeat(300) });
    expect(policy.locked).toEqual({});
    expect(policy.ignored[0]?.key).toBe('defaultUserKey');
  });
});

describe('autoUpdates, on the setting “Check for updates automatically”', () => {
  it('is validated, and lands on checkForUpdates (only where the settings have it)', () => {
    expect(policyOf({ autoUpdates: 0 }).locked).toEqual({ autoUpdates: false });
    expect(autoUpdateTarget({ language: {} })).toBeUndefined();
    const target = autoUpdateTarget();
    expect(target?.path).toBe('checkForUpdates');
    expect(target?.set(defaultSettings(), false)).toMatchObject({ checkForUpdates: false });
    expect(target?.get({ ...defaultSettings(), checkForUpdates: true })).toBe(true);
  });
});

describe('when the policy is read again', () => {
  it('on menu or window open, at most every 30 s (all Windows has); with a watch, also when it says so', async () => {
    const { createPolicy } = await import('../../main/policy/policy.js');
    let reads = 0;
    let clock = 0;
    const source = { read: async () => (reads++, raw({ trayLeftClick: reads > 1 ? 'start-default' : 'menu' })) };
    const policy = createPolicy({ source, username: 'u', now: () => clock });
    await policy.ready();
    expect(reads).toBe(1);
    policy.check();
    expect(reads).toBe(1);
    clock += 30_000;
    let changes = 0;
    policy.onChange(() => changes++);
    policy.check();
    policy.check();
    await expect.poll(() => changes).toBe(1);
    expect(reads).toBe(2);
    expect(policy.current().locked).toEqual({ trayLeftClick: 'start-default' });

    let notify = () => undefined as void;
    const watched = createPolicy({
      source: { ...source, watch: (onChange) => ((notify = onChange), () => undefined) },
      username: 'u',
      now: () => clock,
    });
    await watched.ready();
    const before = reads;
    watched.check();
    expect(reads).toBe(before);
    notify();
    await expect.poll(() => reads).toBe(before + 1);
    // The safety net still holds where a watch could not be set (a folder created later).
    clock += 60_000;
    watched.check();
    await expect.poll(() => reads).toBe(before + 2);
  });
});
