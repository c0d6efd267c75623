import { seriousViolations } from './axe.js';
import type { Page } from '@playwright/test';
import { localDate } from '../../common/format.js';
import { cardWhen } from '../../common/schedule-words.js';
import type { PresetInput } from '../../common/window-state.js';
import { fromAppWindow } from '../unit/support/app-under-test.js';
import { expect, test, type AppWindow } from './harness.js';

// Scheduling in the window, in real Chromium with the real handlers and the sandbox (licence: 20 rooms
// of 10, 10 of 25, 2 of 50): the form by keyboard, what is free for the slot, booking from a preset,
// the Upcoming list with edit and cancel, axe, and a 420 px window that never scrolls sideways.

const SCHEDULE = '/umeeting/share/schedule';
const showUpcoming = (page: Page) => page.getByRole('navigation').getByRole('button').nth(1).click();
const sent = (app: AppWindow, path: string) => app.sandbox.requests.filter((r) => r.path === path);

/** A day in the future no other test of this file books (the sandbox lives as long as the worker). */
let dayOffset = 40;
const freshDay = () => {
  const d = new Date();
  d.setDate(d.getDate() + (dayOffset += 3));
  return localDate(d);
};

async function serious(page: Page) {
  return seriousViolations(page);
}

/** What could scroll sideways: the page, or any box that scrolls (overflow auto or scroll) with more than its width. */
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() =>
    [document.scrollingElement!, ...document.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el === document.scrollingElement || ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName}.${el.className}`),
  );

for (const [locale, languages, words] of [
  ['en', ['en-US'], { schedule: 'Schedule…', date: 'Date', repeat: 'Repeat', book: 'Book', booked: /is booked/ }],
  ['zh-CN', ['zh-CN'], { schedule: '预约会议…', date: '日期', repeat: '重复', book: '预约', booked: /已预约/ }],
] as const) {
  test(`the form by keyboard only, booked with Enter (${locale})`, async ({ page, openWindow }) => {
    const app = await openWindow({ preferredLanguages: [...languages], credentials: 'verified' });
    await showUpcoming(page);
    await expect(page.getByRole('button', { name: words.schedule })).toBeVisible();
    await page.getByRole('button', { name: words.schedule }).focus();
    await page.keyboard.press('Enter');
    // The heading takes the focus; Tab goes to the topic.
    await expect(page.locator('#schedule-heading')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator('#schedule-topic')).toBeFocused();
    await page.keyboard.type('Keyboard review');
    await page.keyboard.press('Tab');
    await expect(page.locator('#schedule-date')).toBeFocused();
    // The app's own date field (issue 29, item 7): typed year-month-day, as the app writes dates in both languages.
    const day = freshDay();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(day);
    await expect(page.locator('#schedule-date')).toHaveValue(day);
    // Tab passes the calendar button for the time.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.locator('#schedule-time')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1030');
    await page.keyboard.press('Tab');
    await expect(page.locator('#schedule-time')).toHaveValue('10:30');
    // The repeat choice, with the arrows.
    await page.locator('#schedule-repeat').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#schedule-repeat')).toHaveValue('daily');
    await expect(page.getByTestId('schedule-series')).toContainText(locale === 'en' ? 'every day, 4 times' : '每天，共 4 次');
    await expect(page.getByTestId('slot-free')).toContainText(locale === 'en' ? /rooms of/i : '会议室空闲');
    const before = sent(app, SCHEDULE).length;
    await page.locator('#schedule-topic').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: words.booked })).toBeVisible();
    expect(sent(app, SCHEDULE).length).toBe(before + 1);
    expect(sent(app, SCHEDULE).at(-1)?.fields).toMatchObject({
      topic: 'Keyboard review',
      recurrence_type: '1',
      daily_type: '1',
      end_times: '4',
    });
    await expect(page.getByTestId('schedule-copied')).toBeVisible();
    expect(app.clipboard.at(-1)).toContain('Keyboard review');
  });

  test(`axe: no serious or critical violations on the form and the Upcoming list, light and dark (${locale})`, async ({
    page,
    openWindow,
  }) => {
    const app = await openWindow({ preferredLanguages: [...languages], credentials: 'verified' });
    const start = new Date(`${freshDay()}T09:00`).toISOString();
    expect(
      await app.listeners.schedule(fromAppWindow, {
        request: { topic: `Axe review ${locale}`, capacity: 25, start, duration: 60, recurrence: { kind: 'daily' }, end: { times: 2 } },
      }),
    ).toMatchObject({ ok: true });
    await showUpcoming(page);
    await expect(page.getByTestId('upcoming-card').filter({ hasText: `Axe review ${locale}` })).toBeVisible();
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      expect(await serious(page)).toEqual([]);
    }
    await page.getByRole('button', { name: words.schedule }).click();
    await page.locator('#schedule-repeat').selectOption('weekly');
    // A refused form: each wrong field named.
    await page.locator('#schedule-topic').fill('');
    await page.locator('#schedule-duration').fill('20');
    await page.getByRole('button', { name: words.book, exact: true }).click();
    await expect(page.locator('#schedule-topic-error')).toBeVisible();
    await expect(page.locator('#schedule-duration-error')).toBeVisible();
    await expect(page.getByTestId('schedule-errors')).toBeVisible();
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      expect(await serious(page)).toEqual([]);
    }
  });
}

test('what is free for the slot, and the warning when none is', async ({ page, openWindow }) => {
  const app = await openWindow({ credentials: 'verified' });
  await showUpcoming(page);
  await page.getByRole('button', { name: 'Schedule…' }).click();
  const day = freshDay();
  await page.locator('#schedule-date').fill(day);
  await page.locator('#schedule-time').fill('15:00');
  await page.locator('#schedule-capacity').selectOption('50');
  await expect(page.getByTestId('slot-free')).toHaveText('2 of 2 rooms of 50 free at that time.');
  // Both rooms of 50 taken for that slot (booked outside the window).
  for (const topic of ['Board', 'All hands']) {
    const answer = await app.listeners.schedule(fromAppWindow, {
      request: { topic, capacity: 50, start: new Date(`${day}T15:00`).toISOString(), duration: 60 },
    });
    expect(answer).toMatchObject({ ok: true });
  }
  // The slot changes (and back): asked again after the pause.
  await page.locator('#schedule-duration').fill('90');
  await expect(page.getByTestId('slot-none-free')).toContainText('No room of 50 is free at that time (2 in all). You can still book');
  // Booking stays possible: the service decides.
  await expect(page.getByRole('button', { name: 'Book', exact: true })).toBeEnabled();
});

test('booking from a preset: the form filled from it, {date} expanded for the chosen start', async ({ page, openWindow }) => {
  const app = await openWindow({ credentials: 'verified' });
  const preset: PresetInput = {
    name: 'Retro',
    topic: 'Retro {date}',
    capacity: 25,
    duration: 45,
    muteOnEntry: true,
    afterCreate: { open: 'none', copy: 'none' },
  };
  const saved = await app.ipc.savePreset(preset);
  expect(saved.ok).toBe(true);
  await page.getByRole('listbox').getByRole('option', { name: /Retro/ }).click();
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await expect(page.getByRole('heading', { name: 'Schedule a meeting' })).toBeVisible();
  await expect(page.getByText('From the preset “Retro”.')).toBeVisible();
  await expect(page.locator('#schedule-topic')).toHaveValue('Retro {date}');
  await expect(page.locator('#schedule-duration')).toHaveValue('45');
  await expect(page.locator('#schedule-capacity')).toHaveValue('25');
  const day = freshDay();
  await page.locator('#schedule-date').fill(day);
  await page.locator('#schedule-time').fill('11:00');
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('heading', { name: `“Retro ${day}” is booked.` })).toBeVisible();
  expect(sent(app, SCHEDULE).at(-1)?.fields).toMatchObject({
    topic: `Retro ${day}`,
    duration: '45',
    meeting_capacity: '25',
    mute_upon_entry: 'true',
  });
});

test('Upcoming: the series in words, edit and cancel; nothing scrolls sideways at 420 px', async ({ page, openWindow }) => {
  const app = await openWindow({ credentials: 'verified' });
  const day = freshDay();
  const start = new Date(`${day}T09:00`);
  const booked = await app.listeners.schedule(fromAppWindow, {
    request: {
      topic: 'A rather long weekly planning meeting topic that has to wrap in a narrow window',
      capacity: 10,
      start: start.toISOString(),
      duration: 60,
      recurrence: { kind: 'weekly', days: [(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[start.getDay()]!] },
      end: { times: 3 },
    },
  });
  expect(booked).toMatchObject({ ok: true });
  const id = booked.ok ? booked.value.meetingId : '';
  await page.setViewportSize({ width: 420, height: 700 });
  await showUpcoming(page);
  const card = page.getByTestId('upcoming-card').filter({ hasText: 'rather long weekly' });
  await expect(card).toContainText(/every week on \w+day, 3 times/);
  await expect(card).toContainText(cardWhen(start, 60, 'en'));
  expect(await noSidewaysScroll(page)).toEqual([]);

  // Edit: the same form, filled; the whole series changed.
  await card.getByRole('button', { name: 'Edit' }).click();
  await expect(page.locator('#schedule-topic')).toHaveValue(/rather long weekly/);
  await expect(page.locator('#schedule-repeat')).toHaveValue('weekly');
  expect(await noSidewaysScroll(page)).toEqual([]);
  await page.locator('#schedule-topic').fill('Weekly planning');
  await page.locator('#schedule-duration').fill('90');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: '“Weekly planning” is changed.' })).toBeVisible();
  expect(app.sandbox.requests.filter((r) => r.path === '/umeeting/share/update').at(-1)?.fields).toMatchObject({
    id,
    topic: 'Weekly planning',
    duration: '90',
    recurrence_type: '2',
    end_times: '3',
  });
  await page.getByRole('button', { name: 'Back to Upcoming' }).click();
  const edited = page.getByTestId('upcoming-card').filter({ hasText: 'Weekly planning' });
  await expect(edited).toContainText(cardWhen(start, 90, 'en'));

  // Cancel: main asks (the native dialog), then it is gone.
  await edited.getByRole('button', { name: /More actions/ }).click();
  await page.getByRole('menuitem', { name: 'Cancel meeting…' }).click();
  await expect(page.getByTestId('upcoming-card').filter({ hasText: 'Weekly planning' })).toHaveCount(0);
  expect(app.dialogs.asked.at(-1)).toEqual({ title: 'Cancel “Weekly planning”?' });
  expect(app.sandbox.requests.filter((r) => r.path === '/umeeting/share/delete').at(-1)?.fields.id).toBe(id);
});

test('an unfinished schedule is a draft: kept across sections, marked, asked about at Quit; opening the form alone is none', async ({
  page,
  openWindow,
}) => {
  const app = await openWindow({ credentials: 'verified' });
  const told = () => app.requests.filter((r) => r.channel === 'windowState' && 'unsaved' in (r.payload as object)).at(-1)?.payload;
  const upcomingTab = page.getByRole('navigation').getByRole('button', { name: /^Upcoming/ });
  await showUpcoming(page);
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await expect(page.locator('#schedule-topic')).toBeVisible();
  // Opened, not edited: nothing to lose.
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /^Presets/ })
    .click();
  await expect(upcomingTab.getByLabel('has unsaved changes')).toHaveCount(0);
  expect(told() ?? { unsaved: [] }).toEqual({ unsaved: [] });

  await showUpcoming(page);
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await page.locator('#schedule-topic').fill('Quarterly planning');
  await page.locator('#schedule-password').fill('4321');
  await expect.poll(told).toEqual({ unsaved: ['upcoming'] });
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /^Settings/ })
    .click();
  await expect(upcomingTab.getByLabel('has unsaved changes')).toBeVisible();
  app.dialogs.confirm = false;
  expect((await app.run({ type: 'quit' })).ok).toBe(false);

  // Back: the form as it was left, but for the password, which is typed again (drafts are not a place for it).
  await showUpcoming(page);
  await expect(page.locator('#schedule-topic')).toHaveValue('Quarterly planning');
  await expect(page.locator('#schedule-password')).toHaveValue('');
  expect(JSON.stringify(app.requests.filter((r) => r.channel === 'windowState'))).not.toContain('4321');

  // Cancelled: no draft left.
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect.poll(told).toEqual({ unsaved: [] });
  await expect(upcomingTab.getByLabel('has unsaved changes')).toHaveCount(0);
});
