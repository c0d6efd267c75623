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
