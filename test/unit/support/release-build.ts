import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Platform, build } from 'app-builder-lib';

/**
 * A release as `npm run package` makes it, computed offline by electron-builder's own pipeline: app-builder-lib's
 * `build()` with the project's electron-builder.yml and package.json, the packager factory of scripts/package.mjs,
 * and `prepackaged` (an app folder of a few bytes, so Electron's binary is not needed), as
 * linux-desktop-entry.test.ts does. Its targets run their own code: each computes its artifact's name, builds the
 * block map, and reports the artifact, from which electron-builder's PublishManager writes latest*.yml. What cannot
 * run offline is replaced by a function that writes the file the tool would have written, with bytes of its own:
 * the packing tools that electron-builder downloads (7-Zip, makensis with its uninstaller run under Wine, mksquashfs
 * with the AppImage runtime, fpm) and macOS's hdiutil. Each replacement is named below, at its module's export.
 */
const require = createRequire(import.meta.url);
const projectDir = new URL('../../..', import.meta.url).pathname;

/** The repository of the feed: electron-builder reads it from the checkout's origin, which a test clone lacks. */
export const FEED_REPOSITORY = { owner: 'umeet-test', repo: 'umeet-tray' } as const;

export interface ReleaseBuild {
  /** The folder electron-builder wrote to: the installers, their block maps, latest*.yml. */
  dist: string;
  /** Every file there, by name. */
  files: string[];
  /** The prepackaged app folder (linux-unpacked, win-unpacked, or the .app). */
  app: string;
  /** Whether resources/package-type was in the app folder when the AppImage packed it (Linux only). */
  appImagePackedMarker?: string | undefined;
}

type Writer = (file: string) => Promise<void>;
let stubsInstalled = false;
/** What the replaced AppImage packing saw, for the one build running at a time. */
let onAppImagePack: ((appDir: string) => Promise<void>) | undefined;
let debStarted: (() => void) | undefined;
let debAtFpm: (() => void) | undefined;

const writeBytes: Writer = async (file) => {
  await mkdir(dirname(file), { recursive: true });
  // Bytes of its own per file, so that each sha512 in the feed names one file.
  await writeFile(file, `stand-in for ${file.split('/').pop()}\n${'x'.repeat(4096)}\n`);
};

function installStubs(): void {
  if (stubsInstalled) return;
  stubsInstalled = true;
  // 7-Zip (downloaded by app-builder-lib's toolsets/7zip.js): the mac zip, NSIS's app package.
  const archive = require('app-builder-lib/out/targets/archive.js') as { archive: (format: string, outFile: string) => Promise<string> };
  archive.archive = async (_format, outFile) => {
    await writeBytes(outFile);
    return outFile;
  };
  // makensis, and the uninstaller it builds, which electron-builder runs under Wine off Windows.
  const { NsisTarget } = require('app-builder-lib/out/targets/nsis/NsisTarget.js') as {
    NsisTarget: { prototype: Record<string, unknown> };
  };
  // elevate.exe, taken from the NSIS bundle (downloaded by toolsets/windows.js) into the app package.
  const { CopyElevateHelper } = require('app-builder-lib/out/targets/nsis/nsisUtil.js') as {
    CopyElevateHelper: { prototype: Record<string, unknown> };
  };
  CopyElevateHelper.prototype.addToArchive = async () => undefined;
  // The script's header and body name NSIS's plugins and resources (downloaded by toolsets/windows.js); makensis,
  // replaced, reads no script.
  NsisTarget.prototype.computeCommonInstallerScriptHeader = async () => '';
  NsisTarget.prototype.computeFinalScript = async () => '';
  NsisTarget.prototype.computeScriptAndSignUninstaller = async () => ({ script: '', isCustomScript: true });
  NsisTarget.prototype.executeMakensis = async (_defines: unknown, commands: { OutFile: string }) =>
    writeBytes(commands.OutFile.replace(/^"|"$/g, ''));
  // mksquashfs and the AppImage runtime (downloaded by toolsets/linux.js): the moment the real one copies appDir.
  const appImage = require('app-builder-lib/out/targets/appimage/appImageUtil.js') as Record<
    string,
    (options: { appDir: string; output: string }) => Promise<undefined>
  >;
  for (const name of ['buildLegacyFuse2AppImage', 'buildStaticRuntimeAppImage'] as const) {
    appImage[name] = async (...args: unknown[]) => {
      const { appDir, output } = args[args.length - 1] as { appDir: string; output: string };
      await onAppImagePack?.(appDir);
      await writeBytes(output);
      return undefined;
    };
  }
  // fpm (downloaded by toolsets/linux.js): writes the package named by --package.
  const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget.js') as { default: { prototype: Record<string, unknown> } };
  const build = FpmTarget.prototype.build as (this: unknown, ...args: unknown[]) => Promise<void>;
  FpmTarget.prototype.build = function (this: unknown, ...args: unknown[]) {
    debStarted?.();
    return build.apply(this, args);
  };
  FpmTarget.prototype.executeFpm = async (_target: string, configuration: { args: string[] }) => {
    debAtFpm?.();
    await writeBytes(configuration.args[configuration.args.indexOf('--package') + 1]!);
  };
  // The icon converter (downloaded by toolsets/icons.js): the .ico for Windows, the .icns for macOS.
  const icons = require('app-builder-lib/out/toolsets/icons.js') as {
    runIconsTool: (options: { outputFormat: string; outDir: string }) => Promise<void>;
  };
  icons.runIconsTool = async ({ outputFormat, outDir }) => {
    await mkdir(outDir, { recursive: true });
    if (outputFormat === 'ico') {
      // One 256×256 image (a width and height of 0 mean 256), as the real tool's largest.
      const image = Buffer.alloc(64);
      const header = Buffer.from([0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 32, 0, ...u32(image.length), ...u32(22)]);
      await writeFile(join(outDir, 'icon.ico'), Buffer.concat([header, image]));
    } else await writeFile(join(outDir, `icon.${outputFormat}`), 'icon');
  };
  // WiX's candle and light (downloaded by binDownload, run under Wine off Windows): the MSI light writes (`-out`). The
  // WiX project before them is electron-builder's own (MsiTarget.writeManifest), kept for the test to read.
  const binDownload = require('app-builder-lib/out/binDownload.js') as { getBinFromUrl: (...args: unknown[]) => Promise<string> };
  const getBinFromUrl = binDownload.getBinFromUrl;
  binDownload.getBinFromUrl = async (...args) => (String(args[0]).startsWith('wix-') ? '/stand-in/wix' : getBinFromUrl(...args));
  const { WineVmManager } = require('app-builder-lib/out/vm/WineVm.js') as { WineVmManager: { prototype: Record<string, unknown> } };
  WineVmManager.prototype.exec = async (file: string, args: string[]) => {
    if (!/(candle|light)\.exe$/.test(file)) throw new Error(`not stood in: ${file}`);
    const out = args.indexOf('-out');
    if (out >= 0) await writeBytes(args[out + 1]!.replace(/^Z:/, '').replaceAll('\\', '/'));
    return '';
  };
  // Keychain look-ups (macOS's `security`): no Developer ID Installer identity, as on a build without a certificate.
  const codeSign = require('app-builder-lib/out/codeSign/macCodeSign.js') as { findIdentity: () => Promise<null> };
  codeSign.findIdentity = async () => null;
  // pkgbuild and productbuild (macOS only): the component package, the distribution file, the product archive.
  const { PkgTarget } = require('app-builder-lib/out/targets/pkg.js') as { PkgTarget: { prototype: Record<string, unknown> } };
  PkgTarget.prototype.buildComponentPackage = async (_app: string, _plist: string, inner: string) => writeBytes(inner);
  PkgTarget.prototype.customizeDistributionConfiguration = async (distribution: string) => writeBytes(distribution);
  const util = require('builder-util') as { exec: (file: string, args?: string[], ...rest: unknown[]) => Promise<string> };
  const exec = util.exec;
  util.exec = async (file, args, ...rest) => {
    if (file !== 'productbuild') return exec(file, args, ...rest);
    await writeBytes(args![args!.length - 1]!);
    return '';
  };
  // hdiutil (macOS only).
  const dmg = require('dmg-builder/out/dmgUtil.js') as { customizeDmg: (options: { artifactPath: string }) => Promise<boolean> };
  dmg.customizeDmg = async ({ artifactPath }) => {
    await writeBytes(artifactPath);
    return true;
  };
}

const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >> 24) & 0xff];

const platforms = { linux: Platform.LINUX, win: Platform.WINDOWS, mac: Platform.MAC } as const;

/**
 * Builds the release of `version` for one OS, the targets and architectures electron-builder.yml names for it.
 * `config` is merged over electron-builder.yml (a test's variation); the feed's repository is always set.
 */
export async function buildRelease(
  os: keyof typeof platforms,
  version: string,
  options: { config?: Record<string, unknown>; /** The app folder as an earlier deb build left it. */ debMarker?: boolean } = {},
): Promise<ReleaseBuild> {
  installStubs();
  const scratch = await mkdtemp(join(tmpdir(), `umeet-release-${os}-`));
  const dist = join(scratch, 'dist');
  const app = os === 'mac' ? join(scratch, 'mac', 'Umeet Tray.app') : join(scratch, `${os}-unpacked`);
  const resources = os === 'mac' ? join(app, 'Contents', 'Resources') : join(app, 'resources');
  await mkdir(resources, { recursive: true });
  await writeFile(join(resources, 'app.asar'), 'asar');
  if (options.debMarker) await writeFile(join(resources, 'package-type'), 'deb');
  let appImagePackedMarker: string | undefined;
  let deb = { started: false, atFpm: Promise.resolve() };
  let reachFpm = () => undefined as void;
  debStarted = () => {
    deb = { started: true, atFpm: new Promise<void>((resolve) => (reachFpm = resolve)) };
  };
  debAtFpm = () => reachFpm();
  onAppImagePack = async (appDir) => {
    // A deb building at the same time writes its marker before fpm runs: wait for that point, so that what the
    // AppImage packs does not depend on which target the event loop happened to serve first.
    if (deb.started) await deb.atFpm;
    const marker = join(appDir, 'resources', 'package-type');
    appImagePackedMarker = existsSync(marker) ? (await readFile(marker, 'utf8')).trim() : undefined;
  };
  const { platformPackagerFactory } = (await import('../../../scripts/package.mjs')) as {
    platformPackagerFactory: NonNullable<Parameters<typeof build>[0]['platformPackagerFactory']>;
  };
  try {
    const publish = { provider: 'github' as const, releaseType: 'release' as const, ...FEED_REPOSITORY };
    await build({
      projectDir,
      // No target named: electron-builder.yml's, at the architectures it names (as `npm run package` on that OS).
      targets: platforms[os].createTarget(),
      prepackaged: app,
      publish: 'never',
      platformPackagerFactory,
      config: { extraMetadata: { version }, directories: { output: dist }, publish, ...options.config },
    });
  } finally {
    onAppImagePack = undefined;
    debStarted = undefined;
    debAtFpm = undefined;
  }
  const files = (await readdir(dist, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  return { dist, files: files.sort(), app, appImagePackedMarker };
}

export async function removeRelease(release: ReleaseBuild): Promise<void> {
  await rm(dirname(release.dist), { recursive: true, force: true });
}
