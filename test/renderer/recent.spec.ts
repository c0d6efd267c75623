import { seriousViolations } from './axe.js';
import type { Page } from '@playwright/test';
import { groupMeetingId } from '../../common/format.js';
import type { PresetInput } from '../../common/window-state.js';
import type { RecentMeeting } from '../../common/recent.js';
import type { Confirm } from '../../main/ports.js';
import { fromAppWindow } from '../unit/support/app-under-test.js';
import { sameTimeDaysLater } from '../unit/support/dates.js';
import { expect, test, type AppWindow } from './harness.js';

const weekly: PresetInput = {
  name: 'Weekly sync',
  // No {date} or {time}: whatever date the card shows, it shows it, not the topic.
  topic: 'Weekly sync',
  capacity: 10,
  liveStreaming: true,
  afterCreate: { open: 'none', copy: 'none' },
};

/** Starts a meeting from a preset, as the tray would, and returns it as Recent meetings holds it. */
async function start(app: AppWindow, preset: PresetInput = weekly): Promise<RecentMeeting> {
  const saved = await app.ipc.savePreset(preset);
  if (!saved.ok) throw new Error(saved.error.message);
  const outcome = await app.listeners.run(fromAppWindow, { type: 'start', presetId: saved.value.id });
  expect(outcome).toMatchObject({ ok: true });
  return app.state().recent[0]!;
}

const showRecent = (page: Page) => page.getByRole('navigation').getByRole('button').nth(2).click();
const cardOf = (page: Page, meeting: RecentMeeting) =>
  page.getByTestId('recent-card').filter({ hasText: groupMeetingId(meeting.meetingId) });
const menuButton = (page: Page, meeting: RecentMeeting, locale: 'en' | 'zh-CN' = 'en') =>
  cardOf(page, meeting).getByRole('button', {
    name: locale === 'en' ? `More actions for “${meeting.topic}”` : `“${meeting.topic}”的更多操作`,
  });

/** Chooses an item of the card's "⋯" menu, as a user does. */
async function choose(page: Page, meeting: RecentMeeting, item: string, locale: 'en' | 'zh-CN' = 'en') {
  await menuButton(page, meeting, locale).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item, exact: true }).click();
}

test.describe('recent meetings', () => {
  test('a live meeting’s card has one button, “Open as host”, and the rest in its menu', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    const meeting = await start(app);
    await showRecent(page);
    const card = cardOf(page, meeting);
    await expect(card.getByRole('heading', { name: 'Weekly sync' })).toBeVisible();
    await expect(card.getByRole('button')).toHaveText(['Open as host', '⋯']);
    await expect(card.getByRole('button', { name: 'Open as host' })).toHaveAccessibleDescription('Weekly sync');

    await menuButton(page, meeting).click();
    const menu = page.getByRole('menu', { name: 'More actions for “Weekly sync”' });
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Open as participant',
      'Copy join link',
      'Copy meeting ID',
      'Copy host key',
      'Copy invitation',
      'Open live page',
      // No licence read yet: no sizes to resize to, so no "Resize room…".
      'Who joined…',
      'End meeting…',
    ]);
    // The first item has the focus: the menu is used from the keyboard as from the mouse.
    await expect(menu.getByRole('menuitem', { name: 'Open as participant' })).toBeFocused();
  });

  test('each copy says what it copied, and that is what is on the clipboard', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    const meeting = await start(app);
    await showRecent(page);
    const toasts = page.getByTestId('toasts');
    const grouped = groupMeetingId(meeting.meetingId);

    await choose(page, meeting, 'Copy join link');
    await expect(toasts).toContainText('Copied the join link');
    expect(app.clipboard.at(-1)).toBe(meeting.joinUrl);

    await choose(page, meeting, 'Copy meeting ID');
    await expect(toasts).toContainText(`Copied meeting ID ${grouped}`);
    // The clipboard gets the digits alone, as the tray copies them: what a meeting client accepts when pasted.
    expect(app.clipboard.at(-1)).toBe(meeting.meetingId);

    await choose(page, meeting, 'Copy host key');
    await expect(toasts).toContainText('Copied the host key');
    expect(app.clipboard.at(-1)).toBe(meeting.hostKey);

    // From the keyboard this time: ↓ to the item, Enter.
    await menuButton(page, meeting).focus();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Copy invitation' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(toasts).toContainText('Copied the invitation');
    expect(app.clipboard.at(-1)).toContain(meeting.joinUrl);
    expect(app.clipboard.at(-1)).toContain(grouped);
    await expect(menuButton(page, meeting)).toBeFocused();
    expect(app.clipboard).toHaveLength(4);
  });

  test('“Open as host” opens a fresh host link; the live page opens from the menu', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    const meeting = await start(app);
    await showRecent(page);
    expect(app.opened).toEqual([]);
    await cardOf(page, meeting).getByRole('button', { name: 'Open as host' }).click();
    await expect.poll(() => app.opened.length).toBe(1);
    expect(app.opened[0]).toMatch(new RegExp(`/s/${meeting.meetingId}\\?zak=`));

    await choose(page, meeting, 'Open live page');
    await expect.poll(() => app.opened.length).toBe(2);
    expect(app.opened[1]).toBe(meeting.watchUrl);
  });

  test('“End meeting…” asks first; once ended, the card says so and has nothing left to open', async ({ page, openWindow }) => {
    const asked: Parameters<Confirm>[0][] = [];
    let answer = false;
    const app = await openWindow({
      credentials: true,
      ports: {
        confirm: async (question) => {
          asked.push(question);
          return answer;
        },
      },
    });
    const meeting = await start(app);
    await showRecent(page);
    const card = cardOf(page, meeting);

    await choose(page, meeting, 'End meeting…');
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]?.message).toBe(`End “Weekly sync” (${groupMeetingId(meeting.meetingId)}) for everyone now?`);
    // Declined: nothing changed.
    await expect(card.getByTestId('recent-state')).toHaveText(/^waiting for participants/i);
    await expect(card.getByRole('button', { name: 'Open as host' })).toBeVisible();

    answer = true;
    await choose(page, meeting, 'End meeting…');
    await expect(card.getByTestId('recent-state')).toHaveText(/^ended$/i);
    await expect(card.getByRole('button', { name: 'Open as host' })).toHaveCount(0);
    await expect(card.getByRole('button')).toHaveText(['⋯']);
    // The focus stays on the card's menu button, where the user left it.
    await expect(menuButton(page, meeting)).toBeFocused();
    await menuButton(page, meeting).click();
    const menu = page.getByRole('menu');
    for (const item of ['Open as host', 'Open as participant', 'Open live page', 'End meeting…']) {
      await expect(menu.getByRole('menuitem', { name: item })).toBeDisabled();
    }
    // Copying still works on a finished meeting: its ID for the minutes.
    await expect(menu.getByRole('menuitem', { name: 'Copy meeting ID' })).toBeEnabled();
  });

  test('the ID is written one way, and the date once', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    const meeting = await start(app);
    const created = new Date(meeting.createdAt);
    const time = created.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    const card = cardOf(page, meeting);
    const dates = /today|yesterday|\d{4}-\d{2}-\d{2}/gi;

    // The window's clock at the moment it was created, then the same time one and three calendar days on
    // (not 24 hours: a day may last 23 or 25, and a minute later may already be tomorrow).
    for (const [days, said] of [
      [0, `today ${time}`],
      [1, `yesterday ${time}`],
      [3, `${created.getFullYear()}-`],
    ] as const) {
      await page.clock.setFixedTime(sameTimeDaysLater(created, days));
      await page.reload();
      await showRecent(page);
      await expect(card).toContainText(said);
      const text = await card.innerText();
      expect(text.match(dates), text).toHaveLength(1);
      expect(text.split(groupMeetingId(meeting.meetingId))).toHaveLength(2);
      expect(text).not.toContain(meeting.meetingId);
    }
  });

  test('in Chinese', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true, preferredLanguages: ['zh-CN'] });
    const meeting = await start(app, { ...weekly, name: '产品周会', topic: '产品周会' });
    // The window's clock at the moment it was created: "today" even when midnight comes in between.
    await page.clock.setFixedTime(new Date(meeting.createdAt));
    await page.reload();
    await showRecent(page);
    const card = cardOf(page, meeting);
    await expect(page.getByRole('heading', { name: '最近的会议' })).toBeVisible();
    await expect(card).toContainText(`会议号 ${groupMeetingId(meeting.meetingId)} · 今天 `);
    await expect(card.getByTestId('recent-state')).toHaveText(/^等待参会者，若无人加入将于 \d\d:\d\d 释放$/);
    await expect(card.getByRole('button')).toHaveText(['以主持人身份打开', '⋯']);

    const toasts = page.getByTestId('toasts');
    for (const [item, said] of [
      ['复制入会链接', '已复制入会链接'],
      ['复制会议号', `已复制会议号 ${groupMeetingId(meeting.meetingId)}`],
      ['复制主持人密钥', '已复制主持人密钥'],
      ['复制邀请', '已复制会议邀请'],
    ] as const) {
      await choose(page, meeting, item, 'zh-CN');
      await expect(toasts).toContainText(said);
    }
    expect(app.clipboard).toEqual([meeting.joinUrl, meeting.meetingId, meeting.hostKey, expect.stringContaining(meeting.joinUrl!)]);

    await choose(page, meeting, '结束会议…', 'zh-CN');
    await expect(card.getByTestId('recent-state')).toHaveText('已结束');
    await expect(card.getByRole('button')).toHaveText(['⋯']);
  });

  test('a start that may have created a meeting waits at the top, with its check', async ({ page, openWindow, sandbox }) => {
    const app = await openWindow({ credentials: true });
    const meeting = await start(app);
    // The connection drops after the service has acted: the create may have worked.
    sandbox.inject({ kind: 'reset', path: '/umeeting/share/instant' });
    const saved = await app.ipc.savePreset({ ...weekly, name: 'Board', topic: 'Board review', userKey: 'board-user' });
    await app.listeners.run(fromAppWindow, { type: 'start', presetId: saved.ok ? saved.value.id : '' });
    expect(app.state().pendingChecks).toHaveLength(1);
    await showRecent(page);

    const checks = page.getByTestId('pending-checks');
    await expect(checks).toContainText('No answer came when “Board review” was started: the meeting may have been created.');
    const check = checks.getByRole('button', { name: 'Check whether it was created' });
    await expect(check).toHaveAccessibleDescription(/“Board review”/);
    // Above the meetings.
    const checkBox = (await checks.boundingBox())!;
    const cardBox = (await cardOf(page, meeting).boundingBox())!;
    expect(checkBox.y + checkBox.height).toBeLessThanOrEqual(cardBox.y);

    await check.focus();
    await page.keyboard.press('Enter');
    await expect(checks).toHaveCount(0);
    expect(app.requests.filter((r) => r.channel === 'run').map((r) => (r.payload as { type: string }).type)).toEqual(['check-created']);
    // The check found the meeting and adopted it; the focus, whose button went, stays in the section.
    await expect(page.getByTestId('recent-card').filter({ hasText: 'Board review' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Recent meetings' })).toBeFocused();
  });

  test('nothing scrolls sideways at 420 px, even with a long topic and the menu open', async ({ page, openWindow }) => {
    await page.setViewportSize({ width: 420, height: 720 });
    const app = await openWindow({ credentials: true });
    await start(app);
    const long = await start(app, { ...weekly, name: 'Long', topic: `Quarterly-planning-${'x'.repeat(120)} with the regional offices` });
    await showRecent(page);
    await menuButton(page, long).click();
    await expect(page.getByRole('menu')).toBeVisible();
    const overflow = await page.evaluate(() =>
      [document.documentElement, document.querySelector('.content')!].map((element) => element.scrollWidth - element.clientWidth),
    );
    expect(overflow).toEqual([0, 0]);
    // Each card's buttons are inside the card.
    for (const card of await page.getByTestId('recent-card').all()) {
      const box = (await card.boundingBox())!;
      for (const button of await card.getByRole('button').all()) {
        const b = (await button.boundingBox())!;
        expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
      }
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds nothing serious on the page, its menu open, a check pending (${theme})`, async ({ page, openWindow, sandbox }) => {
      await page.emulateMedia({ colorScheme: theme });
      const app = await openWindow({ credentials: true });
      const live = await start(app);
      const ended = await start(app, { ...weekly, name: 'Done', topic: 'Done' });
      await app.listeners.run(fromAppWindow, { type: 'end-meeting', meetingId: ended.meetingId });
      sandbox.inject({ kind: 'reset', path: '/umeeting/share/instant' });
      await app.listeners.run(fromAppWindow, { type: 'start', presetId: app.state().presets.at(-1)!.id });
      await showRecent(page);
      await expect(page.getByTestId('pending-checks')).toBeVisible();
      await menuButton(page, live).click();
      await expect(page.getByRole('menu')).toBeVisible();
      expect(await seriousViolations(page, '.recent-page')).toEqual([]);
    });
  }

  test('a card’s menu with too little room below, inside the scrolling list, opens upwards, whole above the status bar', async ({
    page,
    openWindow,
  }) => {
    await page.setViewportSize({ width: 860, height: 640 });
    const app = await openWindow({ credentials: true });
    // Rooms of 25 (the worker's sandbox has ten), handed back at the end for the tests after this one.
    for (let i = 0; i < 7; i++) await start(app, { ...weekly, capacity: 25 });
    await showRecent(page);
    const content = page.locator('main.content');
    const area = (await content.boundingBox())!;
    const first = app.state().recent[0]!;
    await menuButton(page, first).click();
    const height = (await page.getByRole('menu').boundingBox())!.height;
    await page.keyboard.press('Escape');
    // Put a card's button where the window has room for the menu below it, but the list (above the status bar) has not.
    const target = area.y + area.height - height + 12;
    const maxScroll = await content.evaluate((el) => el.scrollHeight - el.clientHeight);
    let button = menuButton(page, first);
    for (const meeting of app.state().recent) {
      const at = (await menuButton(page, meeting).boundingBox())!;
      const by = at.y + at.height - target;
      if (by >= 0 && by <= maxScroll) {
        button = menuButton(page, meeting);
        await content.evaluate((el, to) => el.scrollTo(0, to), by);
        break;
      }
    }
    const moved = (await button.boundingBox())!;
    expect(area.y + area.height - (moved.y + moved.height)).toBeLessThan(height);
    expect(640 - (moved.y + moved.height)).toBeGreaterThan(height + 8);

    await button.click();
    const menu = (await page.getByRole('menu').boundingBox())!;
    expect(menu.y).toBeGreaterThanOrEqual(area.y);
    expect(menu.y + menu.height).toBeLessThanOrEqual(area.y + area.height);
    for (const meeting of app.state().recent) await app.run({ type: 'end-meeting', meetingId: meeting.meetingId });
  });
});
