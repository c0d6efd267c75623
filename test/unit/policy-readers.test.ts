import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, buildBinary } from 'plist';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../common/policy.js';
import { linuxFileSource } from '../../main/policy/linux-file.js';
import { macPlistSource } from '../../main/policy/macos-plist.js';
import {
  POLICY_KEY,
  RECOMMENDED_KEY,
  windowsRegistrySource,
  type Hive,
  type RegistryPort,
  type RegistryValue,
} from '../../main/policy/windows-registry.js';
import { companyFile } from './support/test-policy.js';

const temp = () => mkdtempSync(join(tmpdir(), 'umeet-policy-'));

describe('the Linux reader, against real files', () => {
  const read = (path: string) => linuxFileSource({ path }).read();

  it('is told of a file created, written, replaced by a rename and removed, by the OS, with no polling', async () => {
    const dir = temp();
    const path = join(dir, 'policy.json');
    let changes = 0;
    const resourcesBefore = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
    const stop = linuxFileSource({ path }).watch!(() => changes++);
    // A watch is no timer and holds no stat poller: an idle app wakes for nothing.
    const added = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
    expect(added.filter((r) => r === 'Timeout' || r === 'StatWatcher').length).toBe(
      resourcesBefore.filter((r) => r === 'Timeout' || r === 'StatWatcher').length,
    );
    const seen = async (action: () => void) => {
      const before = changes;
      action();
      await expect.poll(() => changes).toBeGreaterThan(before);
    };
    await seen(() => writeFileSync(path, '{}'));
    await seen(() => writeFileSync(path, '{"trayLeftClick":"menu"}'));
    await seen(() => {
      writeFileSync(join(dir, 'policy.json.new'), '{"trayLeftClick":"start-default"}');
      renameSync(join(dir, 'policy.json.new'), path);
    });
    await seen(() => rmSync(path));
    // Another file in the folder is not the policy.
    const before = changes;
    writeFileSync(join(dir, 'notes.txt'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes).toBe(before);
    stop();
  });

  it('a folder that does not exist yet cannot be watched: no error, and the menu’s opening reads again instead', () => {
    const stop = linuxFileSource({ path: join(temp(), 'not-yet', 'policy.json') }).watch!(() => undefined);
    expect(stop).toBeTypeOf('function');
    stop();
  });

  it('no file, or an empty one: no policy and nothing to report', async () => {
    const dir = temp();
    expect(await read(join(dir, 'policy.json'))).toMatchObject({ locked: {}, recommended: {}, problems: [] });
    expect(await read(join(dir, 'missing-folder', 'policy.json'))).toMatchObject({ problems: [] });
    writeFileSync(join(dir, 'empty.json'), '  \n');
    expect(await read(join(dir, 'empty.json'))).toMatchObject({ locked: {}, problems: [] });
  });

  it('a policy: its top level locked, Recommended the defaults', async () => {
    const path = join(temp(), 'policy.json');
    writeFileSync(path, JSON.stringify({ apiServer: 'https://umeet.corp.example.com', Recommended: { trayLeftClick: 'start-default' } }));
    expect(await read(path)).toEqual({
      sources: [path],
      locked: { apiServer: 'https://umeet.corp.example.com' },
      recommended: { trayLeftClick: 'start-default' },
      problems: [],
    });
  });

  it('what cannot be read is one problem with the file, said with why', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'broken.json'), '{ "apiServer": ');
    expect((await read(join(dir, 'broken.json'))).problems[0]?.reason).toMatch(/not valid JSON/);
    writeFileSync(join(dir, 'list.json'), '["apiServer"]');
    expect((await read(join(dir, 'list.json'))).problems[0]?.reason).toMatch(/JSON object/);
    mkdirSync(join(dir, 'folder.json'));
    expect((await read(join(dir, 'folder.json'))).problems[0]?.reason).toMatch(/EISDIR/);
    // Unreadable: a link that leads nowhere readable (root reads a mode-000 file, so the loop stands in for it there).
    symlinkSync(join(dir, 'loop.json'), join(dir, 'loop.json'));
    expect((await read(join(dir, 'loop.json'))).problems[0]?.reason).toMatch(/ELOOP/);
    if (process.getuid?.() !== 0) {
      writeFileSync(join(dir, 'secret.json'), '{}');
      chmodSync(join(dir, 'secret.json'), 0o000);
      expect((await read(join(dir, 'secret.json'))).problems[0]?.reason).toMatch(/EACCES/);
    }
  });

  it('wrong types: the file reads, and validation ignores those keys alone', async () => {
    const path = join(temp(), 'policy.json');
    writeFileSync(path, JSON.stringify({ requestTimeoutSeconds: '20', allowUserPresets: 'yes', trayLeftClick: 'menu', Recommended: 'no' }));
    const policy = validatePolicy(await read(path), { username: 'u' });
    expect(policy.locked).toEqual({ requestTimeoutSeconds: 20, trayLeftClick: 'menu' });
    expect(policy.ignored.map((i) => i.key).sort()).toEqual(['Recommended', 'allowUserPresets']);
  });
});

describe('the macOS reader, against real plist files', () => {
  const bundleId = 'cn.umeet.tray';
  function profile(files: { machine?: Buffer | string; user?: Buffer | string }) {
    const root = temp();
    mkdirSync(join(root, 'wang.li'));
    if (files.machine !== undefined) writeFileSync(join(root, `${bundleId}.plist`), files.machine);
    if (files.user !== undefined) writeFileSync(join(root, 'wang.li', `${bundleId}.plist`), files.user);
    return macPlistSource({ bundleId, user: 'wang.li', root }).read();
  }

  it('reads an XML plist, company presets as a dictionary', async () => {
    const raw = await profile({
      machine: build({ allowUserPresets: false, companyPresets: companyFile('Board'), Recommended: { startAtLogin: true } }),
    });
    const policy = validatePolicy(raw, { username: 'wang.li' });
    expect(policy).toMatchObject({ allowUserPresets: false, defaults: { startAtLogin: true }, ignored: [] });
    expect(policy.companyPresets.map((p) => p.name)).toEqual(['Board']);
  });

  it('reads a binary plist (as macOS writes managed preferences); the user’s file wins over the machine’s', async () => {
    const machine = buildBinary({ trayLeftClick: 'menu', requestTimeoutSeconds: 30, trustedLinkHosts: ['meet.corp.example.com'] });
    expect(Buffer.from(machine).subarray(0, 8).toString('latin1')).toBe('bplist00');
    const raw = await profile({ machine: Buffer.from(machine), user: Buffer.from(buildBinary({ trayLeftClick: 'start-default' })) });
    expect(raw.locked).toEqual({ trayLeftClick: 'start-default', requestTimeoutSeconds: 30, trustedLinkHosts: ['meet.corp.example.com'] });
    expect(raw.sources).toHaveLength(2);
  });

  it('no profile: nothing; a damaged file or one that is not a dictionary: reported', async () => {
    expect(await profile({})).toMatchObject({ sources: [], problems: [] });
    expect((await profile({ machine: 'bplist00 garbage' })).problems[0]?.reason).toMatch(/property list/);
    expect((await profile({ machine: '<?xml version="1.0"?><plist><dict><key>a</key>' })).problems[0]?.reason).toMatch(/property list/);
    expect((await profile({ machine: build(['a', 'b']) })).problems[0]?.reason).toMatch(/dictionary/);
  });
});

/** The registry stood in: hives of keys of values, as `reg query` reports them. */
function standInRegistry(contents: Partial<Record<Hive, Record<string, RegistryValue[]>>>, failing?: string): RegistryPort {
  return {
    async values(hive, key) {
      if (failing === `${hive}${key}`) throw new Error('Access is denied.');
      return contents[hive]?.[key];
    },
  };
}
const dword = (name: string, value: number): RegistryValue => ({ name, type: 'REG_DWORD', value });
const sz = (name: string, value: string): RegistryValue => ({ name, type: 'REG_SZ', value });

describe('the Windows reader, through its port with the registry stood in', () => {
  it('HKLM over HKCU, each with its Recommended sub-key; DWORDs, multi-strings and text as the schemas take them', async () => {
    const registry = standInRegistry({
      HKLM: {
        [POLICY_KEY]: [
          dword('allowPresetImport', 0),
          { name: 'trustedLinkHosts', type: 'REG_MULTI_SZ', value: ['meet.corp.example.com', 'video.example.com'] },
        ],
        [RECOMMENDED_KEY]: [dword('requestTimeoutSeconds', 30)],
      },
      HKCU: { [POLICY_KEY]: [dword('allowPresetImport', 1), sz('trayLeftClick', 'start-default'), sz('', '')] },
    });
    const raw = await windowsRegistrySource(registry).read();
    expect(raw.locked).toEqual({
      allowPresetImport: 0,
      trustedLinkHosts: ['meet.corp.example.com', 'video.example.com'],
      trayLeftClick: 'start-default',
    });
    expect(raw.recommended).toEqual({ requestTimeoutSeconds: 30 });
    const policy = validatePolicy(raw, { username: 'u' });
    expect(policy).toMatchObject({ allowPresetImport: false, defaults: { requestTimeoutSeconds: 30 }, ignored: [] });
  });

  it('no key: no policy; a key that cannot be read: reported, the other hive still read', async () => {
    expect(await windowsRegistrySource(standInRegistry({})).read()).toMatchObject({ locked: {}, sources: [], problems: [] });
    const raw = await windowsRegistrySource(
      standInRegistry({ HKCU: { [POLICY_KEY]: [sz('proxyMode', 'none')] } }, `HKLM${POLICY_KEY}`),
    ).read();
    expect(raw.locked).toEqual({ proxyMode: 'none' });
    expect(raw.problems).toEqual([{ key: `HKLM${POLICY_KEY}`, reason: expect.stringContaining('Access is denied') }]);
  });
});
