import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { NodeHttpExecutor } from 'builder-util';
import { CancellationToken, configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';
import { AppImageUpdater, DebUpdater, NsisUpdater, type AppUpdater } from 'electron-updater';
import { ElectronAppAdapter } from 'electron-updater/out/ElectronAppAdapter.js';
import { MacUpdater } from 'electron-updater/out/MacUpdater.js';
import { GitHubProvider } from 'electron-updater/out/providers/GitHubProvider.js';
import { findFile } from 'electron-updater/out/providers/Provider.js';
import type { ResolvedUpdateFileInfo } from 'electron-updater/out/types.js';
import { buildRelease, FEED_REPOSITORY, removeRelease, type ReleaseBuild } from './support/release-build.js';

/**
 * The first update, end to end, with the real tools' code: electron-builder builds v0.2.0 of each OS from the
 * project's electron-builder.yml (support/release-build.ts: its own targets name the files and write latest*.yml);
 * the workflow's upload takes the files its globs match; GitHub renames what it receives; a server on 127.0.0.1
 * lays the release out as github.com does; and electron-updater's own updaters, running as v0.1.0, check and
 * download from it. The file each asks for must be there, with the bytes latest*.yml promises.
 *
 * Stood in for: Electron's `net` (electron-updater's ElectronHttpExecutor) by builder-util's NodeHttpExecutor, and
 * Electron's `app` by an ElectronAppAdapter over a small object, as electron-builder's own updater tests do
 * (test/src/helpers/updaterTestUtil.ts, TestAppAdapter.ts). MacUpdater needs Electron's native autoUpdater to be
 * constructed, so on macOS the choice of file runs as its doDownloadUpdate makes it: GitHubProvider's resolveFiles,
 * MacUpdater.filterFilesForArch, then findFile for the zip.
 */

// main/electron/updater.ts and login-item.ts import Electron's `app`: the one stand-in.
vi.mock('electron', () => import('../stand-in/electron.js'));

const CURRENT = '0.1.0';
const NEXT = '0.2.0';
const TAG = `v${NEXT}`;
const root = new URL('../..', import.meta.url).pathname;

/**
 * What GitHub does to an uploaded asset's name: a character outside letters, digits, `.`, `-` and `_` becomes a
 * dot, and leading or trailing dots go ("Umeet Tray Setup 0.1.0.exe" is served as "Umeet.Tray.Setup.0.1.0.exe":
 * electron-builder #6099 and #3642; GitHub's docs, "About releases": it renames assets with special characters).
 */
export const githubAssetName = (name: string) => name.replace(/[^\w.-]/g, '.').replace(/^\.+|\.+$/g, '');

/** The files the workflow's build job uploads (actions/upload-artifact's `path` globs) and the release job publishes. */
function uploaded(release: ReleaseBuild): string[] {
  const ci = YAML.parse(readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8')) as {
    jobs: { build: { steps: { uses?: string; with?: { path?: string } }[] } };
  };
  const globs = String(ci.jobs.build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.path)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const patterns = globs.map((glob) => {
    if (!glob.startsWith('dist/') || glob.slice(5).includes('/')) throw new Error(`an upload path this test does not read: ${glob}`);
    return new RegExp(
      `^${glob
        .slice(5)
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')}$`,
    );
  });
  return release.files.filter((file) => patterns.some((pattern) => pattern.test(file)));
}

interface Asset {
  name: string;
  bytes: Buffer;
}

/** github.com's release download URLs and the two reads GitHubProvider makes first, for one release. */
async function githubLikeServer(assets: Asset[]) {
  const requests: { path: string; status: number }[] = [];
  const { owner, repo } = FEED_REPOSITORY;
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const answer = (status: number, body: string | Buffer, type = 'text/plain') => {
      requests.push({ path, status });
      response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body);
    };
    if (path === `/${owner}/${repo}/releases.atom`) {
      const base = `http://${request.headers.host}/${owner}/${repo}/releases/tag`;
      return answer(
        200,
        `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:github.com,2008:/${owner}/${repo}/releases</id>` +
          `<entry><id>tag:github.com,2008:Repository/1/${TAG}</id><link rel="alternate" type="text/html" href="${base}/${TAG}"/>` +
          `<title>Umeet Tray ${TAG}</title><content type="html">No content.</content></entry></feed>`,
        'application/atom+xml',
      );
    }
    // A host other than github.com is asked through the API of GitHub Enterprise's layout (GitHubProvider.getLatestTagName).
    if (path === `/api/v3/repos/${owner}/${repo}/releases/latest`)
      return answer(200, JSON.stringify({ tag_name: TAG }), 'application/json');
    const prefix = `/${owner}/${repo}/releases/download/${TAG}/`;
    const asset = path.startsWith(prefix) && assets.find((a) => a.name === path.slice(prefix.length));
    if (asset) return answer(200, asset.bytes, 'application/octet-stream');
    return answer(404, 'Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { host, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Node's http in place of Electron's net: builder-util's NodeHttpExecutor, with the `download` that electron-updater's
 * ElectronHttpExecutor has (out/electronHttpExecutor.js), line for line. The rest (following redirects, the sha512
 * check of the bytes, progress) is their common base, builder-util-runtime's HttpExecutor.doDownload.
 */
class NodeDownloadExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers || undefined, redirect: 'manual' };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

/** electron-builder's TestAppAdapter: Electron's `app` as the updater reads it, for an installed v0.1.0. */
class InstalledApp extends ElectronAppAdapter {
  constructor(private readonly cache: string) {
    super({
      getVersion: () => CURRENT,
      getName: () => 'Umeet Tray',
      getAppPath: () => '',
      getPath: () => cache,
      on: () => undefined,
      once: () => undefined,
      isReady: () => true,
    } as never);
  }
  override get baseCachePath() {
    return this.cache;
  }
  override get userDataPath() {
    return this.cache;
  }
  override get isPackaged() {
    return true;
  }
  override whenReady() {
    return Promise.resolve();
  }
  override quit() {}
  /** What electron-updater runs when the app quits (BaseUpdater.addQuitHandler): the test quits by calling them. */
  readonly quitHandlers: ((exitCode: number) => void)[] = [];
  override onQuit(handler: (exitCode: number) => void) {
    this.quitHandlers.push(handler);
  }
}

const builds: Partial<Record<'win' | 'mac' | 'linux', ReleaseBuild>> = {};
let server: Awaited<ReturnType<typeof githubLikeServer>>;
let scratch: string;
/** app-update.yml as electron-builder wrote it into the app, pointed at the server above. */
let updateConfig: string;

beforeAll(async () => {
  for (const os of ['win', 'mac', 'linux'] as const) builds[os] = await buildRelease(os, NEXT);
  const assets: Asset[] = [];
  for (const release of Object.values(builds)) {
    for (const file of uploaded(release!)) assets.push({ name: githubAssetName(file), bytes: await readFile(join(release!.dist, file)) });
  }
  server = await githubLikeServer(assets);
  scratch = await mkdtemp(join(tmpdir(), 'umeet-feed-'));
  const written = YAML.parse(await readFile(join(builds.linux!.app, 'resources', 'app-update.yml'), 'utf8')) as Record<string, unknown>;
  updateConfig = join(scratch, 'app-update.yml');
  await writeFile(updateConfig, YAML.stringify({ ...written, host: server.host, protocol: 'http' }));
}, 120_000);

afterAll(async () => {
  await server?.close();
  for (const release of Object.values(builds)) await removeRelease(release!);
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const feedOf = async (os: 'win' | 'mac' | 'linux', name: string) =>
  YAML.parse(await readFile(join(builds[os]!.dist, name), 'utf8')) as {
    version: string;
    path: string;
    files: { url: string; sha512: string }[];
  };

describe('the release’s files: the installers, latest*.yml and the assets GitHub serves have the same names', () => {
  it.each([
    ['win', 'latest.yml'],
    ['mac', 'latest-mac.yml'],
    ['linux', 'latest-linux.yml'],
  ] as const)('%s: every file %s names is uploaded by the workflow and served under that name', async (os, feed) => {
    const info = await feedOf(os, feed);
    expect(info.version).toBe(NEXT);
    const assets = uploaded(builds[os]!).map(githubAssetName);
    expect(assets).toContain(feed);
    for (const url of [info.path, ...info.files.map((file) => file.url)]) {
      expect(url, 'no space: GitHub would rename it').not.toMatch(/\s/);
      expect(assets, url).toContain(url);
    }
  });

  it('names every installer without a space, as the README tells users to find them', () => {
    const all = Object.values(builds).flatMap((release) => uploaded(release!));
    expect(all.filter((file) => /\s/.test(file))).toEqual([]);
    expect(all).toEqual(
      expect.arrayContaining([
        `Umeet-Tray-Setup-${NEXT}.exe`,
        `Umeet-Tray-${NEXT}.msi`,
        `Umeet-Tray-${NEXT}-mac-universal.pkg`,
        `Umeet-Tray-${NEXT}-mac-arm64.dmg`,
        `Umeet-Tray-${NEXT}-mac-arm64.zip`,
        `Umeet-Tray-${NEXT}-mac-x64.dmg`,
        `Umeet-Tray-${NEXT}-mac-x64.zip`,
        `Umeet-Tray-${NEXT}-x86_64.AppImage`,
        `umeet-tray_${NEXT}_amd64.deb`,
      ]),
    );
  });
});

describe('electron-updater, installed as v0.1.0, finds v0.2.0 and downloads the file the feed names', () => {
  async function update(updater: AppUpdater, platform: NodeJS.Platform) {
    const tune = updater as unknown as { httpExecutor: unknown; _testOnlyOptions: unknown };
    tune.httpExecutor = new NodeDownloadExecutor();
    tune._testOnlyOptions = { platform };
    updater.updateConfigPath = updateConfig;
    updater.autoDownload = false;
    updater.logger = null;
    const before = server.requests.length;
    const check = await updater.checkForUpdates();
    expect(check?.isUpdateAvailable).toBe(true);
    expect(check?.updateInfo.version).toBe(NEXT);
    const [downloaded] = await updater.downloadUpdate();
    const asked = server.requests.slice(before).filter((r) => r.path.includes('/releases/download/'));
    return { downloaded: downloaded!, asked };
  }

  it('Windows (NsisUpdater): Umeet-Tray-Setup-0.2.0.exe', async () => {
    const { downloaded, asked } = await update(new NsisUpdater(null, new InstalledApp(join(scratch, 'win'))), 'win32');
    expect(asked.filter((r) => r.status !== 200).map((r) => r.path)).toEqual(differentialMisses(asked));
    expect(await readFile(downloaded)).toEqual(await readFile(join(builds.win!.dist, `Umeet-Tray-Setup-${NEXT}.exe`)));
  });

  it('Linux, AppImage (AppImageUpdater): the AppImage', async () => {
    const old = join(scratch, `Umeet-Tray-${CURRENT}-x86_64.AppImage`);
    await writeFile(old, 'the installed AppImage');
    process.env.APPIMAGE = old;
    try {
      const { downloaded, asked } = await update(new AppImageUpdater(null, new InstalledApp(join(scratch, 'appimage'))), 'linux');
      expect(asked.filter((r) => r.status !== 200).map((r) => r.path)).toEqual(differentialMisses(asked));
      expect(await readFile(downloaded)).toEqual(await readFile(join(builds.linux!.dist, `Umeet-Tray-${NEXT}-x86_64.AppImage`)));
    } finally {
      delete process.env.APPIMAGE;
    }
  });

  it('Linux, deb (DebUpdater): the deb', async () => {
    const { downloaded, asked } = await update(new DebUpdater(null, new InstalledApp(join(scratch, 'deb'))), 'linux');
    expect(asked.every((r) => r.status === 200)).toBe(true);
    expect(await readFile(downloaded)).toEqual(await readFile(join(builds.linux!.dist, `umeet-tray_${NEXT}_amd64.deb`)));
  });

  it.each([
    ['Apple silicon', 'arm64', true],
    ['Intel', 'x64', false],
  ] as const)('macOS on %s (MacUpdater’s choice): the %s zip', async (_mac, arch, arm64) => {
    const executor = new NodeDownloadExecutor();
    const publish = YAML.parse(await readFile(updateConfig, 'utf8')) as ConstructorParameters<typeof GitHubProvider>[0];
    const updaterView = { channel: null, allowPrerelease: false, fullChangelog: false, currentVersion: { raw: CURRENT } };
    const provider = new GitHubProvider(publish, updaterView as never, {
      executor: executor as never,
      platform: 'darwin',
      isUseMultipleRangeRequest: false,
    });
    const info = await provider.getLatestVersion();
    expect(info.version).toBe(NEXT);
    // MacUpdater.filterFilesForArch is static and protected: called as its doDownloadUpdate calls it.
    const filterFilesForArch = (
      MacUpdater as unknown as { filterFilesForArch: (files: ResolvedUpdateFileInfo[], arm64: boolean) => ResolvedUpdateFileInfo[] }
    ).filterFilesForArch;
    const zip = findFile(filterFilesForArch(provider.resolveFiles(info), arm64), 'zip', ['pkg', 'dmg']);
    expect(zip?.info.url).toBe(`Umeet-Tray-${NEXT}-mac-${arch}.zip`);
    const destination = join(scratch, `mac-${arch}.zip`);
    await executor.download(zip!.url, destination, {
      sha512: zip!.info.sha512,
      cancellationToken: new CancellationToken(),
    } as DownloadOptions);
    expect(await readFile(destination)).toEqual(await readFile(join(builds.mac!.dist, `Umeet-Tray-${NEXT}-mac-${arch}.zip`)));
  });
});

/**
 * The requests that may miss: a differential download's block map of the running version, which electron-updater
 * looks for beside the new file (Provider.getBlockMapFiles: the new URL with the version replaced), where a GitHub
 * release never has it; it then downloads the whole file. Nothing else.
 */
function differentialMisses(asked: { path: string; status: number }[]): string[] {
  return asked.filter((r) => r.status !== 200 && r.path.endsWith(`${CURRENT}.exe.blockmap`)).map((r) => r.path);
}

describe('the app’s updater (main/electron/updater.ts) over electron-updater’s Linux updaters', () => {
  /** An updater of `kind` set up by the app's adapter, for an installed v0.1.0, against the release above. */
  async function appUpdater(kind: 'deb' | 'appimage', onAppImageMoved?: (path: string) => void) {
    const { createUpdater } = await import('../../main/electron/updater.js');
    const installed = new InstalledApp(join(scratch, `adapter-${kind}`));
    const updater = kind === 'deb' ? new DebUpdater(null, installed) : new AppImageUpdater(null, installed);
    const tune = updater as unknown as { httpExecutor: unknown; _testOnlyOptions: unknown; spawnSyncLog: unknown };
    tune.httpExecutor = new NodeDownloadExecutor();
    tune._testOnlyOptions = { platform: 'linux' };
    updater.updateConfigPath = updateConfig;
    // The package tool is never run here: what the updater would run is recorded instead (LinuxUpdater runs every
    // command, dpkg, apt, pkexec and the check for them, through spawnSyncLog).
    const commands: string[] = [];
    tune.spawnSyncLog = (command: string, args: string[] = []) => {
      commands.push([command, ...args].join(' '));
      return '';
    };
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const port = createUpdater({
      log: log as never,
      beforeInstall: () => undefined,
      updater,
      ...(onAppImageMoved ? { onAppImageMoved } : {}),
    });
    return { port, updater, installed, commands, lines };
  }

  it('the deb: downloads with its progress, and installs nothing at quit (no pkexec at a logout)', async () => {
    const { port, updater, installed, commands } = await appUpdater('deb');
    expect(await port.check()).toEqual({ version: NEXT });
    const progress: number[] = [];
    await port.download((percent) => progress.push(percent));
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The app quits (a logout): electron-updater's quit handlers run, with exit code 0.
    for (const handler of installed.quitHandlers) handler(0);
    expect(commands).toEqual([]);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('the AppImage: installs at quit, and the autostart entry follows the AppImage to its new name', async () => {
    const home = join(scratch, 'appimage-home');
    const old = join(home, 'Applications', `Umeet-Tray-${CURRENT}-x86_64.AppImage`);
    await mkdir(join(home, 'Applications'), { recursive: true });
    await writeFile(old, 'the installed AppImage');
    process.env.APPIMAGE = old;
    process.env.XDG_CONFIG_HOME = join(home, 'config');
    try {
      // Start at login is on: the entry starts the installed AppImage.
      const { createLoginItem } = await import('../../main/electron/login-item.js');
      await createLoginItem().set(true);
      const entry = join(home, 'config', 'autostart', 'umeet-tray.desktop');
      expect(await readFile(entry, 'utf8')).toContain(`Exec=${old} `);

      const { port, updater, installed } = await appUpdater('appimage');
      expect(await port.check()).toEqual({ version: NEXT });
      await port.download();
      expect(updater.autoInstallOnAppQuit).toBe(true);
      for (const handler of installed.quitHandlers) handler(0);

      // AppImageUpdater moved the new version to its own name beside the old one, and removed the old one.
      const moved = join(home, 'Applications', `Umeet-Tray-${NEXT}-x86_64.AppImage`);
      expect(existsSync(old)).toBe(false);
      expect(await readFile(moved)).toEqual(await readFile(join(builds.linux!.dist, `Umeet-Tray-${NEXT}-x86_64.AppImage`)));
      const rewritten = await readFile(entry, 'utf8');
      expect(rewritten).toContain(`Exec=${moved} --ozone-platform=x11 --hidden`);
      expect(rewritten).not.toContain(old);
    } finally {
      delete process.env.APPIMAGE;
      delete process.env.XDG_CONFIG_HOME;
    }
  });

  it('an AppImage whose start at login is off: nothing is written', async () => {
    const home = join(scratch, 'appimage-off');
    process.env.XDG_CONFIG_HOME = join(home, 'config');
    try {
      const { followAppImageMove } = await import('../../main/electron/login-item.js');
      followAppImageMove(join(home, 'Umeet-Tray-0.2.0-x86_64.AppImage'));
      expect(existsSync(join(home, 'config'))).toBe(false);
    } finally {
      delete process.env.XDG_CONFIG_HOME;
    }
  });

  it('a process started from an AppImage gets the AppImageUpdater, whatever package-type its resources hold', async () => {
    const { updaterFor } = await import('../../main/electron/updater.js');
    const installed = new InstalledApp(join(scratch, 'chosen'));
    expect(updaterFor({ APPIMAGE: '/home/u/Umeet-Tray-0.1.0-x86_64.AppImage' }, 'linux', installed)).toBeInstanceOf(AppImageUpdater);
  });
});
