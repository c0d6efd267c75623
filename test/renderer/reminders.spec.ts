import { expect, test } from './harness.js';

// The reminder setting (issue 31) in the window, in real Chromium with the real handlers: off / 1 / 5 /
// 10 / 15 minutes, 5 by default, chosen with the keyboard, saved in main's store; in both languages.

test('the reminder setting: 5 minutes by default, changed with the keyboard and saved', async ({ page, openWindow }) => {
  const app = await openWindow({ section: 'settings' });
  const setting = page.getByLabel('Remind me before each booked meeting');
  await expect(setting).toHaveValue('5');
  await expect(setting.locator('option')).toHaveText(['never', '1 min before', '5 min before', '10 min before', '15 min before']);
  await setting.focus();
  await page.keyboard.press('ArrowDown');
  await expect(setting).toHaveValue('10');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect
    .poll(() => (app.readStoreFile() as { settings: { meetingReminderMinutes?: number } }).settings.meetingReminderMinutes)
    .toBe(10);
  expect(app.state().settings.meetingReminderMinutes).toBe(10);
});

test('in Chinese', async ({ page, openWindow }) => {
  const app = await openWindow({ section: 'settings', preferredLanguages: ['zh-CN'] });
  const setting = page.getByLabel('每个预约会议开始前提醒我');
  await expect(setting.locator('option')).toHaveText(['不提醒', '提前 1 分钟', '提前 5 分钟', '提前 10 分钟', '提前 15 分钟']);
  await setting.selectOption('0');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect.poll(() => app.state().settings.meetingReminderMinutes).toBe(0);
});
