import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBinary, parse as parsePlist } from 'plist';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { z } from 'zod';
import type { Timers } from '../../main/ports.js';
import { buildMenuModel, findEntry, type MenuEntry } from '../../main/tray/menu-model.js';
import { trayStateOf } from '../../main/tray/tray-state.js';
import { bundleOf, isRealSignature } from '../../main/updates/mac-signature.js';
import { UPDATE_INTERVAL_MS, type UpdaterPort } from '../../main/updates/update-service.js';
import { linuxFileSource } from '../../main/policy/linux-file.js';
import { macPlistSource } from '../../main/policy/macos-plist.js';
import { regExportPort } from '../../main/policy/reg-export-port.js';
import { BUNDLE_ID } from '../../main/policy/select-source.js';
import { splitDocument, type PolicySource } from '../../main/policy/source.js';
import { windowsRegistrySource } from '../../main/policy/windows-registry.js';
import { appUnderTest, type AppUnderTest } from './support/app-under-test.js';
import { testPolicy } from './support/test-policy.js';
import { useSandbox } from './support/sandbox.js';

// Updates against a LOCAL FEED: a real node:http server on 127.0.0.1 serves a latest.yml made here (as
// electron-builder writes it: version, files with url/sha512/size, path, sha512, releaseDate) and the
// installer it names. The port is a client of that feed, reading it over HTTP and parsing it with the
// YAML library the workflow test uses; the service (main/updates/update-service.ts) decides by semver.
const sandbox = useSandbox();

// ---------------------------------------------------------------------------------------------
// The feed

const installer = Buffer.from('not really an installer, but its bytes are checked');
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

function latestYml(version: string, bytes = installer): string {
  const file = `Umeet-Tray-Setup-${version}.exe`;
  return YAML.stringify({
    version,
    files: [{ url: file, sha512: sha512(bytes), size: bytes.length }],
    path: file,
    sha512: sha512(bytes),
    releaseDate: '2026-11-20T08:00:00.000Z',
  });
}

type Route = (request: IncomingMessage, response: ServerResponse) => void;
let server: Server;
let feedUrl = '';
let requests: string[] = [];
let routes: Record<string, Route> = {};

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const route = routes[request.url ?? ''];
    if (route) return route(request, response);
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  requests = [];
  routes = {};
});

/** The feed offers `version` (its installer too, unless the test says what to serve instead). */
function offer(version: string, body = latestYml(version)) {
  routes['/latest.yml'] = (_request, response) => response.writeHead(200, { 'content-type': 'text/yaml' }).end(body);
  routes[`/Umeet-Tray-Setup-${version}.exe`] = (_request, response) =>
    response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(installer);
}

// ---------------------------------------------------------------------------------------------
// A port that reads the feed as electron-updater does: latest.yml, then the file it names, checked by sha512.

const FeedFile = z.object({ url: z.string().min(1), sha512: z.string().min(1), size: z.number().int().positive() });
const LatestYml = z.object({
  version: z.string().min(1),
  files: z.array(FeedFile).min(1),
  path: z.string().min(1),
  sha512: z.string().min(1),
  releaseDate: z.string().min(1),
});

function feedClient(base: string, options: { support?: 'ok' | 'unsigned' } = {}) {
  const record = { installs: 0, downloaded: [] as string[] };
  let found: z.infer<typeof LatestYml> | undefined;
  const get = async (path: string) => {
    const response = await fetch(new URL(path, base));
    // electron-updater's HttpError: the status first, the body after.
    if (!response.ok) throw new Error(`HttpError: ${response.status} ${response.statusText}\n"body": ${await response.text()}`);
    return response;
  };
  const port: UpdaterPort = {
    support: async () => options.support ?? 'ok',
    async check() {
      const parsed = LatestYml.safeParse(YAML.parse(await (await get('latest.yml')).text()));
      if (!parsed.success) throw new Error('Cannot parse update info from latest.yml: not an update feed');
      found = parsed.data;
      return { version: found.version };
    },
    async download() {
      const file = found?.files[0];
      if (!file) throw new Error('Please check update first');
      const bytes = Buffer.from(await (await get(file.url)).arrayBuffer());
      if (sha512(bytes) !== file.sha512) throw new Error(`sha512 checksum mismatch, expected ${file.sha512}, got ${sha512(bytes)}`);
      record.downloaded.push(file.url);
    },
    quitAndInstall: () => void (record.installs += 1),
  };
  return { port, record };
}

/** Timers that never fire by themselves: the test counts them and fires them. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    setTimeout(callback, ms) {
      pending.set(++next, { callback, ms });
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  const fire = () => {
    const [first] = [...pending];
    if (!first) throw new Error('no timer pending');
    pending.delete(first[0]);
    first[1].callback();
  };
  return { timers, pending, fire };
}

const apps: AppUnderTest[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function updatingApp(options: {
  port?: UpdaterPort;
  packaged?: boolean;
  version?: string;
  automatic?: boolean;
  timers?: Timers;
  policy?: PolicySource;
}) {
  const loads = { count: 0 };
  const dialogs = { confirms: 0 };
  const app = await appUnderTest({
    sandbox: sandbox(),
    ports: {
      facts: { name: 'Umeet Tray', version: options.version ?? '0.1.0', platform: process.platform },
      confirm: async () => {
        dialogs.confirms += 1;
        return true;
      },
      ...(options.timers ? { timers: options.timers } : {}),
      ...(options.policy ? { policy: options.policy } : {}),
      updater: {
        packaged: options.packaged ?? true,
        load: async () => {
          loads.count += 1;
          return options.port ?? feedClient(feedUrl).port;
        },
      },
    },
  });
  apps.push(app);
  if (options.automatic === false) await app.ipc.updateSettings({ checkForUpdates: false });
  const menu = () => buildMenuModel(trayStateOf(app.state(), new Date()));
  return { app, loads, dialogs, menu };
}

const label = (model: readonly MenuEntry[], id: string) => {
  const entry = findEntry(model, id);
  return entry && entry.kind !== 'separator' ? entry.label : undefined;
};
const settled = (app: AppUnderTest) => expect.poll(() => app.state().updates.status.state).not.toMatch(/checking|available|downloading/);

// ---------------------------------------------------------------------------------------------

describe('when the app checks', () => {
  it('never in an unpackaged run: no request reaches the feed, no updater is loaded, no timer, no menu entries', async () => {
    offer('0.2.0');
    const { timers, pending } = manualTimers();
    const { app, loads, menu } = await updatingApp({ packaged: false, timers });
    app.begin();
    expect(await app.run({ type: 'check-for-updates' })).toMatchObject({
      ok: false,
      error: { message: 'Updates are for installed builds only.' },
    });
    expect(app.state().updates.status).toEqual({ state: 'unsupported', reason: 'unpackaged' });
    expect(requests).toEqual([]);
    expect(loads.count).toBe(0);
    expect(pending.size).toBe(0);
    expect(findEntry(menu(), 'check-for-updates')).toBeUndefined();
  });

  it('not automatically when the setting is off (no request, no timer); "Check for updates…" still works', async () => {
    offer('0.1.0');
    const { timers, pending } = manualTimers();
    const { app, menu } = await updatingApp({ automatic: false, timers });
    app.begin();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toEqual([]);
    expect(pending.size).toBe(0);
    expect(label(menu(), 'check-for-updates')).toBe('Check for updates…');
    expect(findEntry(menu(), 'update-status')).toBeUndefined();

    expect(await app.run({ type: 'check-for-updates' })).toMatchObject({ ok: true });
    expect(requests).toEqual(['/latest.yml']);
    expect(label(menu(), 'update-status')).toBe('Up to date (v0.1.0)');
    // A manual check adds no timer while automatic checks are off.
    expect(pending.size).toBe(0);
  });

  it('at start, then on ONE timer of 12 hours: each check replaces it, a manual one too; turning the setting off clears it', async () => {
    offer('0.1.0');
    const { timers, pending, fire } = manualTimers();
    const { app } = await updatingApp({ timers });
    app.begin();
    // The first check goes once the company policy is known (it may lock automatic checks off).
    await expect.poll(() => requests).toEqual(['/latest.yml']);
    await settled(app);
    expect([...pending.values()].map((timer) => timer.ms)).toEqual([UPDATE_INTERVAL_MS]);
    expect(UPDATE_INTERVAL_MS).toBe(12 * 60 * 60 * 1000);

    await app.run({ type: 'check-for-updates' });
    expect(pending.size).toBe(1);
    fire();
    await expect.poll(() => requests.length).toBe(3);
    await settled(app);
    expect(pending.size).toBe(1);

    expect(await app.ipc.updateSettings({ checkForUpdates: false })).toMatchObject({ ok: true });
    expect(pending.size).toBe(0);
    expect(await app.ipc.updateSettings({ checkForUpdates: true })).toMatchObject({ ok: true });
    await expect.poll(() => requests.length).toBe(4);
    await settled(app);
    expect(pending.size).toBe(1);

    await app.close();
    expect(pending.size).toBe(0);
  });

  it('two asks at once are one request', async () => {
    offer('0.1.0');
    const { app } = await updatingApp({ automatic: false });
    await Promise.all([app.run({ type: 'check-for-updates' }), app.run({ type: 'check-for-updates' })]);
    expect(requests).toEqual(['/latest.yml']);
  });
});

describe('an IT department that locks automatic updates off (policy autoUpdates: false) sees no request', () => {
  const quiet = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('given before start: no request reaches the feed, no timer is pending', async () => {
    offer('0.2.0');
    const { timers, pending } = manualTimers();
    const { app } = await updatingApp({ timers, policy: testPolicy({ autoUpdates: false }).source });
    app.begin();
    await quiet();
    expect(requests).toEqual([]);
    expect(pending.size).toBe(0);
  });

  it('read slowly (the policy answers after 200 ms): still no request, no timer', async () => {
    offer('0.2.0');
    const { timers, pending } = manualTimers();
    const slow: PolicySource = {
      read: () => new Promise((resolve) => setTimeout(() => resolve(splitDocument({ autoUpdates: false }, 'slow policy', [])), 200)),
    };
    const { app } = await updatingApp({ timers, policy: slow });
    app.begin();
    await quiet();
    expect(requests).toEqual([]);
    expect(pending.size).toBe(0);
  });

  it('while running: locking it off clears the 12-hour timer and nothing more is asked; unlocking starts checks again', async () => {
    offer('0.1.0');
    const { timers, pending } = manualTimers();
    const it = testPolicy({});
    const { app } = await updatingApp({ timers, policy: it.source });
    app.begin();
    await expect.poll(() => requests).toEqual(['/latest.yml']);
    await settled(app);
    expect(pending.size).toBe(1);

    it.set({ autoUpdates: false });
    await app.policy.reload();
    expect(app.state().settings.checkForUpdates).toBe(false);
    expect(pending.size).toBe(0);

    it.set({});
    await app.policy.reload();
    await expect.poll(() => requests).toEqual(['/latest.yml', '/latest.yml']);
    await settled(app);
    expect(pending.size).toBe(1);
  });
});

describe('what the feed offers', () => {
  it('a newer version: downloaded (sha512 checked), "Restart to update to v0.2.0" in the tray, a notification whose click restarts', async () => {
    offer('0.2.0');
    const { port, record } = feedClient(feedUrl);
    const { timers, pending } = manualTimers();
    const { app, menu } = await updatingApp({ port, timers });
    const changes: string[] = [];
    app.onChange(() => changes.push(app.state().updates.status.state));
    app.begin();
    await expect.poll(() => app.state().updates.status).toEqual({ state: 'ready', version: '0.2.0' });
    // Idle until the policy is known, then the check and the download.
    expect(changes.filter((state, i) => state !== changes[i - 1] && state !== 'idle')).toEqual([
      'checking',
      'available',
      'downloading',
      'ready',
    ]);
    expect(requests).toEqual(['/latest.yml', '/Umeet-Tray-Setup-0.2.0.exe']);
    expect(record.downloaded).toEqual(['Umeet-Tray-Setup-0.2.0.exe']);

    const model = menu();
    expect(label(model, 'restart-to-update')).toBe('Restart to update to v0.2.0');
    expect(findEntry(model, 'check-for-updates')).toBeUndefined();
    // Nothing more to check until the restart: no timer.
    expect(pending.size).toBe(0);

    const notice = app.notices.find((n) => n.title === 'Update ready');
    expect(notice?.body).toBe('Umeet Tray 0.2.0 is downloaded. Click to restart and update.');
    notice!.onClick!();
    await expect.poll(() => record.installs).toBe(1);
  });

  it('the restart is a quit: with unsaved edits in the window it asks first', async () => {
    offer('0.2.0');
    const { port, record } = feedClient(feedUrl);
    const { app, dialogs } = await updatingApp({ port });
    app.begin();
    await expect.poll(() => app.state().updates.status.state).toBe('ready');
    app.ipc.windowState({ unsaved: ['settings'] });
    const answer = await app.run({ type: 'restart-to-update' });
    // The confirm port here is the test's own: it counts, and says "discard and quit".
    expect(dialogs.confirms).toBe(1);
    expect(answer.ok).toBe(true);
    expect(record.installs).toBe(1);
  });

  it('the menu says what is going on: checking, then downloading', async () => {
    let release: () => void = () => undefined;
    routes['/latest.yml'] = (_request, response) => response.writeHead(200).end(latestYml('0.2.0'));
    routes['/Umeet-Tray-Setup-0.2.0.exe'] = (_request, response) => {
      release = () => response.writeHead(200).end(installer);
    };
    const { app, menu } = await updatingApp({ automatic: false });
    const checking = app.run({ type: 'check-for-updates' });
    expect(label(menu(), 'update-status')).toBe('Checking for updates…');
    await expect.poll(() => label(menu(), 'update-status')).toBe('Downloading v0.2.0…');
    expect(findEntry(menu(), 'check-for-updates')).toMatchObject({ enabled: false });
    await expect.poll(() => requests.length).toBe(2);
    release();
    await checking;
    expect(label(menu(), 'restart-to-update')).toBe('Restart to update to v0.2.0');
  });

  it('a download shows its progress in whole percents, in the tray and in the window’s update setting', async () => {
    offer('0.2.0');
    const { port } = feedClient(feedUrl);
    let report: (percent: number) => void = () => undefined;
    let finish: () => void = () => undefined;
    // The feed's own download, held until the test lets it go, with the progress the test reports on its way.
    const held: UpdaterPort = {
      ...port,
      download: (onProgress) =>
        new Promise<void>((resolve, reject) => {
          report = (percent) => onProgress?.(percent);
          finish = () => void port.download().then(resolve, reject);
        }),
    };
    const { app, menu } = await updatingApp({ port: held, automatic: false });
    const window = () => (app.ipc.snapshot() as { ok: true; value: { updateLine?: string } }).value.updateLine;
    let changes = 0;
    app.onChange(() => (changes += 1));
    const checking = app.run({ type: 'check-for-updates' });
    await expect.poll(() => label(menu(), 'update-status')).toBe('Downloading v0.2.0…');
    expect(window()).toBe('Downloading v0.2.0…');
    const before = changes;
    report(0.4);
    expect(label(menu(), 'update-status')).toBe('Downloading v0.2.0… 0%');
    report(0.9);
    report(45.3);
    report(45.9);
    report(45.99);
    // Four reports, two whole percents: two changes, not four.
    expect(changes - before).toBe(2);
    expect(label(menu(), 'update-status')).toBe('Downloading v0.2.0… 45%');
    expect(window()).toBe('Downloading v0.2.0… 45%');
    await app.ipc.updateSettings({ language: 'zh-CN' });
    expect(label(menu(), 'update-status')).toBe('正在下载 v0.2.0… 45%');
    expect(window()).toBe('正在下载 v0.2.0… 45%');
    report(100);
    finish();
    await checking;
    expect(label(menu(), 'restart-to-update')).toBe('重启以更新到 v0.2.0');
    expect(window()).toBeUndefined();
  });

  it.each([
    ['the same version', '0.1.0'],
    ['an older version', '0.0.9'],
    ['an older minor with a higher patch', '0.0.99'],
    ['a pre-release of the running version', '0.1.0-beta.2'],
  ])('%s (%s): nothing offered, "Up to date (v0.1.0)"', async (_what, version) => {
    offer(version);
    const { app, menu } = await updatingApp({ automatic: false });
    expect(await app.run({ type: 'check-for-updates' })).toMatchObject({ ok: true });
    expect(app.state().updates.status).toEqual({ state: 'idle', upToDate: true });
    expect(requests).toEqual(['/latest.yml']);
    expect(label(menu(), 'update-status')).toBe('Up to date (v0.1.0)');
    expect(findEntry(menu(), 'restart-to-update')).toBeUndefined();
    expect(app.notices).toEqual([]);
  });

  it('speaks Chinese', async () => {
    offer('0.1.0');
    const { app, menu } = await updatingApp({ automatic: false });
    await app.ipc.updateSettings({ language: 'zh-CN' });
    await app.run({ type: 'check-for-updates' });
    expect(label(menu(), 'update-status')).toBe('已是最新版本（v0.1.0）');
    expect(label(menu(), 'check-for-updates')).toBe('检查更新…');
  });
});

describe('a feed that cannot be read is quiet: logged, a line in the menu, no throw, no dialog', () => {
  const html = '<!doctype html><html><head><title>Sign in</title></head><body>Captive portal</body></html>';
  it.each([
    ['HTML (a captive portal)', () => (routes['/latest.yml'] = (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(html))],
    ['a 404 (no release yet)', () => undefined],
    ['malformed YAML', () => (routes['/latest.yml'] = (_q, r) => r.writeHead(200).end('version: [0.2.0\nfiles: {{{\n'))],
    ['YAML that is not a feed', () => (routes['/latest.yml'] = (_q, r) => r.writeHead(200).end('version: 0.2.0\n'))],
    ['an installer whose sha512 does not match', () => offer('0.2.0', latestYml('0.2.0', Buffer.from('something else')))],
  ])('%s', async (_what, serve) => {
    serve();
    const { timers, pending } = manualTimers();
    const { app, dialogs, menu } = await updatingApp({ timers });
    app.begin();
    await expect.poll(() => app.state().updates.status.state).toBe('error');
    const line = label(menu(), 'update-status');
    expect(line).toMatch(/^Update check failed: /);
    expect(line!.length).toBeLessThanOrEqual(60);
    expect(label(menu(), 'check-for-updates')).toBe('Check for updates…');
    expect(app.log.lines.some((l) => l.level === 'warn' && l.message === 'updates: the check failed')).toBe(true);
    expect(dialogs.confirms).toBe(0);
    expect(app.shown).toEqual([]);
    expect(app.notices).toEqual([]);
    // The next automatic check is still on its way.
    expect(pending.size).toBe(1);
    // A manual check after a failure answers too: ok (it ran), its outcome on the menu's line.
    expect(await app.run({ type: 'check-for-updates' })).toMatchObject({ ok: true });
  });

  it('connection refused: "no connection"', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { app, dialogs, menu } = await updatingApp({ port: feedClient(url).port, automatic: false });
    await expect(app.run({ type: 'check-for-updates' })).resolves.toMatchObject({ ok: true });
    expect(app.state().updates.status).toEqual({ state: 'error', message: 'no connection' });
    expect(label(menu(), 'update-status')).toBe('Update check failed: no connection');
    expect(dialogs.confirms).toBe(0);
  });

  it('an updater that cannot even load is an error line too, and is tried again next time', async () => {
    offer('0.1.0');
    let fail = true;
    const { port } = feedClient(feedUrl);
    const app = await appUnderTest({
      sandbox: sandbox(),
      ports: {
        facts: { name: 'Umeet Tray', version: '0.1.0', platform: process.platform },
        updater: {
          packaged: true,
          load: async () => {
            if (fail) throw new Error('Cannot find module electron-updater');
            return port;
          },
        },
      },
    });
    apps.push(app);
    await app.run({ type: 'check-for-updates' });
    expect(app.state().updates.status).toEqual({ state: 'error', message: 'Cannot find module electron-updater' });
    fail = false;
    await app.run({ type: 'check-for-updates' });
    expect(app.state().updates.status).toEqual({ state: 'idle', upToDate: true });
  });
});

describe('macOS, an unsigned build', () => {
  it('does not check (no request, no timer) and the menu says updates need a signed build', async () => {
    offer('0.2.0');
    const { timers, pending } = manualTimers();
    const { app, menu } = await updatingApp({ port: feedClient(feedUrl, { support: 'unsigned' }).port, timers });
    app.begin();
    await expect.poll(() => app.state().updates.status).toEqual({ state: 'unsupported', reason: 'unsigned' });
    expect(requests).toEqual([]);
    expect(pending.size).toBe(0);
    expect(label(menu(), 'update-status')).toBe('Updates need a signed build: get new versions from the release page');
    expect(findEntry(menu(), 'check-for-updates')).toBeUndefined();
    expect(await app.run({ type: 'check-for-updates' })).toMatchObject({ ok: true });
    expect(requests).toEqual([]);
  });

  it('tells a real signature from an ad-hoc one or none, as codesign -dv prints them', () => {
    const signed =
      'Executable=/Applications/Umeet Tray.app/Contents/MacOS/Umeet Tray\nIdentifier=cn.umeet.tray\nFormat=app bundle with Mach-O thin (arm64)\nAuthority=Developer ID Application: Umeet Tray developers (ABCDE12345)\nTeamIdentifier=ABCDE12345\n';
    const adhoc =
      'Executable=/Applications/Umeet Tray.app/Contents/MacOS/Umeet Tray\nIdentifier=cn.umeet.tray\nSignature=adhoc\nTeamIdentifier=not set\n';
    expect(isRealSignature(signed)).toBe(true);
    expect(isRealSignature(adhoc)).toBe(false);
    expect(isRealSignature('/Applications/Umeet Tray.app: code object is not signed at all\n')).toBe(false);
    expect(bundleOf('/Applications/Umeet Tray.app/Contents/MacOS/Umeet Tray')).toBe('/Applications/Umeet Tray.app');
  });
});

// ---------------------------------------------------------------------------------------------
// From IT's side: the samples IT deploys (policy/), each read by its OS's real reader from where the OS puts it,
// lock automatic updates off; the feed sees no request, whether the policy is there at start or arrives while the app
// runs (after its first check and with its 12-hour timer pending).
describe('from IT’s side: each OS’s sample policy, read by its own reader, keeps the feed quiet', () => {
  const repo = join(import.meta.dirname, '..', '..');
  const quiet = () => new Promise((resolve) => setTimeout(resolve, 300));

  /** Each OS: its reader over a temporary place, and `deploy()` putting the sample where the OS would. */
  const deployments: Record<string, () => { source: PolicySource; deploy(): void; notices: boolean }> = {
    'Linux (policy.json)': () => {
      const path = join(mkdtempSync(join(tmpdir(), 'umeet-it-')), 'policy.json');
      return { source: linuxFileSource({ path }), deploy: () => copyFileSync(join(repo, 'policy/linux/policy.json'), path), notices: true };
    },
    'macOS (the .mobileconfig, as macOS writes it)': () => {
      const root = mkdtempSync(join(tmpdir(), 'umeet-it-'));
      const profile = parsePlist(readFileSync(join(repo, 'policy/macos/cn.umeet.tray.mobileconfig'), 'utf8')) as {
        PayloadContent: { PayloadContent: Record<string, { Forced: { mcx_preference_settings: object }[] }> }[];
      };
      const settings = profile.PayloadContent[0]!.PayloadContent[BUNDLE_ID]!.Forced[0]!.mcx_preference_settings;
      return {
        source: macPlistSource({ bundleId: BUNDLE_ID, user: 'someone', root }),
        deploy: () => writeFileSync(join(root, `${BUNDLE_ID}.plist`), buildBinary(settings as never)),
        notices: true,
      };
    },
    'Windows (the .reg sample, imported; reg.exe exports it)': () => {
      const bin = mkdtempSync(join(tmpdir(), 'umeet-it-'));
      const imported = join(bin, 'imported');
      // reg.exe after `reg import umeet-tray-policy.reg`: HKLM's keys export as the sample (regedit's own format).
      // A Node script, so it runs wherever the suite does.
      writeFileSync(
        join(bin, 'reg.mjs'),
        `import { copyFileSync, existsSync } from 'node:fs';
const [, key, file] = process.argv.slice(2);
if (!existsSync(${JSON.stringify(imported)}) || !key.startsWith('HKLM')) process.exit(1);
copyFileSync(${JSON.stringify(join(repo, 'policy/windows/umeet-tray-policy.reg'))}, file);
`,
      );
      return {
        source: windowsRegistrySource(regExportPort({ command: [process.execPath, join(bin, 'reg.mjs')] })),
        deploy: () => writeFileSync(imported, ''),
        notices: false,
      };
    },
  };

  // A bound on a hang, not a speed: Windows' reader runs reg.exe four times (here a Node script each time), which
  // beside the whole suite on two busy cores took longer than expect.poll's default second.
  const READER_BOUND = { timeout: 20_000 };
  for (const [os, deployment] of Object.entries(deployments)) {
    it(`${os}: there at start, no request and no timer`, async () => {
      offer('0.2.0');
      const { source, deploy } = deployment();
      deploy();
      const { timers, pending } = manualTimers();
      const { app } = await updatingApp({ timers, policy: source });
      app.begin();
      // However long the reader takes (Windows: four reg.exe runs), the first check waits for it.
      await expect.poll(() => app.state().settings.checkForUpdates, READER_BOUND).toBe(false);
      await quiet();
      expect(requests).toEqual([]);
      expect(pending.size).toBe(0);
    });

    it(`${os}: deployed while running, the timer goes and nothing more is asked`, async () => {
      offer('0.1.0');
      const { source, deploy, notices } = deployment();
      const { timers, pending } = manualTimers();
      const { app } = await updatingApp({ timers, policy: source });
      app.begin();
      await expect.poll(() => requests, READER_BOUND).toEqual(['/latest.yml']);
      await settled(app);
      expect(pending.size).toBe(1);

      deploy();
      // Linux and macOS: the OS tells the reader of the file. Windows has no such notice: the app reads again when the
      // tray menu or the window opens, which is what reload() does here.
      if (!notices) await app.policy.reload();
      await expect.poll(() => app.state().settings.checkForUpdates, READER_BOUND).toBe(false);
      expect(pending.size).toBe(0);
      await quiet();
      expect(requests).toEqual(['/latest.yml']);
    });
  }
});
