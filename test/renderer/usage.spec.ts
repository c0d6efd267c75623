import { seriousViolations } from './axe.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tempDir } from '../unit/support/temp-store.js';
import { holdMeetings } from '../unit/support/held-meetings.js';
import { expect, test, type AppWindow } from './harness.js';

// The Usage section (issue 31) in real Chromium with the real handlers and a sandbox that held meetings:
// the totals, the charts and the tables of the same numbers, the period picker and the export by keyboard,
// axe in both themes and both languages. The browser's clock is fixed at 31 March 2030 (the period's end);
// the sandbox's starts on 1 March and moves on as the meetings are held.

const NOW = new Date('2030-03-31T12:00:00Z');
const at = (iso: string) => Date.parse(iso);

async function withHistory(page: Page, openWindow: (o: object) => Promise<AppWindow>, languages = ['en-US']) {
  await page.clock.setFixedTime(NOW);
  const app = await openWindow({ credentials: true, clockStart: at('2030-03-01T00:00:00Z'), preferredLanguages: languages });
  // 5 March 10:00 UTC: two rooms of 10 at once, for an hour and for 45 minutes (3 + 2 people, one by phone).
  holdMeetings(app.sandbox, at('2030-03-05T10:00:00Z'), [
    { minutes: 60, people: 3, phone: 1 },
    { minutes: 45, people: 2 },
  ]);
  // 6 March 10:00 UTC: a room of 25 for 90 minutes.
  holdMeetings(app.sandbox, at('2030-03-06T10:00:00Z'), [{ capacity: 25, minutes: 90, people: 4 }]);
  await page.getByRole('navigation').getByRole('button').nth(4).click();
  await expect(page.getByTestId('usage-totals')).toBeVisible();
  return app;
}

/** The numbers a chart draws, in order. */
const drawn = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
/** A table's body cells, row by row. */
const cells = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => Number(td.textContent!.replace(/\D.*$/, '')))));

test('the totals, each chart and the table of its numbers (equal), the rooms; the last 30 days by default', async ({
  page,
  openWindow,
}) => {
  await withHistory(page, openWindow);
  await expect(page.getByText('2030-03-02 to 2030-03-31')).toBeVisible();
  await expect(page.getByTestId('usage-totals')).toContainText('Meetings3');
  await expect(page.getByTestId('usage-totals')).toContainText('Participants9');
  await expect(page.getByTestId('usage-totals')).toContainText('Meeting minutes195');
  await expect(page.getByTestId('usage-totals')).toContainText('Audio fees (¥)9.00');

  const dayRows = await cells(page, 'day-table');
  expect(dayRows).toHaveLength(30);
  expect(await drawn(page, '[data-testid=day-chart] .chart-meetings')).toEqual(dayRows.map((r) => r[0]));
  expect(await drawn(page, '[data-testid=day-chart] .chart-minutes')).toEqual(dayRows.map((r) => r[1]));
  expect(dayRows[3]).toEqual([2, 105]);

  const hourRows = await cells(page, 'hour-table-10');
  expect(await drawn(page, '[data-testid=hour-chart-10] rect')).toEqual(hourRows.flat());
  expect(hourRows.flat().reduce((a, b) => Math.max(a, b), 0)).toBe(2);
  await expect(page.getByText('At most 2 of 40 rooms of 10 were in use at once.')).toBeVisible();
  expect(await drawn(page, '[data-testid=hour-chart-25] rect')).toEqual((await cells(page, 'hour-table-25')).flat());
  await expect(page.getByTestId('room-table').locator('tbody tr')).toHaveCount(3);
});

test('by keyboard: another month, then the export as CSV (UTF-8 with a byte-order mark, Chinese headers in Chinese)', async ({
  page,
  openWindow,
}) => {
  const app = await withHistory(page, openWindow, ['zh-CN']);
  const period = page.getByLabel('时段');
  await period.focus();
  await page.keyboard.press('ArrowDown');
  await expect(period).toHaveValue('2030-03');
  await expect(page.getByText('2030-03-01 至 2030-03-31')).toBeVisible();
  await expect(page.getByTestId('day-table').locator('tbody tr')).toHaveCount(31);
  const file = join(tempDir(), 'usage.csv');
  app.dialogs.csvPath = file;
  await page.getByRole('button', { name: '导出为 CSV…' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`已保存到 ${file}`)).toBeVisible();
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.split('\r\n')[0]).toBe('日期,会议数,会议分钟数');
  expect(text).toContain('2030-03-05,2,105\r\n');
  expect(text).toContain('会议室,会议数,参会人次,会议分钟数,音频费用（元）,无空闲会议室\r\n');
});

for (const languages of [['en-US'], ['zh-CN']]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe: no serious violation, ${languages[0]}, ${theme}`, async ({ page, openWindow }) => {
      await page.emulateMedia({ colorScheme: theme });
      await withHistory(page, openWindow, languages);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('printable: the controls and the tabs are not printed, the charts and tables are', async ({ page, openWindow }) => {
  await withHistory(page, openWindow);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.locator('.usage-controls')).toBeHidden();
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByTestId('day-chart')).toBeVisible();
  await expect(page.getByTestId('day-table')).toBeVisible();
  // Dark text on paper whatever the theme.
  expect(
    await page
      .locator('.usage-table th')
      .first()
      .evaluate((el) => getComputedStyle(el).color),
  ).toBe('rgb(0, 0, 0)');
});

/** Where the screenshots go: test-results/screenshots, or with `npm run screenshots` the committed docs/screenshots. */
const screenshotsDir = process.env.UMEET_SCREENSHOTS_DIR || 'test-results/screenshots';
for (const [locale, languages] of [
  ['en', ['en-US']],
  ['zh-CN', ['zh-CN']],
] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots of Usage (${locale}, ${theme})`, async ({ page, openWindow }) => {
      await page.setViewportSize({ width: 860, height: 640 });
      await page.emulateMedia({ colorScheme: theme });
      await withHistory(page, openWindow, [...languages]);
      await page.screenshot({ path: `${screenshotsDir}/usage-${locale}-${theme}.png` });
      await page.getByTestId('hour-chart-10').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${screenshotsDir}/usage-hours-${locale}-${theme}.png` });
    });
  }
}
