import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The newcomer's first commands: the Node version the tools need is declared where npm and nvm
// read it, and agrees with the Node running the tests (npm warns EBADENGINE otherwise). That is
// Electron 45's Node, 24: main runs on it in the app, so the tests run on it too (.ci/run installs it
// where the machine has another).
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string> };
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string };
};

describe('project setup', () => {
  it('declares the Node versions the tools run on, and the running Node is one of them', () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
    // Electron 45's Node is 24: not 20 (out of support since April 2026, and below what electron@45 and
    // @electron/get@5 declare), not 22, not a later major the app never runs on.
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(false);
    expect(semver.satisfies('22.12.0', pkg.engines.node)).toBe(false);
    expect(semver.satisfies('24.1.0', pkg.engines.node)).toBe(true);
    expect(semver.satisfies('25.0.0', pkg.engines.node)).toBe(false);
  });

  it('.nvmrc names a Node the engines field accepts', () => {
    const wanted = read('.nvmrc').trim();
    expect(wanted).toMatch(/^\d+(\.\d+){0,2}$/);
    const major = Number(wanted.split('.')[0]);
    expect(major).toBe(Number(process.versions.node.split('.')[0]));
    expect(semver.satisfies(process.version, `^${wanted}`)).toBe(true);
    expect(major).toBe(24);
  });

  it('every package installed declares it runs on this Node (npm’s EBADENGINE, checked as npm checks it)', () => {
    // electron@45 and @electron/get@5 (the workflow's "Fetch Electron's binary" step) ask for >= 22.12.
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
    const refused = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
      return range && !semver.satisfies(process.version, range) ? [`${path}: node ${range}`] : [];
    });
    expect(refused).toEqual([]);
  });

  it('npm start checks for the Electron binary before it builds', () => {
    expect(pkg.scripts.prestart).toBe('node scripts/ensure-electron.mjs');
    expect(pkg.scripts.sandbox).toBe('node out/tools/sandbox.js');
    expect(pkg.scripts.presandbox).toContain('vite.tools.config.ts');
  });
});
