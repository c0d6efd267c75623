import { expect, test } from './harness.js';

// "Check for updates automatically" in the window, in real Chromium with the real handlers: on by
// default, a draft until saved, saved to the store, and in both languages.

test('the setting is on by default, and turning it off is saved', async ({ page, openWindow }) => {
  const app = await openWindow({ section: 'settings' });
  const setting = page.getByRole('checkbox', { name: 'Check for updates automatically' });
  await expect(setting).toBeChecked();
  await expect(setting).toHaveAccessibleDescription(/every 12 hours/);
  await setting.uncheck();
  await expect(page.getByTestId('settings-status')).toHaveText('Unsaved changes');
  expect(app.state().settings.checkForUpdates).toBe(true);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => (app.readStoreFile() as { settings: { checkForUpdates?: boolean } }).settings.checkForUpdates).toBe(false);
  expect(app.state().settings.checkForUpdates).toBe(false);
});

test('speaks Chinese', async ({ page, openWindow }) => {
  await openWindow({ section: 'settings', preferredLanguages: ['zh-CN'] });
  await expect(page.getByRole('checkbox', { name: '自动检查更新' })).toBeChecked();
});

test('a download shows its progress under the setting, as the tray does, and the line goes once it is ready', async ({
  page,
  openWindow,
}) => {
  let report: (percent: number) => void = () => undefined;
  let finish: () => void = () => undefined;
  // An updater whose feed offers 0.2.0 and whose download the test moves along (the tray's side is in updates.test.ts).
  const app = await openWindow({
    section: 'settings',
    ports: {
      updater: {
        packaged: true,
        load: async () => ({
          support: async () => 'ok' as const,
          check: async () => ({ version: '0.2.0' }),
          download: (onProgress?: (percent: number) => void) =>
            new Promise<void>((resolve) => {
              report = (percent) => onProgress?.(percent);
              finish = resolve;
            }),
          quitAndInstall: () => undefined,
        }),
      },
    },
  });
  const checking = app.run({ type: 'check-for-updates' });
  const line = page.getByRole('status').filter({ hasText: 'Downloading' });
  await expect(line).toHaveText('Downloading v0.2.0…');
  report(45.7);
  await expect(line).toHaveText('Downloading v0.2.0… 45%');
  report(100);
  finish();
  await checking;
  await expect(page.locator('#update-status')).toHaveCount(0);
});
