import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from './support/temp-store.js';

// `npm run package`'s prepackage step, run as npm runs it, with electron-builder's and @electron/get's caches in
// folders of the test's own, and the download host it probes named by the test: a name that never resolves (.invalid,
// RFC 2606) for a machine offline, a server on 127.0.0.1 for one online.
const script = new URL('../../scripts/ensure-package.mjs', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

function run(env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [script],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', UMEET_PACKAGE_PLATFORM: 'linux', UMEET_PACKAGE_ARCH: 'x64', ...env },
        timeout: 30_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

const emptyCaches = () => ({ ELECTRON_BUILDER_CACHE: tempDir(), electron_config_cache: tempDir() });

describe('npm run package: what electron-builder will need, checked before the build', () => {
  it('offline without Electron’s zip: one line that names the zip and what to run; no stack trace, exit 1', async () => {
    const result = await run({ ...emptyCaches(), UMEET_PACKAGE_PROBE: 'download-host.invalid:443' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `umeet-tray: npm run package needs Electron ${electronVersion}'s electron-v${electronVersion}-linux-x64.zip, which is not in electron-builder's cache, and download-host.invalid cannot be reached (getaddrinfo ENOTFOUND); connect to the internet, then run \`npm run package\` again.`,
    );
  });

  it('macOS packs both architectures: both zips are named', async () => {
    const result = await run({ ...emptyCaches(), UMEET_PACKAGE_PLATFORM: 'darwin', UMEET_PACKAGE_PROBE: 'download-host.invalid:443' });
    expect(result.stderr).toContain(`electron-v${electronVersion}-darwin-arm64.zip and electron-v${electronVersion}-darwin-x64.zip`);
  });

  it('offline with the zip in electron-builder’s cache (one folder per download): nothing to say, exit 0', async () => {
    const caches = emptyCaches();
    const folder = join(caches.ELECTRON_BUILDER_CACHE, `electron-v${electronVersion}`, 'abc123');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `electron-v${electronVersion}-linux-x64.zip`), 'zip');
    expect(await run({ ...caches, UMEET_PACKAGE_PROBE: 'download-host.invalid:443' })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('online (the download host answers): nothing to say, exit 0, and electron-builder downloads it', async () => {
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(await run({ ...emptyCaches(), UMEET_PACKAGE_PROBE: `127.0.0.1:${port}` })).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('runs first: `npm run package` starts with it, and package.json names the author electron-builder asks for', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepackage).toBe('node scripts/ensure-package.mjs');
    // app-builder-lib's own metadata check, which warned "author is missed in the package.json".
    const require = createRequire(import.meta.url);
    const { log } = require('builder-util') as { log: { warn: (...args: unknown[]) => void } };
    const { checkMetadata } = require('app-builder-lib/out/util/packageMetadata.js') as {
      checkMetadata: (metadata: unknown, devMetadata: unknown, appPackageFile: string, devAppPackageFile: string) => void;
    };
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    try {
      const metadata = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
      checkMetadata(metadata, null, join(root, 'package.json'), join(root, 'package.json'));
      expect(warn.mock.calls.map((call) => call[1])).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });
});
