import { seriousViolations } from './axe.js';
import type { Page } from '@playwright/test';
import { collectPageErrors, expect, test } from './harness.js';

/** Marks the current document, so a reload (a new document) can be told apart from a re-render. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { __beforeReload: true }));
const sameDocument = (page: Page) => page.evaluate(() => '__beforeReload' in window);

/** Main's snapshot with one field replaced by what the window cannot draw (the first comes with `opening`). */
const breakSnapshot = (field: string, isBroken: () => boolean) => (channel: string, answer: unknown) => {
  const result = answer as { ok: boolean; value?: Record<string, unknown> };
  if (!isBroken() || !result.ok) return answer;
  const broken = (snapshot: unknown) => ({ ...(snapshot as Record<string, unknown>), [field]: null });
  if (channel === 'snapshot') return { ...result, value: broken(result.value) };
  const first = result.value?.snapshot as { ok: boolean; value?: unknown } | undefined;
  if (channel === 'opening' && first?.ok)
    return { ...result, value: { ...result.value, snapshot: { ...first, value: broken(first.value) } } };
  return answer;
};

test.describe('outside the app (no window.umeet)', () => {
  test('says so in English, with a Reload button that reloads', async ({ page, appServer }) => {
    const errors = collectPageErrors(page);
    await page.goto(`${appServer}/index.html`);
    const failure = page.getByTestId('failure');
    await expect(failure.getByRole('alert')).toContainText('This window is not connected to the app');
    await expect(failure.getByRole('alert')).toContainText('Presets & settings…');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    await markDocument(page);
    await failure.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => sameDocument(page)).toBe(false);
    await expect(page.getByTestId('failure').getByRole('alert')).toContainText('This window is not connected to the app');
    // Nothing threw: the missing bridge is noticed before anything uses it.
    expect(errors).toEqual([]);
  });

  test.describe('in a browser that prefers Chinese', () => {
    test.use({ locale: 'zh-CN' });

    test('says so in Chinese', async ({ page, appServer }) => {
      const errors = collectPageErrors(page);
      await page.goto(`${appServer}/index.html`);
      expect(await page.evaluate(() => navigator.languages[0])).toBe('zh-CN');
      const failure = page.getByTestId('failure');
      await expect(failure.getByRole('alert')).toContainText('此窗口未连接到应用');
      await expect(failure.getByRole('button', { name: '重新加载' })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await expect(page).toHaveTitle('Umeet 托盘 — 预设与设置');
      expect(errors).toEqual([]);
    });
  });
});

test.describe('a crash while drawing', () => {
  test('in a section: the failure takes its place, the shell still works, Reload reloads', async ({ page, openWindow }) => {
    let broken = true;
    const errors = collectPageErrors(page);
    // `recent: null` instead of a list: the recent section throws while rendering.
    await openWindow({ section: 'recent', alterAnswer: breakSnapshot('recent', () => broken) });
    const failure = page.getByTestId('failure');
    await expect(failure.getByRole('alert')).toContainText('This section could not be shown');
    await expect(failure.getByRole('group')).toContainText('Technical details');
    // The header is still there and still switches sections; each section starts afresh.
    const nav = page.getByRole('navigation');
    await nav.getByRole('button', { name: 'Presets', exact: true }).click();
    await expect(page.getByRole('button', { name: 'New preset' })).toBeVisible();
    await expect(failure).toHaveCount(0);
    await nav.getByRole('button', { name: 'Recent meetings', exact: true }).click();
    await expect(failure.getByRole('alert')).toContainText('This section could not be shown');
    expect(errors.length).toBeGreaterThan(0); // React reports what it caught on the console
    broken = false;
    await markDocument(page);
    await failure.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { name: 'Recent meetings' })).toBeVisible();
    expect(await sameDocument(page)).toBe(false);
    await expect(failure).toHaveCount(0);
  });

  test('in a section: speaks main’s language once main has answered', async ({ page, openWindow }) => {
    await openWindow({ section: 'recent', preferredLanguages: ['zh-CN'], alterAnswer: breakSnapshot('recent', () => true) });
    const failure = page.getByTestId('failure');
    await expect(failure.getByRole('alert')).toContainText('此部分无法显示');
    await expect(failure.getByRole('button', { name: '重新加载' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('button', { name: '预设', exact: true })).toBeVisible();
  });

  test('in the shell itself: the window-wide failure, never a blank page', async ({ page, openWindow }) => {
    // `credentials: null`: the header's "needs attention" dot throws.
    await openWindow({ alterAnswer: breakSnapshot('credentials', () => true) });
    const failure = page.getByTestId('failure');
    await expect(failure.getByRole('alert')).toContainText('The window could not be shown');
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await markDocument(page);
    await failure.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => sameDocument(page)).toBe(false);
  });
});
