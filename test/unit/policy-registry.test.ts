import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../common/policy.js';
import { linuxFileSource } from '../../main/policy/linux-file.js';
import { regExportPort } from '../../main/policy/reg-export-port.js';
import { decodeRegFile, parseRegFile } from '../../main/policy/reg-file.js';
import { windowsRegistrySource } from '../../main/policy/windows-registry.js';
import { wine as startWine, type Wine } from './support/wine.js';

// The Windows reader against what reg.exe and regedit really do: output captured from Wine's reg.exe under a Chinese
// locale (test/fixtures/registry/, how it was captured is in its README), replayed in place of reg.exe; and, where
// Wine is installed (.ci/run installs it), Wine's regedit importing the shipped .reg sample and Wine's reg.exe read live.
const root = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => join(root, 'test', 'fixtures', 'registry', name);
const SAMPLE = join(root, 'policy', 'windows', 'umeet-tray-policy.reg');
const CHINESE_NAME = '全员大会 All hands';

const fromJson = async () =>
  validatePolicy(await linuxFileSource({ path: join(root, 'policy/linux/policy.json') }).read(), { username: 'u' });
const sameAsJson = async (raw: Awaited<ReturnType<ReturnType<typeof windowsRegistrySource>['read']>>) => {
  const policy = validatePolicy(raw, { username: 'u' });
  expect(policy.ignored).toEqual([]);
  expect({ ...policy, sources: [] }).toEqual({ ...(await fromJson()), sources: [] });
  return policy;
};

/**
 * A stand-in for reg.exe that replays the captured output: `query <key>` prints the CP936 capture, `export <key> <file>`
 * writes the UTF-16LE one; any other key is "not found" (exit 1), as reg.exe says. A Node script, so it runs on every
 * OS the suite runs on.
 */
function capturedRegExe(): string[] {
  const script = join(mkdtempSync(join(tmpdir(), 'umeet-reg-')), 'reg.mjs');
  writeFileSync(
    script,
    `import { copyFileSync, readFileSync } from 'node:fs';
const [verb, key, file] = process.argv.slice(2);
const name = { 'HKLM\\\\Software\\\\Policies\\\\Umeet\\\\UmeetTray': 'policy', 'HKLM\\\\Software\\\\Policies\\\\Umeet\\\\UmeetTray\\\\Recommended': 'recommended' }[key];
if (!name) {
  process.stderr.write('ERROR: The system was unable to find the specified registry key or value.\\r\\n');
  process.exit(1);
}
if (verb.toLowerCase() === 'query') process.stdout.write(readFileSync(${JSON.stringify(fixture('reg-query-'))} + name + '.cp936.txt'));
else copyFileSync(${JSON.stringify(fixture('reg-export-'))} + name + '.utf16le.reg', file);
`,
  );
  return [process.execPath, script];
}

describe('reg.exe’s output on Chinese Windows, captured', () => {
  it('reg query’s piped output is CP936, not UTF-8: a UTF-8 reading garbles the preset name', () => {
    const bytes = readFileSync(fixture('reg-query-policy.cp936.txt'));
    expect(new TextDecoder('gbk').decode(bytes)).toContain(CHINESE_NAME);
    expect(bytes.toString('utf8')).not.toContain(CHINESE_NAME);
  });

  it('the reader reads reg export’s UTF-16LE file: the Chinese preset name, the multi-strings and every key arrive whole', async () => {
    const raw = await windowsRegistrySource(regExportPort({ command: capturedRegExe() })).read();
    expect(raw.sources).toEqual(['HKLM\\Software\\Policies\\Umeet\\UmeetTray', 'HKLM\\Software\\Policies\\Umeet\\UmeetTray\\Recommended']);
    expect(raw.problems).toEqual([]);
    const policy = await sameAsJson(raw);
    expect(policy.companyPresets.map((preset) => preset.name)).toEqual([CHINESE_NAME, 'Team sync']);
    expect(policy.locked.trustedLinkHosts).toEqual(['meet.corp.example.com', 'live.corp.example.com']);
  });

  it('a reg.exe that cannot run is a problem with the key, not a crash, and the other hive is still read', async () => {
    const raw = await windowsRegistrySource(regExportPort({ command: [join(tmpdir(), 'no-such-reg.exe')] })).read();
    expect(raw.locked).toEqual({});
    expect(raw.problems.map((problem) => problem.key)).toEqual([
      'HKLM\\Software\\Policies\\Umeet\\UmeetTray',
      'HKLM\\Software\\Policies\\Umeet\\UmeetTray\\Recommended',
      'HKCU\\Software\\Policies\\Umeet\\UmeetTray',
      'HKCU\\Software\\Policies\\Umeet\\UmeetTray\\Recommended',
    ]);
    expect(raw.problems[0]!.reason).toMatch(/reg\.exe could not run \(ENOENT\)/);
  });
});

describe('the .reg sample, as regedit saves and reads it', () => {
  const bytes = readFileSync(SAMPLE);

  it('is saved as regedit exports: UTF-16LE with a byte-order mark, CRLF, the version 5 header', () => {
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = decodeRegFile(bytes);
    expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('read as the reader reads reg export’s files, it is the same policy as policy.json', async () => {
    const { keys, skipped } = parseRegFile(decodeRegFile(bytes));
    expect(skipped).toEqual([]);
    const raw = await windowsRegistrySource({ values: async (hive, key) => keys.get(`${hive}${key}`.toLowerCase()) }).read();
    await sameAsJson(raw);
  });
});

describe('with Wine’s own regedit and reg.exe, on a Chinese locale (code page 936)', () => {
  let wine: Wine | { unavailable: string };
  beforeAll(async () => {
    wine = startWine({ locale: 'zh_CN.UTF-8' });
    // The first program creates the prefix (several seconds): done once here rather than inside a test.
    if (!('unavailable' in wine)) await wine.start();
  }, 180_000);
  afterAll(() => {
    if (!('unavailable' in wine)) wine.dispose();
  });
  const live = (context: { skip: () => void }): Wine | undefined => {
    if (!('unavailable' in wine)) return wine;
    console.warn(`skipped: ${wine.unavailable}`);
    context.skip();
    return undefined;
  };
  const reset = async (w: Wine) => w.run(['reg', 'delete', 'HKLM\\Software\\Policies\\Umeet', '/f']);

  it('regedit imports the sample; the reader, through reg.exe under code page 936, reads the same policy as policy.json', async (context) => {
    const w = live(context);
    if (!w) return;
    await reset(w);
    expect((await w.run(['regedit', '/S', SAMPLE])).code).toBe(0);
    const query = await w.run(['reg', 'query', 'HKLM\\Software\\Policies\\Umeet\\UmeetTray']);
    // What a UTF-8 reading of reg query (the winreg package's) would have met: CP936.
    expect(new TextDecoder('gbk').decode(query.stdout)).toContain(CHINESE_NAME);
    expect(query.stdout.toString('utf8')).not.toContain(CHINESE_NAME);
    const raw = await windowsRegistrySource(regExportPort({ command: [...w.command, 'reg'], env: w.env })).read();
    const policy = await sameAsJson(raw);
    expect(policy.companyPresets[0]!.name).toBe(CHINESE_NAME);
  }, 120_000);

  it('the same sample saved as ANSI (how it first shipped) imports garbled: why it is UTF-16LE', async (context) => {
    const w = live(context);
    if (!w) return;
    await reset(w);
    const ansi = join(mkdtempSync(join(tmpdir(), 'umeet-ansi-')), 'ansi.reg');
    // Its hex(7) bytes stay UTF-16LE; in an ANSI file regedit reads them in the ANSI code page (936 here).
    writeFileSync(ansi, decodeRegFile(readFileSync(SAMPLE)).replace(/^;.*\r\n/gm, ''), 'utf8');
    expect((await w.run(['regedit', '/S', ansi])).code).toBe(0);
    const raw = await windowsRegistrySource(regExportPort({ command: [...w.command, 'reg'], env: w.env })).read();
    const policy = validatePolicy(raw, { username: 'u' });
    expect(policy.ignored.map((ignored) => ignored.key)).toEqual(expect.arrayContaining(['trustedLinkHosts', 'companyPresets']));
  }, 120_000);
});
