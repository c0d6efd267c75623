import { localDate } from '../../common/format.js';
import type { PresetInput } from '../../common/window-state.js';
import { expect, test, type AppWindow } from './harness.js';

// The schedule form sends only what the service's schedule call lists: its meeting options (shared with the
// preset editor) have no join-before-host, which only the instant call takes.

const SCHEDULE = '/umeeting/share/schedule';
const sent = (app: AppWindow) => app.sandbox.requests.filter((r) => r.path === SCHEDULE);

/** A day weeks ahead, on the local calendar. */
const later = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localDate(d);
};

test('booked from a preset that lets participants join before the host: the form does not offer it, nothing sends it', async ({
  page,
  openWindow,
}) => {
  const app = await openWindow({ credentials: 'verified' });
  const preset: PresetInput = {
    name: 'Standup',
    topic: 'Standup',
    capacity: 25,
    duration: 45,
    joinBeforeHost: true,
    muteOnEntry: true,
    afterCreate: { open: 'none', copy: 'none' },
  };
  expect((await app.ipc.savePreset(preset)).ok).toBe(true);
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /Standup/ })
    .click();
  // The preset editor still offers it: the instant call takes it.
  await page.getByText('Meeting options').click();
  await expect(page.getByRole('radiogroup', { name: 'Participants may join before the host' })).toBeVisible();

  await page.getByRole('button', { name: 'Schedule…' }).click();
  await expect(page.getByRole('heading', { name: 'Schedule a meeting' })).toBeVisible();
  const options = page.locator('details.options');
  await expect(options.getByTestId('options-summary')).toHaveText('Muted on entry');
  // Unfolded as the user left the options in the preset editor.
  await expect(options).toHaveAttribute('open', '');
  await expect(options.getByRole('radiogroup', { name: 'Mute participants on entry' })).toBeVisible();
  await expect(options.getByRole('radiogroup', { name: 'Participants may join before the host' })).toHaveCount(0);

  const day = later(60);
  await page.locator('#schedule-date').fill(day);
  await page.locator('#schedule-time').fill('10:00');
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('heading', { name: '“Standup” is booked.' })).toBeVisible();
  expect(sent(app).at(-1)?.fields).toMatchObject({ topic: 'Standup', mute_upon_entry: 'true' });
  expect(sent(app).at(-1)?.fields).not.toHaveProperty('option_jbh');
});

test('the meeting password is sent as typed; the service’s refusal is shown in its words', async ({ page, openWindow }) => {
  const app = await openWindow({ credentials: 'verified' });
  await page.getByRole('navigation').getByRole('button').nth(1).click();
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await expect(page.getByText('Up to 10 characters, sent as you type them;')).toBeVisible();
  await page.locator('#schedule-topic').fill('Planning');
  await page.locator('#schedule-date').fill(later(63));
  await page.locator('#schedule-time').fill('10:00');

  // A character the service does not take: its refusal, nothing booked.
  await page.locator('#schedule-password').fill('p#ss');
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByTestId('schedule-failure')).toHaveText(
    'The service refused: 会议密码只能包含字母、数字和 @ - _ *，且不能超过 10 位',
  );
  expect(sent(app).at(-1)?.fields.password).toBe('p#ss');

  // Letters, digits and @ - _ *: booked as typed.
  await page.locator('#schedule-password').fill('p@ss-1_*');
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('heading', { name: '“Planning” is booked.' })).toBeVisible();
  expect(sent(app).at(-1)?.fields.password).toBe('p@ss-1_*');
});
