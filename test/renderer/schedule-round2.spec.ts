import type { Page } from '@playwright/test';
import { fromAppWindow } from '../unit/support/app-under-test.js';
import { addDays, nthWeekday, nextYear } from '../unit/support/dates.js';
import { expect, test, type AppWindow, type OpenOptions } from './harness.js';

// Issue 29, scheduling as people expect, in real Chromium with the real handlers and a sandbox of the test's own
// on a clock the test sets (the window's clock too): a series booked other than asked leaves a trace (1), the
// start moved to the first day the series makes, weekday shown (2), the checks the form can make itself (3),
// Edit of a meeting booked elsewhere (4), and the Upcoming list's states and cards (5).

const SCHEDULE = '/umeeting/share/schedule';
const UPDATE = '/umeeting/share/update';

/** A Monday next year, 01:00 on the local clock: the clock both sides start on. Its date, and a week later's. */
const MONDAY = nthWeekday(nextYear(), 2, 1, 'mon')!;
const CLOCK = new Date(`${MONDAY}T01:00`);
const NEXT_MONDAY = addDays(MONDAY, 7);

const WORDS = {
  en: {
    languages: ['en-US'],
    schedule: 'Schedule…',
    book: 'Book',
    bookedOther: /is booked, but not on the days you asked for/,
    summary: 'Asked: Mon/Wed/Fri → booked: Tue/Thu/Sat',
    accept: 'Accept as booked',
    fix: 'Fix the series',
    addToCalendar: 'Add to calendar',
    back: 'Back to Upcoming',
    more: /More actions/,
    acceptedWords: /Tuesday, Thursday and Saturday/,
    moved: (day: string) => `The first meeting moved to Wed ${day}, the first day the series makes.`,
    movedMonday: (day: string) => `Mon ${day}`,
    wed: 'Wed',
    past: 'Choose a start that is still to come.',
    conflicts: /No room of 10 is free for 1 of the 4 meetings: Mon \d{4}-\d\d-\d\d 10:00\./,
    useSize: 'Use a room of 25 (2 free)',
    allFree: 'Rooms of 25 free at all 4 meetings',
    unchanged: 'As booked (unchanged)',
    size: '25 people',
    credentials: 'Set up credentials first',
    openSettings: 'Open Settings',
    retry: 'Retry',
    blank: 'Enter a topic.',
    topic: 'Topic',
    passwordShort: 'Meeting password',
    when: /^Mon \d{1,2} [A-Z][a-z]{2} 10:00–11:00/,
  },
  'zh-CN': {
    languages: ['zh-CN'],
    schedule: '预约会议…',
    book: '预约',
    bookedOther: /已预约，但日期与您选择的不同/,
    summary: '您选择的：周一/周三/周五 → 实际预约：周二/周四/周六',
    accept: '接受实际预约的日期',
    fix: '修正系列',
    addToCalendar: '添加到日历',
    back: '返回“即将召开”',
    more: /更多操作/,
    acceptedWords: /每周二、周四、周六/,
    moved: (day: string) => `第一次会议已改到 ${day}（周三），即该系列的第一天。`,
    movedMonday: (day: string) => `${day}（周一）`,
    wed: '周三',
    past: '请选择尚未到来的开始时间。',
    conflicts: /4 次会议中有 1 次没有空闲的 10 人会议室：\d{4}-\d\d-\d\d（周一）10:00。/,
    useSize: '改用 25 人会议室（空闲 2 间）',
    allFree: '全部 4 次会议均有 25 人会议室空闲',
    unchanged: '按原预约（不变）',
    size: '25 人',
    credentials: '请先设置凭据',
    openSettings: '打开设置',
    retry: '重试',
    blank: '请输入会议主题。',
    topic: '主题',
    passwordShort: '会议密码',
    when: /^\d{1,2}月\d{1,2}日 周一 10:00–11:00/,
  },
} as const;

const showUpcoming = (page: Page) => page.getByRole('navigation').getByRole('button').nth(1).click();
const sent = (app: AppWindow, path: string) => app.sandbox.requests.filter((r) => r.path === path);
const day = (page: Page, name: string) => page.locator(`.weekdays input[value="${name}"]`);

/** Opens the window on the test's clock (main's and the page's), signed in unless said otherwise. */
async function openAt(
  page: Page,
  openWindow: (options?: OpenOptions) => Promise<AppWindow>,
  locale: keyof typeof WORDS,
  extra: Partial<OpenOptions> = {},
) {
  await page.clock.setFixedTime(CLOCK);
  return openWindow({
    preferredLanguages: [...WORDS[locale].languages],
    credentials: 'verified',
    clockStart: CLOCK.getTime(),
    ...extra,
  });
}

for (const locale of ['en', 'zh-CN'] as const) {
  const w = WORDS[locale];

  test(`1: a series booked on other days than asked is said so, its invitation and .ics held, the warning and Fix kept on the card (${locale})`, async ({
    page,
    openWindow,
  }) => {
    // This service numbers days 1 = Monday: Mon/Wed/Fri sent 1 = Sunday is booked Tue/Thu/Sat.
    const app = await openAt(page, openWindow, locale, { sandboxOptions: { firstWeekday: 'monday' } });
    await showUpcoming(page);
    await page.getByRole('button', { name: w.schedule }).click();
    await page.locator('#schedule-topic').fill('MWF');
    await page.locator('#schedule-date').fill(NEXT_MONDAY);
    await page.locator('#schedule-time').fill('10:00');
    await page.locator('#schedule-repeat').selectOption('weekly');
    await day(page, 'wed').check();
    await day(page, 'fri').check();
    await page.locator('#schedule-endTimes').fill('6');
    await page.getByRole('button', { name: w.book, exact: true }).click();

    await expect(page.getByRole('heading', { name: w.bookedOther })).toBeVisible();
    await expect(page.getByTestId('mismatch-summary')).toHaveText(w.summary);
    // Held: nothing copied, no invitation shown, no calendar file offered.
    await expect(page.getByTestId('schedule-invitation')).toHaveCount(0);
    await expect(page.getByRole('button', { name: w.addToCalendar })).toHaveCount(0);
    expect(app.clipboard).toEqual([]);

    await page.getByRole('button', { name: w.back }).click();
    const card = page.getByTestId('upcoming-card').filter({ hasText: 'MWF' });
    await expect(card.getByTestId('mismatch-summary')).toHaveText(w.summary);
    await expect(card.getByRole('button', { name: w.fix })).toBeVisible();
    await card.getByRole('button', { name: w.more }).click();
    await expect(page.getByRole('menuitem', { name: w.addToCalendar })).toBeDisabled();
    await page.keyboard.press('Escape');

    // Accepted as booked: the warning goes, the card says the days booked, the invitation can go out.
    await card.getByRole('button', { name: w.accept }).click();
    await expect(card.getByTestId('schedule-mismatch')).toHaveCount(0);
    await expect(card).toContainText(w.acceptedWords);
    await card.getByRole('button', { name: w.more }).click();
    await expect(page.getByRole('menuitem', { name: w.addToCalendar })).toBeEnabled();
  });

  test(`2: a start the series does not make moves to its first day, said with the weekday; the series sentence waits until complete (${locale})`, async ({
    page,
    openWindow,
  }) => {
    await openAt(page, openWindow, locale);
    await showUpcoming(page);
    await page.getByRole('button', { name: w.schedule }).click();
    await page.locator('#schedule-date').fill(NEXT_MONDAY);
    await page.locator('#schedule-repeat').selectOption('weekly');
    await day(page, 'wed').check();
    await day(page, 'mon').uncheck();
    const wednesday = addDays(NEXT_MONDAY, 2);
    await expect(page.locator('#schedule-date')).toHaveValue(wednesday);
    await expect(page.getByTestId('schedule-start-moved')).toHaveText(w.moved(wednesday));
    await expect(page.getByTestId('date-weekday').first()).toHaveText(w.wed);
    // No refusal under the repeat: the form made the start right itself.
    await expect(page.locator('#schedule-repeat-error')).toHaveCount(0);

    // Incomplete: no day ticked, too many meetings: no sentence half said.
    await expect(page.getByTestId('schedule-series')).toBeVisible();
    await day(page, 'wed').uncheck();
    await expect(page.getByTestId('schedule-series')).toHaveCount(0);
    await day(page, 'thu').check();
    await expect(page.getByTestId('schedule-series')).toBeVisible();
    await page.locator('#schedule-endTimes').fill('60');
    await expect(page.getByTestId('schedule-series')).toHaveCount(0);

    // Every working day from a Saturday: Monday.
    await page.locator('#schedule-endTimes').fill('4');
    await page.locator('#schedule-repeat').selectOption('weekdays');
    const saturday = addDays(NEXT_MONDAY, 5);
    await page.locator('#schedule-date').fill(saturday);
    await expect(page.locator('#schedule-date')).toHaveValue(addDays(saturday, 2));
    await expect(page.getByTestId('schedule-start-moved')).toContainText(w.movedMonday(addDays(saturday, 2)));
  });

  test(`3: the form checks what it can: the default start in working hours, a start gone, every meeting's room, the next size up (${locale})`, async ({
    page,
    openWindow,
  }) => {
    const app = await openAt(page, openWindow, locale, { sandboxOptions: { licence: { 10: 2, 25: 2 } } });
    // Both rooms of 10 taken at the third meeting of the series asked below.
    const third = addDays(NEXT_MONDAY, 14);
    for (const topic of ['Taken A', 'Taken B'])
      expect(
        await app.listeners.schedule(fromAppWindow, {
          request: { topic, capacity: 10, start: new Date(`${third}T10:00`).toISOString(), duration: 60 },
        }),
      ).toMatchObject({ ok: true });
    await showUpcoming(page);
    await page.getByRole('button', { name: w.schedule }).click();
    // At 01:00 the default start is 09:00 that morning, not 02:00.
    await expect(page.locator('#schedule-date')).toHaveValue(MONDAY);
    await expect(page.locator('#schedule-time')).toHaveValue('09:00');

    // A start already gone: said on the date, nothing sent, no free rooms counted.
    await page.locator('#schedule-topic').fill('Past');
    await page.locator('#schedule-date').fill(addDays(MONDAY, -1));
    await expect(page.locator('#schedule-date-error')).toHaveText(w.past);
    const before = sent(app, SCHEDULE).length;
    await page.getByRole('button', { name: w.book, exact: true }).click();
    await expect(page.getByTestId('slot-free')).toHaveText('');
    expect(sent(app, SCHEDULE).length).toBe(before);

    // A weekly series of 10: every meeting checked, the date with no room named, the next size up offered.
    await page.locator('#schedule-date').fill(NEXT_MONDAY);
    await page.locator('#schedule-time').fill('10:00');
    await page.locator('#schedule-capacity').selectOption('10');
    await page.locator('#schedule-repeat').selectOption('weekly');
    await expect(page.getByTestId('slot-none-free')).toHaveText(w.conflicts);
    await expect(page.getByTestId('slot-none-free')).toContainText(third);
    await page.getByRole('button', { name: w.useSize }).click();
    await expect(page.locator('#schedule-capacity')).toHaveValue('25');
    await expect(page.getByTestId('slot-free')).toContainText(w.allFree);

    // A refusal by the service no longer stands once the form changes.
    app.sandbox.inject({ kind: 'no-free-room', path: SCHEDULE });
    await page.getByRole('button', { name: w.book, exact: true }).click();
    await expect(page.getByTestId('schedule-failure')).toBeVisible();
    await page.locator('#schedule-time').fill('11:00');
    await expect(page.getByTestId('schedule-failure')).toHaveCount(0);
  });

  test(`4: Edit of a series booked elsewhere shows its real size and keeps its repeat as booked (${locale})`, async ({
    page,
    openWindow,
  }) => {
    const app = await openAt(page, openWindow, locale);
    // Booked by another program: a weekly series of 25, three times, straight at the service.
    const body = new URLSearchParams({
      api_key: app.sandbox.credentials.apiKey,
      api_secret: app.sandbox.credentials.apiSecret,
      topic: 'Booked elsewhere',
      meeting_capacity: '25',
      start_time: `${NEXT_MONDAY} 10:00:00`,
      duration: '60',
      recurrence_type: '2',
      weekly_days: '2',
      end_times: '3',
    });
    const answer = (await (await fetch(`${app.sandbox.url}${SCHEDULE}`, { method: 'POST', body })).json()) as {
      data: { meeting_id: string };
    };
    const id = answer.data.meeting_id;
    await showUpcoming(page);
    const card = page.getByTestId('upcoming-card').filter({ hasText: 'Booked elsewhere' });
    await card.getByRole('button', { name: locale === 'en' ? 'Edit' : '编辑' }).click();
    await expect(page.locator('#schedule-capacity')).toHaveValue('25');
    await expect(page.locator('#schedule-repeat')).toHaveValue('unchanged');
    await expect(page.locator('#schedule-repeat option:checked')).toHaveText(w.unchanged);
    await page.locator('#schedule-topic').fill('Booked elsewhere, renamed');
    await page.getByRole('button', { name: locale === 'en' ? 'Save changes' : '保存修改' }).click();
    await expect(page.getByRole('heading', { name: /renamed/ })).toBeVisible();
    const update = sent(app, UPDATE).at(-1)?.fields ?? {};
    expect(update).toMatchObject({ id, topic: 'Booked elsewhere, renamed' });
    // Nothing said of the repeat: the service keeps the series as it is.
    expect(Object.keys(update).filter((k) => k.startsWith('recurrence') || k.startsWith('weekly') || k.startsWith('end_'))).toEqual([]);
  });

  test(`5: Upcoming without credentials says to set them up, with the way to Settings (${locale})`, async ({ page, openWindow }) => {
    await openAt(page, openWindow, locale, { credentials: false });
    await showUpcoming(page);
    await expect(page.getByTestId('upcoming-no-credentials')).toContainText(w.credentials);
    await expect(page.getByText(/api_key/)).toHaveCount(0);
    await page.getByRole('button', { name: w.openSettings }).click();
    await expect(page.locator('main.content')).toHaveAttribute('data-section', 'settings');
  });

  test(`5: a failed read has Retry; a card says its day with the weekday, its size and ID, Edit and ⋯ (${locale})`, async ({
    page,
    openWindow,
  }) => {
    const app = await openAt(page, openWindow, locale);
    expect(
      await app.listeners.schedule(fromAppWindow, {
        request: { topic: 'Card', capacity: 25, start: new Date(`${NEXT_MONDAY}T10:00`).toISOString(), duration: 60 },
      }),
    ).toMatchObject({ ok: true });
    // The read that follows a booking is over before the fault is set: the page's own read meets it.
    await app.listeners.upcoming(fromAppWindow, undefined);
    app.sandbox.inject({ kind: 'http-502-html', path: '/umeeting/share/list' });
    await showUpcoming(page);
    await expect(page.getByTestId('upcoming-failed')).toBeVisible();
    await page.getByRole('button', { name: w.retry }).click();
    const card = page.getByTestId('upcoming-card').filter({ hasText: 'Card' });
    await expect(card.getByTestId('upcoming-when')).toHaveText(w.when);
    await expect(card.getByTestId('upcoming-size')).toHaveText(w.size);
    await expect(card).toContainText(/\d{3} \d{3} \d{4}/);
    // Edit, and the rest under ⋯.
    await expect(card.getByRole('button')).toHaveCount(2);
  });

  test(`6: the form as the editor: Book in view at 560×420, a linked error summary, a blank topic said as blank, focus on a refusal (${locale})`, async ({
    page,
    openWindow,
  }) => {
    const app = await openAt(page, openWindow, locale);
    await page.setViewportSize({ width: 560, height: 420 });
    await showUpcoming(page);
    await page.getByRole('button', { name: w.schedule }).click();
    const book = page.getByRole('button', { name: w.book, exact: true });
    await expect(book).toBeInViewport();
    await page.locator('#schedule-password').fill('12345678901');
    await book.click();
    await expect(page.locator('#schedule-topic-error')).toHaveText(w.blank);
    // The password's error is said once, without the hint repeating it.
    await expect(page.locator('#schedule-password-hint')).toHaveCount(0);
    const summary = page.getByTestId('schedule-errors');
    await expect(summary.getByRole('link')).toHaveText([w.topic, w.passwordShort]);
    await summary.getByRole('link', { name: w.passwordShort }).click();
    await expect(page.locator('#schedule-password')).toBeFocused();

    // The service refuses: its words take the focus.
    await page.locator('#schedule-password').fill('');
    await page.locator('#schedule-topic').fill('Refused');
    app.sandbox.inject({ kind: 'no-free-room', path: SCHEDULE });
    await book.click();
    await expect(page.getByTestId('schedule-failure')).toBeFocused();
  });
}
