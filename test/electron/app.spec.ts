import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { join } from 'node:path';
import { electronAvailability } from './environment.js';
import type { MenuEntry } from '../../main/tray/menu-model.js';

const availability = electronAvailability();
if (!availability.ok) {
  // Printed so the CI log says why this suite did not run.
  console.log(`[electron suite] skipped: ${availability.reason}`);
}

const appDir = join(import.meta.dirname, '..', '..');

interface E2eHooks {
  trayAlive(): boolean;
  menu(): MenuEntry[];
  click(id: string): void;
}

test.describe('the real app (Electron)', () => {
  test.skip(!availability.ok, availability.ok ? '' : availability.reason);

  let app: ElectronApplication;

  test.beforeAll(async () => {
    app = await electron.launch({
      executablePath: availability.ok ? availability.executable : undefined,
      args: [appDir, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, UMEET_E2E: '1', ELECTRON_ENABLE_LOGGING: '1' },
    });
    // The hooks appear once the tray exists.
    await expect
      .poll(() => app.evaluate(() => Boolean((globalThis as { __umeetE2E?: unknown }).__umeetE2E)), { timeout: 20_000 })
      .toBe(true);
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('starts with a tray and its menu, and no window', async () => {
    const tray = await app.evaluate(() => {
      const hooks = (globalThis as unknown as { __umeetE2E: E2eHooks }).__umeetE2E;
      return { alive: hooks.trayAlive(), ids: hooks.menu().flatMap((entry) => (entry.kind === 'item' ? [entry.id] : [])) };
    });
    expect(tray).toEqual({ alive: true, ids: ['open-window', 'quit'] });
    expect(app.windows()).toHaveLength(0);
  });

  test('opens the window from the menu with the secure webPreferences, and reuses it', async () => {
    const opened = app.waitForEvent('window');
    await app.evaluate(() => (globalThis as unknown as { __umeetE2E: E2eHooks }).__umeetE2E.click('open-window'));
    const page = await opened;
    await expect(page.getByTestId('app-info')).toBeVisible();
    expect(page.url()).toBe('app://umeet/index.html');

    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown>;
      };
      return contents.getLastWebPreferences();
    });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });

    await app.evaluate(() => (globalThis as unknown as { __umeetE2E: E2eHooks }).__umeetE2E.click('open-window'));
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
