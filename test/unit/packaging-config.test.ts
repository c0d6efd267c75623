import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AsyncTaskManager, DebugLogger } from 'builder-util';
import { Arch, DIR_TARGET, LinuxPackager, Packager, Platform } from 'app-builder-lib';
import type { AfterPackContext, Configuration, LinuxConfiguration } from 'app-builder-lib';
import { readAsar, type Node as AsarNode } from 'app-builder-lib/out/asar/asar.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { FileMatcher, GetFileMatchersOptions } from 'app-builder-lib/out/fileMatcher.js';
import { buildRelease, removeRelease } from './support/release-build.js';

const projectDir = new URL('../..', import.meta.url).pathname;

describe('electron-builder configuration', () => {
  it('passes app-builder-lib’s own schema validation, offline', async () => {
    const config = await getConfig(projectDir, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('rejects an unknown option (the validation is real)', async () => {
    const config = { ...(await getConfig(projectDir, null, null)), notAnOption: true } as Configuration;
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/notAnOption/);
  });

  it('sets the security fuses, asar, and the tray icons as extra resources', async () => {
    const config = await getConfig(projectDir, null, null);
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'build/tray', to: 'tray' })]);
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true });
    expect(config.mac?.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
      { target: 'pkg', arch: ['universal'] },
    ]);
    // The fuses are flipped after electron-builder would sign; unsigned, an arm64 app needs its ad-hoc signature back.
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
    expect(config.win?.target).toEqual(['nsis', 'msi']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBeTruthy();
  });

  it('publishes to GitHub releases as a release (not a draft, which electron-updater never offers)', async () => {
    const config = await getConfig(projectDir, null, null);
    expect(config.publish).toEqual({ provider: 'github', releaseType: 'release' });
  });
});

type ParsedPatterns = Parameters<FileMatcher['computeParsedPatterns']>[0];

/**
 * The steps of PlatformPackager.doPack (node_modules/app-builder-lib/out/platformPackager.js) that
 * choose the app's files and write app.asar. They are private in app-builder-lib's typings.
 */
interface DoPackSteps {
  getExtraFileMatchers(isResources: boolean, appOutDir: string, options: GetFileMatchersOptions): FileMatcher[] | null;
  computeAsarOptions(options: LinuxConfiguration): Promise<unknown>;
  copyAppFiles(
    taskManager: AsyncTaskManager,
    asarOptions: unknown,
    resourcePath: string,
    defaultDestination: string,
    packContext: AfterPackContext,
    platformSpecificBuildOptions: LinuxConfiguration,
    excludePatterns: ParsedPatterns,
    macroExpander: (pattern: string) => string,
  ): void;
}

/**
 * Packs the app's files of a project as electron-builder's Linux packager does: doPack's copy step,
 * the same calls in the same order (the `files` patterns through getMainFileMatchers, less what
 * extraResources/extraFiles take, the production node_modules, then app.asar), without the steps
 * around it that need Electron's binary (unpacking Electron before, fuses and signing after).
 * Returns the paths inside the app.asar it wrote.
 */
async function packAppFiles(projectDir: string): Promise<string[]> {
  let packed: string[] | undefined;
  class AppFilesOnly extends LinuxPackager {
    override async pack(outDir: string, arch: Arch): Promise<void> {
      const steps = this as unknown as DoPackSteps;
      const appOutDir = this.computeAppOutDir(outDir, arch);
      const options = this.createGetFileMatchersOptions(outDir, arch, this.platformSpecificBuildOptions);
      const excludePatterns: ParsedPatterns = [];
      for (const isResources of [true, false]) {
        for (const matcher of steps.getExtraFileMatchers(isResources, appOutDir, options) ?? []) {
          matcher.computeParsedPatterns(excludePatterns, this.projectDir);
        }
      }
      const asarOptions = await steps.computeAsarOptions(this.platformSpecificBuildOptions);
      if (asarOptions == null) throw new Error('asar is off');
      const resourcesPath = join(appOutDir, 'resources');
      const packContext = { appOutDir, outDir, arch, targets: [], packager: this, electronPlatformName: 'linux' } as AfterPackContext;
      const taskManager = new AsyncTaskManager(this.info.cancellationToken);
      steps.copyAppFiles(
        taskManager,
        asarOptions,
        resourcesPath,
        join(resourcesPath, 'app'),
        packContext,
        this.platformSpecificBuildOptions,
        excludePatterns,
        options.macroExpander,
      );
      await taskManager.awaitTasks();
      const list = (node: AsarNode, prefix: string): string[] =>
        Object.entries(node.files ?? {}).flatMap(([name, child]) =>
          child.files ? list(child, `${prefix}${name}/`) : [`${prefix}${name}`],
        );
      packed = list((await readAsar(join(resourcesPath, 'app.asar'))).header, '').sort();
    }
  }
  await new Packager({
    projectDir,
    targets: Platform.LINUX.createTarget(DIR_TARGET, Arch.x64),
    platformPackagerFactory: (info) => new AppFilesOnly(info),
  }).build();
  if (!packed) throw new Error('nothing was packed');
  return packed;
}

describe('the files electron-builder packs into app.asar', () => {
  it('are what the app runs: out/main, out/preload, out/renderer and package.json; not out/tools, sources or maps', async () => {
    // A project with the real package.json and electron-builder.yml and a tree like the one a build leaves.
    const fake = await mkdtemp(join(tmpdir(), 'umeet-packed-files-'));
    try {
      for (const file of ['package.json', 'electron-builder.yml']) await copyFile(join(projectDir, file), join(fake, file));
      const shipped = [
        'out/main/index.js',
        'out/main/chunks/services.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'out/renderer/assets/index.js',
        'out/renderer/assets/index.css',
      ];
      const notShipped = [
        'out/main/index.js.map',
        'out/renderer/assets/index.js.map',
        // The `umeet` CLI, the bench, the dev server, the API sandbox (with its demo credentials), the Electron stand-in.
        'out/tools/umeet.js',
        'out/tools/bench.js',
        'out/tools/dev-renderer.js',
        'out/tools/sandbox.js',
        'out/tools/electron-stand-in.js',
        'out/tools/assets/chunk.js',
        'out/other/x.js',
        'build/icon.png',
        'build/tray/tray.png',
        // Not a dependency of package.json (the app is bundled and has none), so electron-builder's node_modules collection adds nothing.
        'node_modules/x/package.json',
        'node_modules/x/index.js',
        'main/index.ts',
        'preload/index.ts',
        'renderer/src/App.tsx',
        'common/settings.ts',
        'cli/umeet.ts',
        'sandbox/server.ts',
        'test/unit/a.test.ts',
        'docs/architecture.md',
        'bench/results.json',
        'README.md',
        'tsconfig.json',
        'electron.vite.config.ts',
        '.env',
      ];
      for (const file of [...shipped, ...notShipped]) {
        await mkdir(dirname(join(fake, file)), { recursive: true });
        await writeFile(join(fake, file), file.endsWith('package.json') ? '{"name":"x","version":"1.0.0"}' : `// ${file}\n`);
      }
      expect(await packAppFiles(fake)).toEqual([...shipped, 'package.json'].sort());
    } finally {
      await rm(fake, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the installers IT pushes, as electron-builder’s own targets make them (offline, test/unit/support/release-build.ts)', () => {
  it('Windows: an MSI beside the NSIS installer, per machine into Program Files, no dialogs, not in the update feed', async () => {
    let project = '';
    const release = await buildRelease('win', '0.2.0', {
      config: { msiProjectCreated: async (path: string) => void (project = await readFile(path, 'utf8')) },
    });
    try {
      expect(release.files).toEqual(expect.arrayContaining(['Umeet-Tray-0.2.0.msi', 'Umeet-Tray-Setup-0.2.0.exe']));
      // The WiX project MsiTarget wrote (its template, app-builder-lib/templates/msi/template.xml).
      expect(project).toContain('<Property Id="ALLUSERS" Secure="yes" Value="1"/>');
      expect(project).toMatch(/<Directory Id="ProgramFiles64Folder">\s*<Directory Id="APPLICATIONFOLDER" Name="Umeet Tray"\/>/);
      // oneClick: no WixUI dialogs (so `msiexec /qn` and a full UI install the same), and nothing started at the end.
      expect(project).not.toMatch(/WixUI|UIRef/);
      expect(project).not.toMatch(/LaunchApplication|WixShellExec/);
      expect(project).toContain('<MajorUpgrade AllowSameVersionUpgrades="yes"');
      // electron-updater's feed names the NSIS installer only: an MSI install is updated by IT pushing the next MSI.
      expect(await readFile(join(release.dist, 'latest.yml'), 'utf8')).not.toContain('.msi');
    } finally {
      await removeRelease(release);
    }
  });

  it('macOS: one universal pkg into /Applications, not relocatable, beside the dmg and zip', async () => {
    const release = await buildRelease('mac', '0.2.0');
    try {
      expect(release.files).toEqual(
        expect.arrayContaining(['Umeet-Tray-0.2.0-mac-universal.pkg', 'Umeet-Tray-0.2.0-mac-arm64.dmg', 'Umeet-Tray-0.2.0-mac-x64.zip']),
      );
      const config = await getConfig(projectDir, null, null);
      expect(config.pkg).toMatchObject({
        installLocation: '/Applications',
        isRelocatable: false,
        allowAnywhere: false,
        allowCurrentUserHome: false,
      });
    } finally {
      await removeRelease(release);
    }
  });
});
