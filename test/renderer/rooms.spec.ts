import { axeViolations } from './axe.js';
import type { Page } from '@playwright/test';
import { groupMeetingId } from '../../common/format.js';
import type { RecentMeeting } from '../../common/recent.js';
import type { PresetInput } from '../../common/window-state.js';
import { fromAppWindow } from '../unit/support/app-under-test.js';
import { expect, test, type AppWindow } from './harness.js';

// Rooms in the window, in real Chromium with the real handlers and the sandbox (licence: 40 rooms
// of 10, 10 of 25, 2 of 50): who joined a recent meeting, resizing it, the offer of the next size up
// on the error banner, the setting for when no room is free, and what is free on each preset's line.

const INSTANT = '/umeeting/share/instant';

const review: PresetInput = {
  name: 'Design review',
  topic: 'Design review',
  capacity: 10,
  duration: 45,
  afterCreate: { open: 'none', copy: 'none' },
};

async function start(app: AppWindow, preset: PresetInput = review): Promise<RecentMeeting> {
  const saved = await app.ipc.savePreset(preset);
  if (!saved.ok) throw new Error(saved.error.message);
  expect(await app.listeners.run(fromAppWindow, { type: 'start', presetId: saved.value.id })).toMatchObject({ ok: true });
  return app.state().recent[0]!;
}

const showRecent = (page: Page) => page.getByRole('navigation').getByRole('button').nth(2).click();
const cardOf = (page: Page, meeting: RecentMeeting) =>
  page.getByTestId('recent-card').filter({ hasText: groupMeetingId(meeting.meetingId) });
async function choose(page: Page, meeting: RecentMeeting, item: string) {
  await cardOf(page, meeting)
    .getByRole('button', { name: `More actions for “${meeting.topic}”` })
    .click();
  await page.getByRole('menu').getByRole('menuitem', { name: item, exact: true }).click();
}

test.describe('who joined', () => {
  test('lists names, devices and times on request, in a dialog that closes back to the card', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    const meeting = await start(app);
    app.sandbox.join(meeting.meetingId, { name: '张三', device: 'iOS', ip: '198.51.100.7' });
    app.sandbox.join(meeting.meetingId, { name: 'Ada', device: 'Windows', ip: '198.51.100.8' });
    await showRecent(page);

    await choose(page, meeting, 'Who joined…');
    const dialog = page.getByRole('dialog', { name: 'Who joined “Design review”' });
    await expect(dialog).toBeVisible();
    const table = dialog.getByRole('table', { name: '2 joined' });
    await expect(table.getByRole('columnheader')).toHaveText(['Name', 'Device', 'In the meeting']);
    await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(['张三', 'iOS', /^\d\d:\d\d until now$/]);
    await expect(table.getByRole('row').nth(2).getByRole('cell')).toHaveText(['Ada', 'Windows', /^\d\d:\d\d until now$/]);
    // Addresses are personal data the window never gets.
    await expect(dialog).not.toContainText('198.51.100');
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(cardOf(page, meeting).getByRole('button', { name: /More actions/ })).toBeFocused();
  });

  test('says so when nobody has joined, and in Chinese in a Chinese window', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    await app.ipc.updateSettings({ language: 'zh-CN' });
    const meeting = await start(app, { ...review, name: '周会', topic: '周会' });
    await page.reload();
    await page.getByRole('navigation').getByRole('button').nth(2).click();
    await cardOf(page, meeting).getByRole('button', { name: '“周会”的更多操作' }).click();
    await page.getByRole('menuitem', { name: '查看入会人员…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('还没有人入会');
  });
});

test.describe('resize', () => {
  test('offers the licensed sizes, the meeting’s own marked; the service’s yes shows on the card, its no in its own words', async ({
    page,
    openWindow,
  }) => {
    const app = await openWindow({ credentials: 'verified' });
    const meeting = await start(app);
    await showRecent(page);

    await choose(page, meeting, 'Resize room…');
    const dialog = page.getByRole('dialog', { name: 'A room of another size for “Design review”' });
    const sizes = dialog.getByRole('radiogroup');
    await expect(sizes.getByRole('radio')).toHaveCount(3);
    await expect(sizes).toContainText('10 people (now)');
    await expect(sizes.getByRole('radio', { name: '10 people (now)' })).toBeChecked();
    // A list of sizes, each with what is free (issue 29: radios centred, labels squeezed, no counts): the circle at
    // the left of its label, each label on one line.
    await expect(sizes.getByTestId('resize-free')).toHaveText(['(now)', /^\d+ free$/, /^\d+ free$/]);
    for (const label of await sizes.locator('label').all()) {
      const [radio, text] = await Promise.all([label.getByRole('radio').boundingBox(), label.locator('.size').boundingBox()]);
      expect(radio!.x + radio!.width).toBeLessThanOrEqual(text!.x);
      expect(text!.height).toBeLessThan(30);
    }
    // Resizing to the size it has is no change.
    await expect(dialog.getByRole('button', { name: 'Resize' })).toBeDisabled();
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);

    await sizes.getByRole('radio', { name: '25 people' }).check();
    await dialog.getByRole('button', { name: 'Resize' }).click();
    await expect(page.getByTestId('toasts')).toContainText('“Design review” now has a 25-party room.');
    await expect.poll(() => app.state().recent[0]?.capacity).toBe(25);
    expect(app.sandbox.state.meetings.get(meeting.meetingId)).toMatchObject({ capacity: 25 });
    // The card says the room it holds now (issue 29: Recent cards never showed a size, even after a resize).
    await expect(cardOf(page, meeting).getByTestId('recent-size')).toHaveText('25 people');

    // Refused: said as the service said it, and the meeting keeps its room.
    app.sandbox.inject({ kind: 'no-free-room', path: `/umeeting/share/resetCapacity/${meeting.meetingId}` });
    await choose(page, meeting, 'Resize room…');
    await dialog.getByRole('radio', { name: '50 people' }).check();
    await dialog.getByRole('button', { name: 'Resize' }).click();
    await expect(page.getByTestId('toasts')).toContainText(
      'The room of “Design review” was not changed: The service refused: 当前没有空闲的会议室',
    );
    expect(app.state().recent[0]?.capacity).toBe(25);
  });
});

test.describe('no room of that size free', () => {
  test('the error banner offers the next size up, and one click starts it there', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    const saved = await app.ipc.savePreset(review);
    if (!saved.ok) throw new Error(saved.error.message);
    app.sandbox.inject({ kind: 'no-free-room', path: INSTANT });
    await app.listeners.run(fromAppWindow, { type: 'start', presetId: saved.value.id });

    const banner = page.getByRole('alert').filter({ hasText: 'Design review' });
    const offer = banner.getByRole('button', { name: 'Start it in a 25-party room instead' });
    await expect(offer).toBeVisible();
    const before = app.sandbox.requests.filter((r) => r.path === INSTANT).length;
    await offer.click();
    await expect.poll(() => app.state().recent[0]?.capacity).toBe(25);
    const sent = app.sandbox.requests.filter((r) => r.path === INSTANT).slice(before);
    expect(sent.map((r) => r.fields.meeting_capacity)).toEqual(['25']);
    await expect(banner).toBeHidden();
    // The preset is as it was: the bigger room was for this once.
    expect(app.state().presets.find((p) => p.id === saved.value.id)?.capacity).toBe(10);
  });

  test('the setting “take the next size up at once” is saved, and then a click gets the bigger room', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true, section: 'settings' });
    const setting = page.getByLabel('If no room of a preset’s size is free');
    await expect(setting).toHaveValue('ask');
    await expect(setting.locator('option')).toHaveText(['offer the next size up', 'take the next size up at once']);
    await setting.selectOption('next-size-up');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => (app.readStoreFile() as { settings: { whenNoRoom?: string } }).settings.whenNoRoom).toBe('next-size-up');

    const saved = await app.ipc.savePreset(review);
    if (!saved.ok) throw new Error(saved.error.message);
    app.sandbox.inject({ kind: 'no-free-room', path: INSTANT });
    const before = app.sandbox.requests.filter((r) => r.path === INSTANT).length;
    expect(await app.listeners.run(fromAppWindow, { type: 'start', presetId: saved.value.id })).toMatchObject({ ok: true });
    const sent = app.sandbox.requests.filter((r) => r.path === INSTANT).slice(before);
    expect(sent.map((r) => r.fields.meeting_capacity)).toEqual(['10', '25']);
  });
});

test('each preset’s line says how many rooms of its size are free, once the menu has asked', async ({ page, openWindow }) => {
  const app = await openWindow({ credentials: true });
  const saved = await app.ipc.savePreset({ ...review, name: 'Town hall', capacity: 50 });
  if (!saved.ok) throw new Error(saved.error.message);
  const line = page.getByRole('option').filter({ hasText: 'Town hall' });
  await expect(line).toContainText('50 people');
  await expect(line).not.toContainText('free');
  app.warm();
  await expect(line).toContainText(/[12] free/);
});
