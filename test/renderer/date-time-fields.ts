import { axeViolations } from './axe.js';
import type { Page } from '@playwright/test';
import config from '../../playwright.config.js';
import { addDays, chinaTimeOf, nextYear, nthWeekday } from '../unit/support/dates.js';
import { collectPageErrors, expect, test, type AppWindow } from './harness.js';

// Issue 29, item 7: the schedule form's date and time showed `12/21/2026` and `10:00 AM` in the Chinese window,
// because Chromium draws its own date and time inputs in the browser's locale, whatever the app's language. Here
// the browser runs in the OTHER language than the app (its locale and --lang), and the fields must still read as
// the app writes dates and times (common/format.ts): `2026-12-21` with the weekday in the app's language, `14:30`.

const SCHEDULE = '/umeeting/share/schedule';
/** A Monday next year, 01:00 on the local clock: the clock main, the sandbox and the page start on. */
const MONDAY = nthWeekday(nextYear(), 2, 1, 'mon')!;
const CLOCK = new Date(`${MONDAY}T01:00`);
const NEXT_MONDAY = addDays(MONDAY, 7);

const CASES = [
  {
    app: 'zh-CN',
    preferredLanguages: ['zh-CN'],
    browser: 'en-US',
    schedule: '预约会议…',
    book: '预约',
    booked: /已预约/,
    date: '日期',
    time: '时间',
    pick: '从日历选择日期',
    mon: '周一',
    tue: '周二',
    dateError: '请按“年-月-日”输入日期，例如 2026-12-21。',
    timeError: '请按 24 小时制输入时间，例如 14:30。',
    summary: '预约前请检查： 日期，时间',
  },
  {
    app: 'en',
    preferredLanguages: ['en-US'],
    browser: 'zh-CN',
    schedule: 'Schedule…',
    book: 'Book',
    booked: /is booked/,
    date: 'Date',
    time: 'Time',
    pick: 'Calendar for Date',
    mon: 'Mon',
    tue: 'Tue',
    dateError: 'Enter a date as year-month-day, for example 2026-12-21.',
    timeError: 'Enter a time on the 24-hour clock, for example 14:30.',
    summary: 'To book, check: Date, Time',
  },
] as const;

const renderer = config.projects?.find((project) => project.name === 'renderer')?.use?.launchOptions ?? {};
const showUpcoming = (page: Page) => page.getByRole('navigation').getByRole('button').nth(1).click();
const sent = (app: AppWindow) => app.sandbox.requests.filter((r) => r.path === SCHEDULE);

/**
 * The text a field shows. Only a text input paints its value as it is: Chromium's `type="date"` and `type="time"`
 * keep `2026-12-21` and `10:00` as their value and paint `12/21/2026` and `10:00 AM`, the browser's locale (and
 * their painting is out of the page's reach, in a closed shadow root). So: a text input, all of its value in view.
 */
async function shown(page: Page, name: string) {
  const field = page.getByRole('textbox', { name, exact: true });
  const { type, value, fits } = await field.evaluate((el: HTMLInputElement) => ({
    type: el.type,
    value: el.value,
    fits: el.scrollWidth <= el.clientWidth,
  }));
  expect(type, `${name}: a field that shows its value as the app writes it, not as the browser's locale does`).toBe('text');
  expect(fits, `${name} shows all of "${value}"`).toBe(true);
  return value;
}

/**
 * The test, for a browser in `browser` (its locale, and --lang as Chromium starts with on such an OS) and the app in
 * the other language. Playwright starts a browser with other options only for a whole file
 * (date-time-fields-*.spec.ts), so each file calls this at its top level.
 */
export function dateTimeFieldsIn(browser: (typeof CASES)[number]['browser']) {
  const c = CASES.find((each) => each.browser === browser)!;
  test.use({ locale: c.browser, launchOptions: { ...renderer, args: [...(renderer.args ?? []), `--lang=${c.browser}`] } });
  {
    test(`7: the date and time fields read as the app writes them, typed, stepped with the arrows and checked (${c.app})`, async ({
      page,
      openWindow,
    }) => {
      await page.clock.setFixedTime(CLOCK);
      const errors = collectPageErrors(page);
      const app = await openWindow({ preferredLanguages: [...c.preferredLanguages], credentials: 'verified', clockStart: CLOCK.getTime() });
      // The browser is in the other language indeed.
      expect(await page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().locale])).toEqual([
        c.browser,
        c.browser,
      ]);
      await showUpcoming(page);
      await page.getByRole('button', { name: c.schedule }).click();

      // The default start (Monday 09:00) as the app writes it, the weekday beside it in the app's language.
      expect(await shown(page, c.date)).toBe(MONDAY);
      expect(await shown(page, c.time)).toBe('09:00');
      await expect(page.getByTestId('date-weekday').first()).toHaveText(c.mon);
      await expect(page.getByRole('button', { name: c.pick })).toBeVisible();

      await page.locator('#schedule-topic').fill('Planning');
      // Typed as people type them, shown the app's way once left.
      const date = page.getByRole('textbox', { name: c.date, exact: true });
      const time = page.getByRole('textbox', { name: c.time, exact: true });
      await date.fill(NEXT_MONDAY.replaceAll('-', '/'));
      await time.fill('2:30 pm');
      await time.press('Tab');
      expect(await shown(page, c.date)).toBe(NEXT_MONDAY);
      expect(await shown(page, c.time)).toBe('14:30');

      // The arrows step a day and a quarter of an hour.
      await date.press('ArrowUp');
      expect(await shown(page, c.date)).toBe(addDays(NEXT_MONDAY, 1));
      await expect(page.getByTestId('date-weekday').first()).toHaveText(c.tue);
      await date.press('ArrowDown');
      // The calendar button opens Chromium's picker on a date input kept out of sight (headless, there is no picker
      // to click: its choice is written into that input here, as the picker does), and the field takes the choice.
      await page.getByRole('button', { name: c.pick }).click();
      await page.locator('.date-picker-proxy').first().fill(addDays(NEXT_MONDAY, 2), { force: true });
      expect(await shown(page, c.date)).toBe(addDays(NEXT_MONDAY, 2));
      await expect(date).toBeFocused();
      // Closes the picker (when this Chromium opened one), as a choice made in it would.
      await page.keyboard.press('Escape');
      await date.fill(NEXT_MONDAY);
      await time.press('ArrowDown');
      expect(await shown(page, c.time)).toBe('14:15');
      await time.press('ArrowUp');

      // What cannot be read is told on its field, and named in the footer, in the app's language; nothing is sent.
      const before = sent(app).length;
      await date.fill(`${nextYear()}-02-30`);
      await time.fill('25:00');
      await page.getByRole('button', { name: c.book, exact: true }).click();
      await expect(page.locator('#schedule-date-error')).toHaveText(c.dateError);
      await expect(page.locator('#schedule-time-error')).toHaveText(c.timeError);
      await expect(page.getByTestId('schedule-errors')).toHaveText(c.summary);
      await expect(date).toHaveAttribute('aria-invalid', 'true');
      await expect(time).toHaveAttribute('aria-describedby', 'schedule-time-error');
      // No weekday beside a day there is not.
      await expect(page.getByTestId('date-weekday')).toHaveCount(0);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const violations = await axeViolations(page, '.schedule-form');
        expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
      expect(sent(app)).toHaveLength(before);

      // Corrected by keyboard, booked for the moment typed.
      await date.fill(NEXT_MONDAY);
      await time.fill('1430');
      await time.press('Enter');
      await expect(page.getByRole('heading', { name: c.booked })).toBeVisible();
      expect(sent(app).at(-1)?.fields.start_time).toBe(chinaTimeOf(new Date(`${NEXT_MONDAY}T14:30`).getTime()));
      expect(errors).toEqual([]);
    });
  }
}
