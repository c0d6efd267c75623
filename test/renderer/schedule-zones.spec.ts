import { seriousViolations } from './axe.js';
import { chinaTimeOf, momentOf, nextYear, nthWeekday } from '../unit/support/dates.js';
import { expect, test, type AppWindow } from './harness.js';

// A user in Los Angeles books "the 2nd Tuesday of every month at 18:00" in the window, in real Chromium
// with the real handlers and the sandbox. The service repeats a series on Beijing's calendar and clock,
// so the form says, before anything is sent, which meeting would differ and why, and asks how to book
// it; one by one books each meeting at 18:00 here, shown in Upcoming as one card and cancelled together.
// Main's zone (this process's TZ) and the page's (the browser context's) are both Los Angeles.

const ZONE = 'America/Los_Angeles';
test.use({ timezoneId: ZONE });
let savedZone: string | undefined;
test.beforeAll(() => {
  savedZone = process.env.TZ;
  process.env.TZ = ZONE;
});
test.afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

const SCHEDULE = '/umeeting/share/schedule';
const Y = nextYear();
const tuesdays = Array.from({ length: 12 }, (_, m) => nthWeekday(Y, m + 1, 2, 'tue')!);
const sent = (app: AppWindow) => app.sandbox.requests.filter((r) => r.path === SCHEDULE);

for (const [locale, languages, words] of [
  [
    'en',
    ['en-US'],
    {
      schedule: 'Schedule…',
      repeat: /Every month, on the 2nd Tuesday/,
      clock:
        /Beijing keeps no daylight saving time, so every meeting would stay at 10:00 Beijing time: meeting \d+ would be at Tue \S+ 19:00, not Tue \S+ 18:00\./,
      day: /where this one is “every month on the 2nd Wednesday”, which falls on other days: meeting \d+ would be on Tue \S+-07 19:00, not Tue \S+-14 18:00\./,
      book: 'Book',
      choose: 'Choose how to book this series.',
      oneByOne: /Each meeting on its own, at 18:00 \(America\/Los_Angeles\) on your clock: 12 meetings/,
      booked: '“Monthly review”: 12 meetings are booked, one by one.',
      back: 'Back to Upcoming',
      group: 'Booked one by one: every month on the 2nd Tuesday, 12 times, each at 18:00 (America/Los_Angeles); 12 meetings',
      cancelAll: 'Cancel all 12…',
    },
  ],
  [
    'zh-CN',
    ['zh-CN'],
    {
      schedule: '预约会议…',
      repeat: /每月第 2 个周二/,
      clock: /北京不实行夏令时，每次会议都固定在北京时间 10:00：第 \d+ 次会议将是 \S+（周二）19:00，而不是 \S+（周二）18:00。/,
      day: /在北京这个系列是“每月第 2 个周三”，会落在其他日期：第 \d+ 次会议将是 \S+-07（周二）19:00，而不是 \S+-14（周二）18:00。/,
      book: '预约',
      choose: '请选择这个系列的预约方式。',
      oneByOne: /逐次单独预约，每次都在您当地时间 18:00（America\/Los_Angeles）：共 12 次/,
      booked: '“Monthly review”：已逐次预约 12 次会议。',
      back: '返回“即将召开”',
      group: '逐次预约：每月第 2 个周二，共 12 次，每次 18:00（America/Los_Angeles）；共 12 次',
      cancelAll: '全部取消（12 次）…',
    },
  ],
] as const) {
  test(`Los Angeles, the 2nd Tuesday at 18:00: told before booking, asked how, booked one by one, cancelled together (${locale})`, async ({
    page,
    openWindow,
  }) => {
    const app = await openWindow({ preferredLanguages: [...languages], credentials: 'verified', section: 'upcoming' });
    await page.getByRole('button', { name: words.schedule }).click();
    await page.locator('#schedule-topic').fill('Monthly review');
    await page.locator('#schedule-date').fill(tuesdays[0]!);
    await page.locator('#schedule-time').fill('18:00');
    await page.locator('#schedule-capacity').selectOption('10');
    await page
      .locator('#schedule-repeat')
      .selectOption({ label: (await page.locator('#schedule-repeat option').allTextContents()).find((l) => words.repeat.test(l))! });
    await page.getByLabel(locale === 'en' ? 'Number of meetings' : '会议次数').fill('12');

    // Told before anything is sent: the summer hour, and the days Beijing's 2nd Wednesday makes.
    const told = page.getByTestId('schedule-not-as-asked');
    await expect(told).toContainText(words.clock);
    await expect(told).toContainText(words.day);
    expect(await seriousViolations(page, '[data-testid="schedule-not-as-asked"]')).toEqual([]);
    const before = sent(app).length;
    await page.getByRole('button', { name: words.book, exact: true }).click();
    await expect(told.getByRole('alert')).toHaveText(words.choose);
    expect(sent(app)).toHaveLength(before);

    // One by one: twelve meetings, each at 18:00 Los Angeles time on its 2nd Tuesday.
    await told.getByRole('radio', { name: words.oneByOne }).check();
    await page.getByRole('button', { name: words.book, exact: true }).click();
    await expect(page.getByRole('heading', { name: words.booked })).toBeVisible();
    expect(
      sent(app)
        .slice(before)
        .map((r) => r.fields.start_time),
    ).toEqual(tuesdays.map((d) => chinaTimeOf(momentOf(ZONE, d, '18:00'))));

    // Upcoming: one card for the twelve; cancelled together, after one question.
    await page.getByRole('button', { name: words.back }).click();
    const card = page.getByTestId('upcoming-card').filter({ hasText: 'Monthly review' });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(words.group);
    // Cancel is under ⋯, as on Recent cards.
    await card.getByRole('button', { name: /More actions|更多操作/ }).click();
    await page.getByRole('menuitem', { name: words.cancelAll }).click();
    await expect(page.getByTestId('upcoming-card').filter({ hasText: 'Monthly review' })).toHaveCount(0);
    expect(app.sandbox.requests.filter((r) => r.path === '/umeeting/share/delete').slice(-12)).toHaveLength(12);
  });
}

test('Los Angeles: as the service would, the series on Beijing’s clock, said so on the booked page and in Upcoming', async ({
  page,
  openWindow,
}) => {
  const app = await openWindow({ credentials: 'verified', section: 'upcoming' });
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await page.locator('#schedule-topic').fill('Beijing review');
  await page.locator('#schedule-date').fill(tuesdays[0]!);
  await page.locator('#schedule-time').fill('18:00');
  await page.locator('#schedule-capacity').selectOption('10');
  await page.locator('#schedule-repeat').selectOption('monthly-weekday');
  await page.getByLabel('Number of meetings').fill('12');
  await page
    .getByRole('radio', { name: /As the service would: every month on the 2nd Wednesday, 12 times, at 10:00 Beijing time/ })
    .check();
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('heading', { name: '“Beijing review” is booked.' })).toBeVisible();
  await expect(page.getByTestId('schedule-booked-not-as-asked')).toContainText(
    /Booked as the service runs it: meeting \d+ is at Tue \S+ 19:00, not Tue \S+ 18:00\./,
  );
  await expect(page.getByTestId('schedule-invitation')).toContainText('at 10:00 Beijing time (UTC+8)');
  await page.getByRole('button', { name: 'Back to Upcoming' }).click();
  const card = page.getByTestId('upcoming-card').filter({ hasText: 'Beijing review' });
  await expect(card).toContainText('On Beijing’s clock: every month on the 2nd Wednesday, 12 times, at 10:00 Beijing time (UTC+8)');
  // The rooms go back for the other tests of the worker.
  await card.getByRole('button', { name: /More actions/ }).click();
  await page.getByRole('menuitem', { name: 'Cancel meeting…' }).click();
  await expect(page.getByTestId('upcoming-card').filter({ hasText: 'Beijing review' })).toHaveCount(0);
  expect(sent(app).at(-1)?.fields).toMatchObject({ recurrence_type: '3', monthly_week: '2', monthly_week_day: '4' });
});
