import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS, RECOMMENDED, settingPolicies, validatePolicy } from '../../common/policy.js';
import { linuxFileSource } from '../../main/policy/linux-file.js';
import { BUNDLE_ID } from '../../main/policy/select-source.js';
import { splitDocument } from '../../main/policy/source.js';
import { POLICY_KEY, RECOMMENDED_KEY, windowsRegistrySource, type Hive, type RegistryValue } from '../../main/policy/windows-registry.js';

// One list of policy keys (common/policy.ts): the Group Policy template, its two languages, the sample files for
// each OS and the admin guide must name the same ones, so none can drift from the app.
const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();
const all = sorted(POLICY_KEYS);
const settingKeys = sorted(Object.keys(settingPolicies));
const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

const admx = read('policy/windows/UmeetTray.admx');
const admls = { 'en-US': read('policy/windows/en-US/UmeetTray.adml'), 'zh-CN': read('policy/windows/zh-CN/UmeetTray.adml') };

/** A `.reg` export, as the registry it describes: each key's values as `reg query` shows them. */
function registryOfRegFile(text: string): Map<string, RegistryValue[]> {
  const keys = new Map<string, RegistryValue[]>();
  let current: RegistryValue[] | undefined;
  for (const line of text.replace(/\\\r?\n\s*/g, '').split(/\r?\n/)) {
    const section = /^\[(HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER)(\\.+)\]$/.exec(line);
    if (section) {
      const hive = section[1] === 'HKEY_LOCAL_MACHINE' ? 'HKLM' : 'HKCU';
      keys.set(`${hive}${section[2]!.toLowerCase()}`, (current = []));
      continue;
    }
    const entry = /^"([^"]+)"=(.*)$/.exec(line);
    if (!entry || !current) continue;
    const [, name, data] = entry as unknown as [string, string, string];
    if (data.startsWith('dword:')) current.push({ name, type: 'REG_DWORD', value: `0x${Number.parseInt(data.slice(6), 16).toString(16)}` });
    else if (data.startsWith('hex(7):')) {
      const bytes = Buffer.from(
        data
          .slice(7)
          .split(',')
          .map((byte) => Number.parseInt(byte, 16)),
      );
      const strings = bytes.toString('utf16le').split('\0').filter(Boolean);
      current.push({ name, type: 'REG_MULTI_SZ', value: strings.join('\\0') });
    } else current.push({ name, type: 'REG_SZ', value: JSON.parse(data) as string });
  }
  return keys;
}

describe('the policy keys are the same everywhere', () => {
  it('the ADMX: one value per key, and a Recommended twin for each setting key (not for the rules)', () => {
    expect(sorted(matches(admx, /valueName="(\w+)"/g))).toEqual(all);
    expect(sorted(matches(admx, /<policy name="(\w+)_recommended"/g))).toEqual(settingKeys);
    expect(matches(admx, /key="([^"]+)"/g).every((key) => [POLICY_KEY, RECOMMENDED_KEY].includes(`\\${key}`))).toBe(true);
  });

  for (const [language, adml] of Object.entries(admls)) {
    it(`the ADML (${language}) has every string and presentation the ADMX asks for, and nothing else`, () => {
      expect(sorted(matches(adml, /<string id="(\w+)"/g))).toEqual(sorted(matches(admx, /\$\(string\.(\w+)\)/g)));
      expect(sorted(matches(adml, /<presentation id="(\w+)"/g))).toEqual(sorted(matches(admx, /\$\(presentation\.(\w+)\)/g)));
      for (const key of all) expect(adml).toContain(`<string id="${key}_explain">`);
    });
  }

  it('the Linux sample names every key, and is valid', async () => {
    const raw = await linuxFileSource({ path: join(root, 'policy/linux/policy.json') }).read();
    expect(sorted([...Object.keys(raw.locked), ...Object.keys(raw.recommended)])).toEqual(all);
    expect(validatePolicy(raw, { username: 'u' }).ignored).toEqual([]);
  });

  it('the .mobileconfig carries the same policy for the app’s bundle id', async () => {
    const profile = parse(read('policy/macos/cn.umeet.tray.mobileconfig')) as { PayloadContent: Record<string, unknown>[] };
    const payload = profile.PayloadContent.find((content) => content.PayloadType === BUNDLE_ID);
    expect(payload).toBeDefined();
    const settings = Object.fromEntries(Object.entries(payload!).filter(([key]) => !key.startsWith('Payload')));
    const fromProfile = validatePolicy(splitDocument(settings, 'profile', []), { username: 'u' });
    const fromJson = validatePolicy(await linuxFileSource({ path: join(root, 'policy/linux/policy.json') }).read(), { username: 'u' });
    expect(fromProfile.ignored).toEqual([]);
    expect({ ...fromProfile, sources: [] }).toEqual({ ...fromJson, sources: [] });
    expect(read('electron-builder.yml')).toMatch(new RegExp(`^appId: ${BUNDLE_ID.replaceAll('.', '\\.')}$`, 'm'));
  });

  it('the .reg sample, read through the Windows reader, is the same policy too', async () => {
    const registry = registryOfRegFile(read('policy/windows/umeet-tray-policy.reg'));
    const raw = await windowsRegistrySource({
      values: async (hive: Hive, key: string) => registry.get(`${hive}${key.toLowerCase()}`),
    }).read();
    expect(raw.sources).toHaveLength(2);
    const fromReg = validatePolicy(raw, { username: 'u' });
    const fromJson = validatePolicy(await linuxFileSource({ path: join(root, 'policy/linux/policy.json') }).read(), { username: 'u' });
    expect(fromReg.ignored).toEqual([]);
    expect({ ...fromReg, sources: [] }).toEqual({ ...fromJson, sources: [] });
  });

  it('the admin guide documents every key, and Recommended', () => {
    const guide = read('docs/admin-guide.md');
    for (const key of all) expect(guide, key).toContain(`| \`${key}\``);
    expect(guide).toContain(RECOMMENDED);
  });
});
