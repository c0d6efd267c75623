import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-store.js';

// `npm start`'s prestart step, run as npm runs it, against stand-ins for Electron's npm package
// whose install.js behaves as the real one does offline (throws, printing a stack), online (writes
// dist/ and path.txt), or is never needed (already installed).
const script = new URL('../../scripts/ensure-electron.mjs', import.meta.url).pathname;

function fakeElectron(installer: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  writeFileSync(join(dir, 'install.js'), installer);
  return dir;
}

const install = (dir: string) =>
  new Promise<{ code: number; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = Date.now();
    execFile(
      process.execPath,
      [script],
      { env: { PATH: process.env.PATH ?? '', UMEET_ELECTRON_PACKAGE_DIR: dir }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr, ms: Date.now() - started }),
    );
  });

const offline = `
const error = new TypeError('fetch failed');
console.error(error.stack);
process.exit(1);
`;

const online = `
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
mkdirSync(join(__dirname, 'dist'), { recursive: true });
writeFileSync(join(__dirname, 'dist', 'electron'), '');
writeFileSync(join(__dirname, 'dist', 'version'), 'v45.5.0');
writeFileSync(join(__dirname, 'path.txt'), 'electron');
`;

describe('npm start: Electron binary check', () => {
  it('offline: one line that names the missing binary and the command to run later; no stack trace', async () => {
    const run = await install(fakeElectron(offline));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^umeet-tray: Electron 45\.5\.0's binary is missing and could not be downloaded \(no connection to Electron's download server: fetch failed\); .*run `npx install-electron`/,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.ms).toBeLessThan(30_000);
  });

  it('fetches the binary with Electron’s own installer when it is missing, then lets the start go on', async () => {
    const dir = fakeElectron(online);
    const run = await install(dir);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(join(dir, 'path.txt'), 'utf8')).toBe('electron');
  });

  it('does nothing when the binary of the pinned version is there', async () => {
    const dir = fakeElectron(`require('node:fs').writeFileSync(__dirname + '/ran', ''); process.exit(1);`);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    writeFileSync(join(dir, 'dist', 'version'), 'v45.5.0');
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(await install(dir)).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(dir, 'ran'))).toBe(false);

    // Another version's binary is not the pinned one: the installer runs (and here fails, saying so).
    writeFileSync(join(dir, 'dist', 'version'), 'v44.0.0');
    const stale = await install(dir);
    expect(stale.code).toBe(1);
    expect(existsSync(join(dir, 'ran'))).toBe(true);
  });
});
