import type { Page } from '@playwright/test';
import { expect, test, type AppWindow } from './harness.js';

// Main lets a window that stayed closed go after a while (Settings → Advanced; main/electron/main-window.ts),
// which frees its renderer process; the window keeps its state in main as it goes (`windowState`), and a
// window made afresh opens as the last one was. Here the page is loaded again, as Electron loads the new one.

const list = (page: Page) => page.getByRole('listbox', { name: /Presets|预设/ });
const tab = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('button', { name });
/** What main kept last of the window's own state. */
const kept = (app: AppWindow) => app.ipc.savedUi();
/** The window made again, as main makes it when opened without a section ("Presets & settings…"). */
async function madeAgain(page: Page, section?: string) {
  const url = page.url().replace(/#.*$/, '') + (section ? `#${section}` : '');
  // A new page, not a hash change: the old one is gone, as the destroyed window's renderer is.
  await page.goto('about:blank');
  await page.goto(url);
}

test('a window made afresh opens as the last one was: section, what was unfolded, scroll, unsaved edits', async ({ page, openWindow }) => {
  await page.setViewportSize({ width: 860, height: 480 });
  const app = await openWindow();
  await app.ipc.savePreset({ name: 'B', topic: 'B', capacity: 10, afterCreate: { open: 'none', copy: 'none' } });
  await list(page).getByRole('option', { name: /^B/ }).click();
  await page.getByLabel('Name (shown in the tray)').fill('B, not saved yet');
  await page.locator('details.options summary').click();
  await tab(page, /^Settings/).click();
  await page.getByText('Advanced').click();
  await page.locator('main.content').evaluate((el) => el.scrollTo(0, 240));
  await expect
    .poll(async () => {
      const answer = await kept(app);
      return answer.ok && answer.value ? [answer.value.section, answer.value.view['scroll:content:settings']] : [];
    })
    .toEqual(['settings', 240]);

  await madeAgain(page);
  await expect(page.getByRole('heading', { name: 'General' })).toBeVisible();
  await expect(page.getByLabel('API server')).toBeVisible();
  await expect.poll(() => page.locator('main.content').evaluate((el) => el.scrollTop)).toBe(240);
  await tab(page, /^Presets/).click();
  await expect(list(page).getByRole('option', { name: /^B/ })).toHaveAttribute('aria-selected', 'true');
  await expect(list(page).getByRole('option', { name: /^B/ })).toContainText('edited');
  await expect(page.getByLabel('Name (shown in the tray)')).toHaveValue('B, not saved yet');
  await expect(page.getByRole('radiogroup', { name: 'Mute participants on entry' })).toBeVisible();
  // Nothing was saved on the way.
  expect(app.state().presets.map((p) => p.name)).toEqual(['Quick meeting', 'B']);
});

test('a section main asks for wins over where the last window was', async ({ page, openWindow }) => {
  const app = await openWindow({ section: 'settings' });
  await expect.poll(async () => ((await kept(app)) as { value?: { section: string } }).value?.section).toBe('settings');
  await madeAgain(page, 'recent');
  await expect(page.getByRole('heading', { name: 'Recent meetings' })).toBeVisible();
});

test('the state kept is plain and bounded: what the window says is checked, and no secret is in it', async ({
  page,
  openWindow,
  sandbox,
}) => {
  const app = await openWindow({ section: 'settings' });
  await page.getByLabel('API key').fill(sandbox.credentials.apiKey);
  await page.getByLabel('API secret').fill('typed-secret-never-kept');
  await page.getByText('Advanced').click();
  await expect.poll(async () => JSON.stringify(await kept(app))).toContain('settings.advanced');
  expect(JSON.stringify(await kept(app))).not.toContain('typed-secret-never-kept');
  const tooBig = await page.evaluate(() =>
    window.umeet.windowState({ ui: { section: 'presets', drafts: { presets: { x: { name: 'a'.repeat(600 * 1024) } } }, view: {} } }),
  );
  expect(tooBig).toMatchObject({ ok: false, error: { kind: 'invalid' } });
});

test('how long the closed window is kept is a setting, from 0 to 60 minutes', async ({ page, openWindow }) => {
  const app = await openWindow({ section: 'settings' });
  await page.getByText('Advanced').click();
  const field = page.getByLabel('Keep the closed window ready (minutes)');
  await expect(field).toHaveValue('5');
  await field.fill('90');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#keep-closed-error')).toHaveText('Enter a whole number of minutes from 0 to 60.');
  await field.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect
    .poll(() => (app.readStoreFile() as { settings: { keepClosedWindowMinutes: number } }).settings.keepClosedWindowMinutes)
    .toBe(0);
});
