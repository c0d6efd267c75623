import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronAvailability } from './environment.js';
import type { MenuEntry } from '../../main/tray/menu-model.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';

const availability = electronAvailability();
if (!availability.ok) {
  // Printed so the CI log says why this suite did not run.
  console.log(`[electron suite] skipped: ${availability.reason}`);
}

const appDir = join(import.meta.dirname, '..', '..');
const userData = mkdtempSync(join(tmpdir(), 'umeet-e2e-'));
const platformArgs = process.platform === 'linux' ? ['--no-sandbox'] : [];
// Test-only hooks exist only with NODE_ENV=test in an unpackaged app; the profile is a temp folder.
const env = { ...process.env, NODE_ENV: 'test', UMEET_USER_DATA: userData, ELECTRON_ENABLE_LOGGING: '1' };

interface E2eHooks {
  trayAlive(): boolean;
  menu(): MenuEntry[];
  click(id: string): void;
  configure(options: { apiBaseUrl: string; apiKey: string; apiSecret: string }): Promise<void>;
}
type HookGlobal = typeof globalThis & { __umeetE2E: E2eHooks; __opened: string[] };

const ids = (entries: MenuEntry[]) => entries.flatMap((e) => (e.kind === 'separator' ? [] : [e.id]));

test.describe.serial('the real app (Electron)', () => {
  test.skip(!availability.ok, availability.ok ? '' : availability.reason);

  let app: ElectronApplication;
  let sandbox: Sandbox;

  test.beforeAll(async () => {
    sandbox = await startSandbox();
    app = await electron.launch({
      executablePath: availability.ok ? availability.executable : undefined,
      args: [appDir, ...platformArgs],
      env,
    });
    await expect.poll(() => app.evaluate(() => Boolean((globalThis as Partial<HookGlobal>).__umeetE2E)), { timeout: 20_000 }).toBe(true);
    // Every link the app opens is recorded in main instead of reaching a browser.
    await app.evaluate(({ shell }) => {
      (globalThis as HookGlobal).__opened = [];
      shell.openExternal = async (url: string) => void (globalThis as HookGlobal).__opened.push(url);
    });
  });

  test.afterAll(async () => {
    await app?.close().catch(() => undefined);
    await sandbox?.close();
  });

  test('starts with a tray, a menu asking for credentials, and no window', async () => {
    const tray = await app.evaluate(() => {
      const hooks = (globalThis as HookGlobal).__umeetE2E;
      return { alive: hooks.trayAlive(), menu: hooks.menu() };
    });
    expect(tray.alive).toBe(true);
    expect(ids(tray.menu)).toEqual(['set-up-credentials', 'preset:quick-meeting', 'recent', 'open-window', 'start-at-login', 'quit']);
    expect(app.windows()).toHaveLength(0);
  });

  test('opens the window from the menu with the secure webPreferences, and reuses it', async () => {
    const opened = app.waitForEvent('window');
    await app.evaluate(() => (globalThis as HookGlobal).__umeetE2E.click('open-window'));
    const page = await opened;
    await expect(page.getByTestId('app-info')).toBeVisible();
    expect(page.url()).toBe('app://umeet/index.html#presets');

    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
      return contents.getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });

    await app.evaluate(() => (globalThis as HookGlobal).__umeetE2E.click('open-window'));
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('a preset clicked in the tray starts a meeting on the sandbox and opens it through shell.openExternal', async () => {
    await app.evaluate((_electron, options) => (globalThis as HookGlobal).__umeetE2E.configure(options), {
      apiBaseUrl: sandbox.url,
      apiKey: sandbox.credentials.apiKey,
      apiSecret: sandbox.credentials.apiSecret,
    });
    // With credentials set, the preset comes first and is enabled.
    await expect
      .poll(() => app.evaluate(() => (globalThis as HookGlobal).__umeetE2E.menu()[0]))
      .toMatchObject({ id: 'preset:quick-meeting', enabled: true });
    await app.evaluate(() => (globalThis as HookGlobal).__umeetE2E.click('preset:quick-meeting'));
    await expect.poll(() => app.evaluate(() => (globalThis as HookGlobal).__opened), { timeout: 15_000 }).toHaveLength(1);
    const [url] = await app.evaluate(() => (globalThis as HookGlobal).__opened);
    // The seed preset opens as host.
    expect(url).toMatch(new RegExp(`^${sandbox.url}/s/\\d+\\?zak=`));
    expect(sandbox.requests.filter((r) => r.path === '/umeeting/share/instant')).toHaveLength(1);
  });

  test('a second instance with --start starts that preset in the running one, then exits', async () => {
    const second = spawn(availability.ok ? availability.executable : 'false', [appDir, ...platformArgs, '--start=quick-meeting'], {
      env,
    });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    await expect.poll(() => app.evaluate(() => (globalThis as HookGlobal).__opened), { timeout: 15_000 }).toHaveLength(2);
  });

  test('quits cleanly from the menu', async () => {
    const closed = new Promise<void>((resolve) => app.process().on('exit', () => resolve()));
    await app.evaluate(() => (globalThis as HookGlobal).__umeetE2E.click('quit'));
    await closed;
    expect(app.process().exitCode).toBe(0);
  });
});
