import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUTS_FILE, toolsUpToDate } from '../../vite.tools.config.js';

// The unit suite's global setup skips building out/tools when the last build's inputs are unchanged
// (test/unit/support/build-tools.ts). A skip that missed a change would test stale code, so: what the build lists,
// and when the check says no.
const root = join(import.meta.dirname, '..', '..');
const sha = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(root, file)))
    .digest('hex');
const outTools = join(root, 'out', 'tools');

function listing(inputs: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'umeet-tools-'));
  writeFileSync(join(dir, INPUTS_FILE), JSON.stringify({ inputs }));
  return dir;
}

describe('the tools’ inputs list', () => {
  it('names the sources of each entry and the modules they import, the bundled packages, the config and the lockfile', () => {
    // Built by this suite's global setup (or just before it by npm run build).
    const inputs = (JSON.parse(readFileSync(join(outTools, INPUTS_FILE), 'utf8')) as { inputs: Record<string, string> }).inputs;
    for (const file of [
      'cli/start.ts',
      'cli/umeet.ts',
      'core/link-allowlist.ts',
      'common/preset.ts',
      'sandbox/main.ts',
      'vite.tools.config.ts',
      'package-lock.json',
    ])
      expect(inputs[file], file).toBe(sha(file));
    expect(Object.keys(inputs).some((file) => file.startsWith('node_modules/commander/'))).toBe(true);
    expect(toolsUpToDate(outTools)).toBe(true);
  });

  it('is up to date only while every file listed has the bytes it had', () => {
    const files = ['cli/start.ts', 'vite.tools.config.ts', 'package-lock.json'];
    const same = Object.fromEntries(files.map((file) => [file, sha(file)]));
    expect(toolsUpToDate(listing(same))).toBe(true);
    expect(toolsUpToDate(listing({ ...same, 'cli/start.ts': sha('cli/umeet.ts') }))).toBe(false);
    // A file the build read that is gone, or that the build could not read.
    expect(toolsUpToDate(listing({ ...same, 'cli/gone.ts': same['cli/start.ts']! }))).toBe(false);
    expect(toolsUpToDate(listing({ ...same, 'cli/start.ts': null }))).toBe(false);
    // No list, a damaged one, or one that names only the config and the lockfile: build.
    expect(toolsUpToDate(mkdtempSync(join(tmpdir(), 'umeet-tools-')))).toBe(false);
    const damaged = listing(same);
    writeFileSync(join(damaged, INPUTS_FILE), '{"inputs": {');
    expect(toolsUpToDate(damaged)).toBe(false);
    expect(
      toolsUpToDate(listing({ 'vite.tools.config.ts': same['vite.tools.config.ts']!, 'package-lock.json': same['package-lock.json']! })),
    ).toBe(false);
  });
});
