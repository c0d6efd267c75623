import { seriousViolations } from './axe.js';
import { DEFAULT_API_BASE } from '../../common/settings.js';
import { expect, test } from './harness.js';

const languages = [
  ['en', ['en-US']],
  ['zh-CN', ['zh-CN']],
] as const;

/**
 * Where the screenshots go: test-results/screenshots on every run. `npm run screenshots` writes
 * the committed copies instead (UMEET_SCREENSHOTS_DIR=docs/screenshots).
 */
const screenshotsDir = process.env.UMEET_SCREENSHOTS_DIR || 'test-results/screenshots';
/** The moment the screenshots show (the topic preview fills in {date} and {time}), in Beijing. */
const screenshotTime = new Date('2026-03-02T09:30:00+08:00');

for (const [locale, preferredLanguages] of languages) {
  test.describe(() => {
    test.use({ timezoneId: 'Asia/Shanghai' });
    for (const theme of ['light', 'dark'] as const) {
      test(`screenshots of the presets, the settings and a narrow window (${locale}, ${theme})`, async ({ page, openWindow }) => {
        // The same pixels on every run and every machine: a fixed clock and time zone, and (below)
        // the default API server instead of the sandbox's random port. The window's own size.
        await page.clock.setFixedTime(screenshotTime);
        await page.setViewportSize({ width: 860, height: 640 });
        await page.emulateMedia({ colorScheme: theme });
        // Main and a sandbox of this test's own on the screenshots' clock too: the meetings booked below, on
        // fixed dates, are still to come whatever day the test runs.
        const app = await openWindow({
          clockStart: screenshotTime.getTime(),
          preferredLanguages: [...preferredLanguages],
          credentials: 'verified',
        });
        await app.ipc.savePreset({
          name: locale === 'zh-CN' ? '产品周会' : 'Product weekly',
          topic: locale === 'zh-CN' ? '产品周会 {date}' : 'Product weekly {date}',
          capacity: 25,
          duration: 60,
          muteOnEntry: true,
          hostVideo: true,
          afterCreate: { open: 'join', copy: 'invitation' },
        });
        // What is free, as the tray's menu asks when it opens: each preset's line says it.
        app.warm();
        const rows = page.getByRole('listbox').getByRole('option');
        await expect(rows).toHaveCount(2);
        await expect(rows.nth(1)).toContainText(locale === 'zh-CN' ? '10 间空闲' : '10 free');
        await rows.nth(1).click();
        await expect(page.getByTestId('topic-preview')).toContainText('2026-03-02');
        await page.locator('details.options summary').click();
        await page.screenshot({ path: `${screenshotsDir}/presets-${locale}-${theme}.png` });

        // A narrow window: the list and the editor take turns.
        await page.setViewportSize({ width: 420, height: 640 });
        await page.locator('.editor-body').evaluate((el) => el.scrollTo(0, 0));
        await page.screenshot({ path: `${screenshotsDir}/narrow-${locale}-${theme}.png` });
        await page.setViewportSize({ width: 860, height: 640 });

        // The settings show the server users will see; nothing below sends a request.
        await app.ipc.updateSettings({ apiBaseUrl: DEFAULT_API_BASE });
        await page.getByRole('navigation').getByRole('button').nth(3).click();
        await expect(page.locator('#credentials-heading')).toBeVisible();
        await expect(page.locator('#api-base')).toHaveValue(DEFAULT_API_BASE);
        await page.screenshot({ path: `${screenshotsDir}/settings-${locale}-${theme}.png` });
        await app.ipc.updateSettings({ apiBaseUrl: app.sandbox.url });

        // Upcoming: two booked meetings, on fixed dates.
        const zh = locale === 'zh-CN';
        for (const request of [
          {
            topic: zh ? '产品周会' : 'Product weekly',
            capacity: 25,
            start: '2030-03-04T10:00:00+08:00',
            duration: 60,
            recurrence: { kind: 'weekly' as const, days: ['mon' as const] },
            end: { times: 8 },
          },
          { topic: zh ? '季度评审' : 'Quarterly review', capacity: 50, start: '2030-03-06T14:30:00+08:00', duration: 90 },
        ]) {
          expect(await app.ipc.schedule({ request })).toMatchObject({ ok: true });
        }
        await page.getByRole('navigation').getByRole('button').nth(1).click();
        await expect(page.getByTestId('upcoming-card')).toHaveCount(2);
        await page.screenshot({ path: `${screenshotsDir}/upcoming-${locale}-${theme}.png` });

        // The schedule form, from the preset: a weekly series, with what is free at that time.
        await page.getByRole('navigation').getByRole('button').nth(0).click();
        await rows.nth(1).click();
        await page.locator('#preset-schedule').click();
        await page.locator('#schedule-date').fill('2030-03-11');
        await page.locator('#schedule-time').fill('09:30');
        await page.locator('#schedule-repeat').selectOption('weekly');
        await expect(page.getByTestId('slot-free')).toContainText(zh ? '至少 9 间，共 10 间' : 'at least 9 of 10');
        // No control focused: a focused field draws its caret, which blinks.
        await page.locator('#schedule-heading').focus();
        await page.screenshot({ path: `${screenshotsDir}/schedule-${locale}-${theme}.png` });
      });
    }
  });

  // One test per theme (each walks the same views): the scans of a locale run side by side, on two workers, and
  // each test's ten-odd seconds of axe stay well inside its timeout on a busy machine.
  for (const theme of ['light', 'dark'] as const)
    test(`axe finds no serious or critical violations in any section (${locale}, ${theme})`, async ({ page, openWindow }) => {
      // Five whole-page scans: the slowest tests of the suite on a busy machine (three times the time bound).
      test.slow();
      await page.emulateMedia({ colorScheme: theme });
      const app = await openWindow({ preferredLanguages: [...preferredLanguages], credentials: true, backend: 'basic_text' });
      await app.listeners.run(
        { senderFrame: { url: 'app://umeet/index.html', parent: null } },
        { type: 'start', presetId: 'quick-meeting' },
      );
      const nav = page.getByRole('navigation').getByRole('button');
      const views = [
        async () => {
          await page.getByRole('listbox').getByRole('option').first().click();
          await page.locator('details.options summary').click();
        },
        // A preset's actions menu, open.
        async () => page.getByTestId('preset-menu').click(),
        async () => nav.nth(2).click(),
        async () => {
          await nav.nth(3).click();
          await page.locator('details.advanced summary').click();
        },
        // The proxy group on Manual: the note of an address pasted with a password, a refused address, a password asked for.
        async () => {
          await page.locator('input[name="proxyMode"][value="manual"]').check();
          await page.locator('#proxy-url').focus();
          await page.keyboard.insertText('http://user:pw@proxy.example.com:8080/path');
          await page.locator('.settings-form button[type="submit"]').click();
          await expect(page.locator('#proxy-url-error')).toBeVisible();
          await page.locator('#proxy-password').fill('');
          await page.locator('.proxy-password button').first().click();
          await expect(page.locator('#proxy-password-error')).toBeVisible();
        },
      ];
      for (const show of views) {
        await show();
        expect(await seriousViolations(page)).toEqual([]);
      }
    });
}

test('the axe scan finds a violation planted in the window, in the part it is told to scan only', async ({ page, openWindow }) => {
  // So that an empty list from the scans above means something: a button with no name is serious (button-name).
  await openWindow();
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
  await page.evaluate(() => {
    const planted = document.createElement('button');
    planted.id = 'planted';
    document.querySelector('nav')!.append(planted);
  });
  expect(await seriousViolations(page)).toEqual(['button-name: #planted']);
  // A second scan of the same document (axe is already there), of a part without it.
  expect(await seriousViolations(page, '[role="listbox"]')).toEqual([]);
  await page.evaluate(() => document.getElementById('planted')!.remove());
  expect(await seriousViolations(page)).toEqual([]);
});

test('every control can be reached and used from the keyboard', async ({ page, openWindow }) => {
  await openWindow();
  await expect(page.getByRole('button', { name: 'New preset' })).toBeVisible();
  // The editor is a chunk of its own, fetched once the list is up: Tab walks it once it is there (on a busy
  // machine it was not always yet: the walk reached "Loading…").
  await expect(page.locator('#preset-name')).toBeVisible();
  // Tab from the top: the section tabs, then the presets pane (the list is one stop), then the editor.
  const reached: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(
        () =>
          document.activeElement?.getAttribute('aria-label') ||
          document.activeElement?.id ||
          document.activeElement?.textContent?.trim() ||
          '',
      ),
    );
  }
  expect(reached.slice(0, 7)).toEqual([
    'Presets',
    'Upcoming',
    'Recent meetings',
    'Settings',
    'Usage',
    'preset-new',
    'preset-row-quick-meeting',
  ]);
  expect(reached).toContain('Actions for “Quick meeting”');
  expect(reached).toContain('preset-name');
  // The actions menu opens and is walked with the arrows.
  await page.getByRole('button', { name: 'Actions for “Quick meeting”' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Actions for “Quick meeting”' })).toBeFocused();
  await page.getByRole('button', { name: /^Settings/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'API credentials' })).toBeVisible();
});
