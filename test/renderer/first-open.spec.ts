import { expect, test } from './harness.js';

/** The window's first open (docs/performance.md, "The window"): never a blank paint, and no fallback flashed after it. */
test.describe('first open', () => {
  test('the page paints the window skeleton before any script runs, with its styles', async ({ browser, appServer }) => {
    // Without scripts the page shows exactly what its first paint does before the entry has run.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${appServer}/index.html#presets`);
    const skeleton = page.locator('#root > .window-skeleton');
    await expect(skeleton).toBeVisible();
    const look = await skeleton.evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      background: getComputedStyle(element).backgroundImage,
    }));
    expect(look.height).toBeGreaterThan(200);
    // The header band and the rows are drawn (styles.css reached the page before its first paint).
    expect(look.background.match(/linear-gradient/g)?.length).toBeGreaterThanOrEqual(4);
    await context.close();
  });

  for (const [languages, settingsHeading, loading] of [
    [['en-US'], 'API credentials', 'Loading…'],
    [['zh-CN'], 'API 凭据', '正在加载…'],
  ] as const) {
    test(`the other sections arrive ahead of need: no loading fallback when one opens (${languages[0]})`, async ({ page, openWindow }) => {
      await openWindow({ preferredLanguages: [...languages] });
      await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
      // Fetched while the window is idle once the list is up.
      await expect
        .poll(() =>
          page.evaluate(() =>
            performance
              .getEntriesByType('resource')
              .map((entry) => entry.name)
              .join(' '),
          ),
        )
        .toMatch(/SettingsPage-.*UpcomingPage-|UpcomingPage-.*SettingsPage-/);
      await page.evaluate((text: string) => {
        const seen: string[] = [];
        (window as unknown as { __fallbacks: string[] }).__fallbacks = seen;
        new MutationObserver(() => {
          for (const status of document.querySelectorAll('[role="status"]')) if (status.textContent === text) seen.push(text);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      }, loading);
      await page.getByRole('navigation').getByRole('button').nth(3).click();
      await expect(page.getByRole('heading', { name: settingsHeading })).toBeVisible();
      await page.getByRole('navigation').getByRole('button').nth(1).click();
      await expect(page.locator('main[data-section="upcoming"]')).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __fallbacks: string[] }).__fallbacks)).toEqual([]);
    });
  }
});
