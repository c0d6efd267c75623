import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../common/policy.js';

// The Group Policy template as the tools IT uses see it: Microsoft's ADMX schema (test/fixtures/admx-schema/, with its
// source) checked by libxml2's own validator, and every reference resolved the way the Group Policy editor resolves
// it: `windows:` names against the definitions of Microsoft's Windows.admx (test/fixtures/windows-admx/).
const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures');
const templates = ['policy/windows/UmeetTray.admx', 'policy/windows/en-US/UmeetTray.adml', 'policy/windows/zh-CN/UmeetTray.adml'];
const admx = readFileSync(join(root, templates[0]!), 'utf8');

const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
const noXmllint = xmllint.error ? `xmllint is not installed (Debian: libxml2-utils; .ci/run installs it): ${xmllint.error.message}` : '';

/**
 * The schema as libxml2 can compile it. Microsoft's BaseTypes.xsd writes `\$` in two patterns; XSD regular expressions
 * have no such escape (`$` is an ordinary character there, XML Schema part 2, appendix F), so libxml2 refuses the
 * whole schema. The copy used here drops that one backslash; nothing else changes.
 */
const schemaDir = mkdtempSync(join(tmpdir(), 'admx-schema-'));
for (const file of ['BaseTypes.xsd', 'PolicyDefinitions.xsd', 'PolicyDefinitionFiles.xsd'])
  copyFileSync(join(fixtures, 'admx-schema', file), join(schemaDir, file));
writeFileSync(join(schemaDir, 'BaseTypes.xsd'), readFileSync(join(schemaDir, 'BaseTypes.xsd'), 'utf8').replaceAll('\\$', '$'));
afterAll(() => rmSync(schemaDir, { recursive: true, force: true }));

function validate(path: string): { ok: boolean; output: string } {
  try {
    const output = execFileSync('xmllint', ['--noout', '--schema', join(schemaDir, 'PolicyDefinitionFiles.xsd'), path], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { ok: true, output };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

describe('the Group Policy template against Microsoft’s ADMX schema (xmllint)', () => {
  for (const template of templates) {
    it(`${template} validates`, (context) => {
      if (noXmllint) {
        console.warn(`skipped: ${noXmllint}`);
        return context.skip();
      }
      const result = validate(join(root, template));
      expect(result.output).toBe('');
      expect(result.ok).toBe(true);
    });
  }

  it('the validator refuses a template the editor would refuse (so the checks above can fail)', (context) => {
    if (noXmllint) {
      console.warn(`skipped: ${noXmllint}`);
      return context.skip();
    }
    const broken = join(schemaDir, 'broken.admx');
    writeFileSync(broken, admx.replace('<supportedOn ref=', '<supportedOn name='));
    const result = validate(broken);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/supportedOn/);
  });
});

describe('every reference in the template resolves', () => {
  const windowsDefinitions = new Set(
    readFileSync(join(fixtures, 'windows-admx', 'supported-on.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  const categories = new Set([...admx.matchAll(/<category name="(\w+)"/g)].map((match) => match[1]));

  it('uses only the prefixes it declares: its own and Windows.admx’s', () => {
    expect([...admx.matchAll(/<(?:target|using) prefix="(\w+)" namespace="([\w.]+)"/g)].map((match) => `${match[1]}=${match[2]}`)).toEqual([
      'umeettray=Umeet.Policies.UmeetTray',
      'windows=Microsoft.Policies.Windows',
    ]);
  });

  it('every supportedOn names a definition of Windows.admx, one that Electron 45 runs on (Windows 10 and later)', () => {
    const refs = [...admx.matchAll(/<supportedOn ref="([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBe([...admx.matchAll(/<policy /g)].length);
    for (const ref of refs) {
      const [prefix, name] = ref.split(':');
      expect(prefix, ref).toBe('windows');
      expect(windowsDefinitions.has(name!), `${ref} is not defined in Windows.admx`).toBe(true);
    }
    expect(new Set(refs)).toEqual(new Set(['windows:SUPPORTED_Windows_10_0']));
    // The name the first template used, which the editor could not resolve.
    expect(windowsDefinitions.has('SUPPORTED_Win7')).toBe(false);
  });

  it('every parentCategory names a category of the template', () => {
    for (const [, ref] of admx.matchAll(/<parentCategory ref="([^"]+)"/g)) expect(categories.has(ref!), ref).toBe(true);
  });

  it('each text field’s maxLength is the app’s own limit: one character more is ignored, saying so', () => {
    const texts = [...admx.matchAll(/<text id="(\w+)" valueName="\w+"[^>]*maxLength="(\d+)"/g)].map((match) => ({
      key: match[1]!,
      max: Number(match[2]),
    }));
    expect(texts.map((text) => text.key).sort()).toEqual([
      'apiServer',
      'apiServer',
      'defaultUserKey',
      'defaultUserKey',
      'proxyServer',
      'proxyServer',
    ]);
    // A proxy address has no path, so only a host could make it long: it is refused for its length before its shape.
    const ofLength: Record<string, (length: number) => string> = {
      apiServer: (length) => `https://umeet.example.com/${'a'.repeat(length - 26)}`,
      proxyServer: (length) => `http://${'a'.repeat(length - 7)}`,
      defaultUserKey: (length) => 'k'.repeat(length),
    };
    const at = (key: string, length: number) =>
      validatePolicy({ sources: [], locked: { [key]: ofLength[key]!(length) }, recommended: {}, problems: [] }, { username: 'u' }).ignored;
    for (const { key, max } of texts) {
      expect(at(key, max + 1), `${key} at ${max + 1}`).toEqual([
        { key, reason: expect.stringMatching(new RegExp(`at most ${max}|${max} character`)) },
      ]);
      if (key !== 'proxyServer') expect(at(key, max), `${key} at ${max}`).toEqual([]);
    }
  });
});
