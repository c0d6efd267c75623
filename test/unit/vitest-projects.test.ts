import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED } from '../../vitest.config.js';

// The unit files that share a module graph (vitest.config.ts) must not change what a module holds for the files
// after them. These are the ways this suite does so; a file that uses one runs in a graph of its own.
const PROCESS_WIDE =
  /vi\.(mock|doMock|resetModules|stubGlobal|stubEnv|spyOn)|from 'electron'|import\('electron'\)|useFakeTimers|process\.env\.[A-Z_]+ =|delete process\.env|process\.argv =|process\.chdir|stand-in\/electron/;

describe('the unit suite’s projects', () => {
  const dir = join(import.meta.dirname);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `test/unit/${name}`);

  it('isolates every file that changes what a module holds for the whole process', () => {
    // (This file names the words, and changes nothing.)
    const changing = files.filter(
      (file) => file !== 'test/unit/vitest-projects.test.ts' && PROCESS_WIDE.test(readFileSync(join(dir, '..', '..', file), 'utf8')),
    );
    expect(changing.filter((file) => !ISOLATED.includes(file))).toEqual([]);
  });

  it('names only files that exist', () => {
    expect(ISOLATED.filter((file) => !files.includes(file))).toEqual([]);
  });
});

describe('the unit suite’s report', () => {
  it('names a failed test again on stdout, after the summary: a CI log keeps only its tail, and npm test holds back stdout alone', () => {
    const root = join(import.meta.dirname, '..', '..');
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/fixtures/vitest-failure/vitest.config.ts'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' }, timeout: 50_000 },
    );
    expect(run.status).toBe(1);
    const summary = run.stdout.lastIndexOf('Tests  1 failed | 1 passed');
    expect(summary).toBeGreaterThan(-1);
    const after = run.stdout.slice(summary);
    expect(after).toContain('✗ failing.test.ts > finds the lamp on');
    expect(after).toContain("expected 'off' to be 'on'");
    // The passing test is not named there.
    expect(after).not.toContain('> passes');
  });
});
