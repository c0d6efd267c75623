import { en } from '../../common/i18n/en.js';
import { collectPageErrors, expect, packageVersion, test } from './harness.js';

test.describe('window shell', () => {
  test('loads under its CSP without console errors, with the app info from main (en)', async ({ page, openWindow }) => {
    const errors = collectPageErrors(page);
    const { responses } = await openWindow({ preferredLanguages: ['en-US'] });
    await expect(page.getByRole('button', { name: 'Presets', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('app-version')).toHaveText(`Umeet Tray ${packageVersion}`);
    await expect(page.getByTestId('app-locale')).toHaveText('English');
    await expect(page).toHaveTitle('Umeet Tray — presets & settings');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The app's facts come with the window's first answers (`opening`).
    expect(responses).toContainEqual({
      ok: true,
      value: expect.objectContaining({ appInfo: expect.objectContaining({ version: packageVersion, locale: 'en' }) }),
    });
    expect(errors).toEqual([]);
  });

  test('speaks Chinese when the OS prefers it, and follows the dark theme', async ({ page, openWindow }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const errors = collectPageErrors(page);
    await openWindow({ preferredLanguages: ['zh-CN', 'en-US'] });
    await expect(page.getByRole('button', { name: '预设', exact: true })).toBeVisible();
    await expect(page.getByTestId('app-locale')).toHaveText('简体中文');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(30, 31, 34)');
    expect(errors).toEqual([]);
  });

  test('opens on the section main asks for', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings' });
    await expect(page.getByRole('heading', { name: 'API credentials' })).toBeVisible();
    await page.evaluate(() =>
      (window as unknown as { __umeetEmit(e: string, p: unknown): void }).__umeetEmit('navigate', { section: 'recent' }),
    );
    await expect(page.getByRole('heading', { name: 'Recent meetings' })).toBeVisible();
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

  test('window.umeet exposes one method per channel and event, and no generic transport', async ({ page, openWindow }) => {
    await openWindow();
    const shape = await page.evaluate(() => ({
      keys: Object.keys(window.umeet).sort(),
      frozen: Object.isFrozen(window.umeet),
      generic: ['invoke', 'send', 'on', 'ipcRenderer'].some((name) => name in window.umeet) || 'ipcRenderer' in window,
    }));
    const { channels } = await import('../../common/ipc-channels.js');
    expect(shape).toEqual({ keys: [...channels, 'onNavigate', 'onStateChanged'].sort(), frozen: true, generic: false });
  });

  test('shows a localized error when main fails', async ({ page, openWindow }) => {
    const failed = { ok: false, error: { kind: 'internal', message: en['ipc.internal'] } };
    await openWindow({
      override: {
        snapshot: () => {
          throw new Error('the store is gone');
        },
      },
      // The first state comes with `opening`, in a result of its own: main's failure to give it, as main words it.
      alterAnswer: (channel, answer) =>
        channel === 'opening' ? { ...(answer as object), value: { ...(answer as { value: object }).value, snapshot: failed } } : answer,
    });
    await expect(page.getByRole('alert')).toHaveText(/Something went wrong inside the app/);
  });
});
