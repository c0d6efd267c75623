import { collectPageErrors, expect, packageVersion, test } from './harness.js';

test.describe('renderer shell', () => {
  test('loads under its CSP without console errors and shows the app info from main (en, light)', async ({
    page,
    openWindow,
  }) => {
    const errors = collectPageErrors(page);
    const { responses } = await openWindow({ preferredLanguages: ['en-US'] });

    await expect(page.getByRole('heading', { name: 'About this app' })).toBeVisible();
    await expect(page.getByTestId('app-version')).toHaveText(`Umeet Tray ${packageVersion}`);
    await expect(page.getByTestId('app-locale')).toHaveText('English');
    await expect(page).toHaveTitle('Umeet Tray — presets & settings');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(responses).toEqual([{ ok: true, value: expect.objectContaining({ version: packageVersion, locale: 'en' }) }]);

    await page.screenshot({ path: 'test-results/screenshots/shell-en-light.png' });
    expect(errors).toEqual([]);
  });

  test('speaks Chinese when the OS prefers it (zh-CN, dark)', async ({ page, openWindow }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const errors = collectPageErrors(page);
    await openWindow({ preferredLanguages: ['zh-CN', 'en-US'] });

    await expect(page.getByRole('heading', { name: '关于本应用' })).toBeVisible();
    await expect(page.getByTestId('app-locale')).toHaveText('简体中文');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The dark palette really applies (the OS theme is followed, not just declared).
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(30, 31, 34)');

    await page.screenshot({ path: 'test-results/screenshots/shell-zh-CN-dark.png' });
    expect(errors).toEqual([]);
  });

  test('the CSP forbids the page any network of its own', async ({ page, openWindow, appServer }) => {
    await openWindow();
    const outcome = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'fetched';
      } catch {
        return 'blocked';
      }
    }, `${appServer}/index.html`);
    expect(outcome).toBe('blocked');
  });

  test('window.umeet exposes one method per channel and no generic transport', async ({ page, openWindow }) => {
    await openWindow();
    const shape = await page.evaluate(() => ({
      keys: Object.keys(window.umeet),
      frozen: Object.isFrozen(window.umeet),
      hasInvoke: 'invoke' in window.umeet || 'send' in window.umeet || 'ipcRenderer' in window,
    }));
    expect(shape).toEqual({ keys: ['appInfo'], frozen: true, hasInvoke: false });
  });

  test('shows a localized error when main refuses the request', async ({ page, openWindow }) => {
    await openWindow({
      deps: {
        appInfo: () => {
          throw new Error('boom');
        },
      },
    });
    await expect(page.getByRole('alert')).toHaveText(/Something went wrong inside the app/);
  });
});
