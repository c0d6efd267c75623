import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Preset } from '../../common/preset.js';
import { expect, test } from './harness.js';
import { tempDir } from '../unit/support/temp-store.js';

type StoreFile = { presets: Preset[]; defaultPresetId?: string };
const names = (file: unknown) => (file as StoreFile).presets.map((p) => p.name);
const list = (page: Page) => page.getByRole('listbox', { name: /Presets|预设/ });
const row = (page: Page, name: string | RegExp) => list(page).getByRole('option', { name });
/** A three-way switch (Default / On / Off) of the meeting options. */
const option = (page: Page, label: string, value: string) =>
  page.getByRole('radiogroup', { name: label }).getByRole('radio', { name: value, exact: true });
const openOptions = async (page: Page) => {
  const summary = page.locator('details.options summary');
  if (!(await page.locator('details.options').evaluate((el) => (el as HTMLDetailsElement).open))) await summary.click();
};

test.describe('presets editor', () => {
  test('creates a preset and finds it in the store file, with every field', async ({ page, openWindow }) => {
    const app = await openWindow();
    await page.getByRole('button', { name: 'New preset' }).click();
    // The name of the new preset has the focus, selected, so typing replaces it.
    await expect(page.getByLabel('Name (shown in the tray)')).toBeFocused();
    await page.keyboard.type('周会');
    await page.getByLabel('Meeting topic').fill('产品周会 {date}');
    await expect(page.getByTestId('topic-preview')).toHaveText(/^Preview: 产品周会 \d{4}-\d{2}-\d{2}$/);
    await page.getByLabel('Room size (people)').fill('25');
    await page.getByLabel('Duration (minutes)').selectOption('custom');
    await page.getByLabel('Duration in minutes (more than 30)').fill('50');
    await openOptions(page);
    await option(page, 'Mute participants on entry', 'On').check();
    await option(page, 'Participants may join before the host', 'Off').check();
    await option(page, 'Recording', 'Cloud recording').check();
    await expect(page.getByTestId('options-summary')).toHaveText('Muted on entry, wait for the host, cloud recording');
    await page.getByLabel('User key (optional)').fill('张三');
    await expect(page.getByTestId('user-key-bytes')).toHaveText('6 / 200 bytes (a Chinese character takes 3)');
    await page.getByLabel('Open in the browser').selectOption('join');
    await page.getByLabel('Copy to the clipboard').selectOption('join-link');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(row(page, /^周会/)).toBeVisible();

    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', '周会']);
    const saved = (app.readStoreFile() as StoreFile).presets[1];
    expect(saved).toMatchObject({
      name: '周会',
      topic: '产品周会 {date}',
      capacity: 25,
      duration: 50,
      muteOnEntry: true,
      joinBeforeHost: false,
      recording: 'cloud',
      userKey: '张三',
      afterCreate: { open: 'join', copy: 'join-link' },
    });
    // Options left on "Default" are not stored, so they are never sent.
    expect(saved).not.toHaveProperty('hostVideo');
    expect(saved).not.toHaveProperty('liveStreaming');
  });

  test('edits a preset and clears an option back to the service default', async ({ page, openWindow }) => {
    const app = await openWindow();
    await app.ipc.savePreset({
      name: 'Weekly',
      topic: 'Weekly',
      capacity: 10,
      duration: 60,
      hostVideo: true,
      afterCreate: { open: 'start', copy: 'invitation' },
    });
    await row(page, /^Weekly/).click();
    await expect(page.getByTestId('options-summary')).toHaveText('Host video on');
    await page.getByLabel('Name (shown in the tray)').fill('Weekly sync');
    await page.getByLabel('Duration (minutes)').selectOption('');
    await openOptions(page);
    await option(page, 'Host video on at start', 'Default').check();
    await expect(page.getByTestId('options-summary')).toHaveText('All service defaults');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('toasts')).toContainText('Saved “Weekly sync”.');
    const weekly = (app.readStoreFile() as StoreFile).presets.find((p) => p.name === 'Weekly sync');
    expect(weekly).toBeDefined();
    expect(weekly).not.toHaveProperty('duration');
    expect(weekly).not.toHaveProperty('hostVideo');
  });

  test('invalid input shows the field’s error, in Chinese too, and nothing is saved', async ({ page, openWindow }) => {
    const app = await openWindow({ preferredLanguages: ['zh-CN'] });
    const before = readFileSync(app.storeFile, 'utf8');
    await page.getByRole('button', { name: '新建预设' }).click();
    await page.getByLabel('名称（显示在托盘菜单中）').fill('');
    await page.getByLabel('时长（分钟）').selectOption('custom');
    await page.getByLabel('时长（分钟，须大于 30）').fill('30');
    await page.getByLabel('用户标识（可选）').fill('键'.repeat(67));
    await expect(page.getByTestId('user-key-bytes')).toHaveText('201 / 200 字节（一个汉字占 3 字节）');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.locator('#preset-duration-error')).toHaveText('时长必须是大于 30 的整数分钟，或留空。');
    await expect(page.locator('#preset-userKey-error')).toHaveText('最多 200 字节（一个汉字占 3 字节）。');
    await expect(page.locator('#preset-name-error')).toHaveText('请输入名称，最多 40 个字符。');
    // The footer says what is wrong and where, each a link to its field.
    await expect(page.getByTestId('error-summary')).toHaveText('保存前请检查： 名称（显示在托盘菜单中），时长（分钟），用户标识（可选）');
    await page.getByTestId('error-summary').getByRole('link', { name: '用户标识（可选）' }).click();
    await expect(page.getByLabel('用户标识（可选）')).toBeFocused();
    expect(app.requests.filter((r) => r.channel === 'savePreset')).toEqual([]);
    app.flush();
    expect(readFileSync(app.storeFile, 'utf8')).toBe(before);
  });

  test('main refuses what the window’s checks would have let through, naming the field', async ({ page, openWindow }) => {
    const app = await openWindow();
    const answer = await page.evaluate(() =>
      window.umeet.savePreset({ name: 'x', topic: 'x', capacity: 10, duration: 20, afterCreate: { open: 'start', copy: 'none' } }),
    );
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid', fields: [expect.objectContaining({ field: 'duration' })] } });
    expect(names(app.readStoreFile())).toEqual(['Quick meeting']);
  });

  test('reorders by keyboard, by the menu and by drag, sets the default, and the file follows', async ({ page, openWindow }) => {
    const app = await openWindow();
    for (const name of ['B', 'C'])
      await app.ipc.savePreset({ name, topic: name, capacity: 10, afterCreate: { open: 'none', copy: 'none' } });
    await expect(list(page).getByRole('option')).toHaveCount(3);

    await row(page, /^C/).click();
    await row(page, /^C/).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', 'C', 'B']);
    await expect(row(page, /^C/)).toBeFocused();

    await page.getByRole('button', { name: 'Actions for “C”' }).click();
    await page.getByRole('menuitem', { name: /Move down/ }).click();
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', 'B', 'C']);

    const items = list(page).getByRole('option');
    await items.nth(2).dragTo(items.nth(0));
    await expect.poll(() => names(app.readStoreFile())).toEqual(['C', 'Quick meeting', 'B']);

    await page.getByRole('button', { name: 'Actions for “C”' }).click();
    await page.getByRole('menuitem', { name: 'Make default' }).click();
    await expect.poll(() => (app.readStoreFile() as StoreFile).defaultPresetId).toBe(app.state().presets.find((p) => p.name === 'C')?.id);
    await expect(row(page, /^C/)).toContainText('default');
  });

  test('duplicates, deletes with undo, and the file follows', async ({ page, openWindow }) => {
    const app = await openWindow();
    await page.getByRole('button', { name: 'Actions for “Quick meeting”' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', 'Quick meeting (copy)']);
    // The copy is chosen, its name ready to be changed.
    await expect(page.getByLabel('Name (shown in the tray)')).toHaveValue('Quick meeting (copy)');
    await expect(page.getByLabel('Name (shown in the tray)')).toBeFocused();

    await row(page, /^Quick meeting default/).click();
    await page.getByRole('button', { name: 'Actions for “Quick meeting”' }).click();
    await page.getByRole('menuitem', { name: /^Delete/ }).click();
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting (copy)']);
    await page.getByTestId('toasts').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', 'Quick meeting (copy)']);
  });

  test('offers room sizes from the licence once credentials are verified', async ({ page, openWindow }) => {
    await openWindow({ credentials: true, section: 'settings' });
    await page.getByRole('button', { name: 'Verify again' }).click();
    await expect(page.getByRole('table', { name: 'Your licence' })).toBeVisible();
    await page.getByRole('button', { name: 'Presets', exact: true }).click();
    await row(page, /^Quick meeting/).click();
    const capacity = page.getByLabel('Room size (people)');
    await expect(capacity.locator('option')).toHaveText(['10 people (40 rooms)', '25 people (10 rooms)', '50 people (2 rooms)']);
  });

  test('“Start now” starts through main on the tray’s path', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    await row(page, /^Quick meeting/).click();
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByTestId('toasts')).toContainText(/Meeting \d{3} \d{3} \d{4} started\./);
    expect(app.opened).toHaveLength(1);
    expect(app.opened[0]).toMatch(/\/s\/\d+\?zak=/);
    expect(app.clipboard[0]).toContain('You are invited to a meeting: Quick meeting');
    expect(app.state().recent).toHaveLength(1);
  });

  test('“Start now” saves unsaved edits first, so it starts what the user sees', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    await page.getByLabel('Meeting topic').fill('Standup {date}');
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByTestId('toasts')).toContainText(/Meeting \d{3} \d{3} \d{4} started\./);
    expect((app.readStoreFile() as StoreFile).presets[0]?.topic).toBe('Standup {date}');
    expect(app.state().recent[0]?.topic).toMatch(/^Standup \d{4}-\d{2}-\d{2}$/);
  });

  test('exports and imports presets through main’s dialogs', async ({ page, openWindow }) => {
    const app = await openWindow();
    const dir = tempDir();
    app.dialogs.exportPath = join(dir, 'presets.json');
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect(page.getByTestId('toasts')).toContainText(/Exported 1 presets to /);
    const exported = JSON.parse(readFileSync(app.dialogs.exportPath, 'utf8'));
    expect(exported.presets.map((p: Preset) => p.name)).toEqual(['Quick meeting']);

    // Declined at the confirmation: nothing changes.
    app.dialogs.importPath = app.dialogs.exportPath;
    app.dialogs.confirm = false;
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect.poll(() => app.responses.some((r) => JSON.stringify(r).includes('"kind":"cancelled"'))).toBe(true);
    expect(names(app.readStoreFile())).toEqual(['Quick meeting']);

    app.dialogs.confirm = true;
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByTestId('toasts')).toContainText('Added 1 presets; 0 entries skipped.');
    expect(names(app.readStoreFile())).toEqual(['Quick meeting', 'Quick meeting (2)']);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, 'not json');
    app.dialogs.importPath = bad;
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByTestId('toasts')).toContainText('That file is not JSON.');
  });
});
