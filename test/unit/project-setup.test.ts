import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The newcomer's first commands: the Node version the tools need is declared where npm and nvm
// read it, and agrees with the Node running the tests (npm warns EBADENGINE otherwise).
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string> };
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string };
};

describe('project setup', () => {
  it('declares the Node versions the tools run on, and the running Node is one of them', () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
    // Vite 8 and electron-vite 6 need 20.19 or 22.12+; Node 21 is not supported by them.
    expect(semver.satisfies('20.18.0', pkg.engines.node)).toBe(false);
    expect(semver.satisfies('21.7.0', pkg.engines.node)).toBe(false);
    expect(semver.satisfies('24.1.0', pkg.engines.node)).toBe(true);
  });

  it('.nvmrc names a Node the engines field accepts', () => {
    const wanted = read('.nvmrc').trim();
    expect(wanted).toMatch(/^\d+(\.\d+){0,2}$/);
    const major = Number(wanted.split('.')[0]);
    expect(major).toBe(Number(process.versions.node.split('.')[0]));
    expect(semver.satisfies(process.version, `^${wanted}`)).toBe(true);
  });

  it('npm start checks for the Electron binary before it builds', () => {
    expect(pkg.scripts.prestart).toBe('node scripts/ensure-electron.mjs');
    expect(pkg.scripts.sandbox).toBe('node out/tools/sandbox.js');
    expect(pkg.scripts.presandbox).toContain('vite.tools.config.ts');
  });
});
