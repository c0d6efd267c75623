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
