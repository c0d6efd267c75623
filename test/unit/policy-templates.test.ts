import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS, RECOMMENDED, settingPolicies, validatePolicy } from '../../common/policy.js';
import { linuxFileSource } from '../../main/policy/linux-file.js';
import { POLICY_KEY, RECOMMENDED_KEY } from '../../main/policy/windows-registry.js';

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

  // The .mobileconfig: test/unit/policy-profile.test.ts (Apple's schema, and what macOS writes from it).
  // The .reg sample (UTF-16LE): test/unit/policy-registry.test.ts reads it as reg.exe exports are read, and through Wine’s regedit.

  it('the admin guide documents every key, and Recommended', () => {
    const guide = read('docs/admin-guide.md');
    for (const key of all) expect(guide, key).toContain(`| \`${key}\``);
    expect(guide).toContain(RECOMMENDED);
  });
});
