import type { Locator, Page } from '@playwright/test';
import type { Preset } from '../../common/preset.js';
import { expect, test } from './harness.js';

/**
 * The window as people expect a settings window to behave (issue "The window as people expect…"):
 * one test per finding, each through the real window, main's real handlers and a real store file.
 */
type StoreFile = { presets: Preset[]; settings: Record<string, unknown> };
const names = (file: unknown) => (file as StoreFile).presets.map((p) => p.name);
const list = (page: Page) => page.getByRole('listbox', { name: /Presets|预设/ });
const row = (page: Page, name: string | RegExp) => list(page).getByRole('option', { name });
const tab = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('button', { name });
const nameField = (page: Page) => page.locator('#preset-name');

async function addPresets(app: { ipc: { savePreset(p: unknown): unknown } }, ...presetNames: string[]) {
  for (const name of presetNames)
    await app.ipc.savePreset({ name, topic: `${name} {date}`, capacity: 10, afterCreate: { open: 'none', copy: 'none' } });
}

/** Whether the page scrolls sideways. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 0.5);

const box = async (locator: Locator) => {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not visible');
  return found;
};
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.describe('1. a list of values says which line is wrong, and never blocks the rest silently', () => {
  test('a pasted URL keeps its host; a wrong line is named; the other settings wait and say why', async ({ page, openWindow }) => {
    const app = await openWindow({ section: 'settings' });
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByText('Advanced').click();
    await page.getByLabel('More trusted link hosts').fill('https://meet.example.com/path?x=1\nnot a host!\nlive.example.org');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('#trusted-hosts-error')).toHaveText(
      'Line 2, “not a host!”: Enter host names such as meet.example.com, one per line.',
    );
    await expect(page.getByTestId('settings-status')).toHaveText('To save, check: More trusted link hosts');
    expect(app.requests.some((r) => r.channel === 'updateSettings')).toBe(false);

    await page.getByLabel('More trusted link hosts').fill('https://meet.example.com/path?x=1\nlive.example.org');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('settings-status')).toHaveText('设置已保存。');
    expect((app.readStoreFile() as StoreFile).settings).toMatchObject({
      language: 'zh-CN',
      trustedLinkHosts: ['meet.example.com', 'live.example.org'],
    });
    await expect(page.getByLabel('其他受信任的链接主机')).toHaveValue('meet.example.com\nlive.example.org');
  });

  test('an error in a folded section opens it', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings' });
    await expect(page.getByLabel('Request timeout (seconds)')).toBeHidden();
    await page.evaluate(() => undefined);
    await page.getByText('Advanced').click();
    await page.getByLabel('Request timeout (seconds)').fill('500');
    await page.getByText('Advanced').click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByLabel('Request timeout (seconds)')).toBeVisible();
    await expect(page.locator('#timeout-error')).toHaveText('Enter a number of seconds from 3 to 60.');
  });
});

test.describe('2. no edit is lost', () => {
  test('an edit survives switching presets and sections, is marked, and Discard brings the saved one back', async ({
    page,
    openWindow,
  }) => {
    const app = await openWindow();
    await addPresets(app, 'B');
    await row(page, /^Quick meeting/).click();
    await nameField(page).fill('Quick sync');
    await expect(row(page, /^Quick sync/)).toHaveCount(0);
    await expect(row(page, /^Quick meeting/)).toContainText('edited');
    await expect(tab(page, /^Presets/).getByLabel('has unsaved changes')).toBeVisible();
    await expect(page.getByTestId('unsaved')).toHaveText('Unsaved changes');

    await row(page, /^B/).click();
    await expect(nameField(page)).toHaveValue('B');
    await row(page, /^Quick meeting/).click();
    await expect(nameField(page)).toHaveValue('Quick sync');

    await tab(page, /^Settings/).click();
    await tab(page, /^Presets/).click();
    await expect(row(page, /^Quick meeting/)).toHaveAttribute('aria-selected', 'true');
    await expect(nameField(page)).toHaveValue('Quick sync');
    expect(names(app.readStoreFile())).toEqual(['Quick meeting', 'B']);

    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect(nameField(page)).toHaveValue('Quick meeting');
    await expect(page.getByTestId('unsaved')).toHaveCount(0);
    await expect(tab(page, /^Presets/).getByLabel('has unsaved changes')).toHaveCount(0);
  });

  test('a new preset not saved yet stays in the list and comes back', async ({ page, openWindow }) => {
    await openWindow();
    await page.getByRole('button', { name: 'New preset' }).click();
    await page.keyboard.type('Retro');
    await row(page, /^Quick meeting/).click();
    await expect(row(page, /^Retro/)).toContainText('Not saved yet');
    await row(page, /^Retro/).click();
    await expect(nameField(page)).toHaveValue('Retro');
  });

  test('a recorded shortcut survives leaving Settings, and is saved with Save', async ({ page, openWindow }) => {
    const app = await openWindow({ section: 'settings' });
    await page.getByLabel('Global shortcut for the default preset').click();
    await page.keyboard.press('Control+Alt+KeyM');
    await tab(page, /^Presets/).click();
    await expect(tab(page, /^Settings/).getByLabel('has unsaved changes')).toBeVisible();
    await tab(page, /^Settings/).click();
    await expect(page.getByLabel('Global shortcut for the default preset')).toContainText(/Alt.*M|⌥/);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => (app.readStoreFile() as StoreFile).settings.globalShortcut).toBe('CommandOrControl+Alt+M');
    await expect(tab(page, /^Settings/).getByLabel('has unsaved changes')).toHaveCount(0);
  });

  test('quitting asks while an edit is not saved, and not once it is discarded', async ({ page, openWindow }) => {
    const app = await openWindow();
    const told = () => app.requests.filter((r) => r.channel === 'windowState' && 'unsaved' in (r.payload as object)).at(-1)?.payload;
    await nameField(page).fill('Quick sync');
    await expect.poll(told).toEqual({ unsaved: ['presets'] });
    app.dialogs.confirm = false;
    expect((await app.run({ type: 'quit' })).ok).toBe(false);
    expect(app.quits).toHaveLength(0);
    await expect(nameField(page)).toHaveValue('Quick sync');

    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(told).toEqual({ unsaved: [] });
    expect((await app.run({ type: 'quit' })).ok).toBe(true);
    expect(app.quits).toHaveLength(1);
  });

  test('while the window records a shortcut, main lets the global one go, and takes it back after', async ({ page, openWindow }) => {
    const app = await openWindow({ section: 'settings' });
    await page.getByLabel('Global shortcut for the default preset').click();
    await expect.poll(() => app.shortcutPaused()).toBe(true);
    await page.keyboard.press('Control+Alt+KeyK');
    await expect.poll(() => app.shortcutPaused()).toBe(false);
    await page.getByLabel('Global shortcut for the default preset').click();
    await expect.poll(() => app.shortcutPaused()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => app.shortcutPaused()).toBe(false);
  });

  test('a change from the tray does not overwrite what the user is typing', async ({ page, openWindow }) => {
    const app = await openWindow();
    await row(page, /^Quick meeting/).click();
    await page.getByLabel('Meeting topic').fill('Typed here');
    // Elsewhere (the tray, another window) the same preset changes.
    const quick = app.state().presets[0]!;
    await app.ipc.savePreset({ ...quick, capacity: 25 });
    await expect(page.getByLabel('Room size (people)')).toHaveValue('25');
    await expect(page.getByLabel('Meeting topic')).toHaveValue('Typed here');
  });
});

test.describe('3. the topic follows the name', () => {
  test('a new preset renamed sends its new name, until the topic is written by hand', async ({ page, openWindow }) => {
    const app = await openWindow({ preferredLanguages: ['zh-CN'] });
    await page.getByRole('button', { name: '新建预设' }).click();
    await page.keyboard.type('周会');
    await expect(page.getByLabel('会议主题')).toHaveValue('周会 {date} {time}');
    await page.keyboard.press('Enter');
    await expect.poll(() => (app.readStoreFile() as StoreFile).presets.at(-1)?.topic).toBe('周会 {date} {time}');

    await page.getByLabel('会议主题').fill('产品评审 {date}');
    await nameField(page).fill('评审');
    await expect(page.getByLabel('会议主题')).toHaveValue('产品评审 {date}');
  });
});

test.describe('5. a compact editor', () => {
  test('Save and Start now are in view in the window’s own size, and a toast covers no control', async ({ page, openWindow }) => {
    await page.setViewportSize({ width: 860, height: 640 });
    await openWindow({ credentials: true });
    const save = page.getByRole('button', { name: 'Save', exact: true });
    const start = page.getByRole('button', { name: 'Start now' });
    for (const button of [save, start]) {
      const { y, height } = await box(button);
      expect(y + height).toBeLessThanOrEqual(640);
    }
    // All of the editor's fields, options folded, in less than the window's height.
    expect(await page.locator('.editor-body').evaluate((el) => el.scrollHeight)).toBeLessThan(520);

    await page.getByLabel('Meeting topic').fill('A topic');
    await save.click();
    const toast = page.getByTestId('toasts').locator('.toast').first();
    await expect(toast).toBeVisible();
    const toastBox = await box(toast);
    for (const control of await page.locator('main button, main input, main select, nav button').all()) {
      if (!(await control.isVisible())) continue;
      expect(overlaps(toastBox, await box(control)), await control.evaluate((el) => el.outerHTML.slice(0, 80))).toBe(false);
    }
  });

  test('a toast stays while hovered and goes after its time otherwise', async ({ page, openWindow }) => {
    await page.clock.install();
    await openWindow();
    await page.getByLabel('Meeting topic').fill('A topic');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const toast = page.getByTestId('toasts').locator('.toast');
    await expect(toast).toHaveCount(1);
    await toast.hover();
    await page.clock.runFor(30_000);
    await expect(toast).toHaveCount(1);
    await page.mouse.move(0, 0);
    await page.clock.runFor(7_000);
    await expect(toast).toHaveCount(0);
  });

  test('the meeting options fold into a line that says what they are', async ({ page, openWindow }) => {
    const app = await openWindow({ preferredLanguages: ['zh-CN'] });
    await addPresets(app);
    await app.ipc.savePreset({ ...app.state().presets[0]!, muteOnEntry: true, hostVideo: true });
    await expect(page.getByTestId('options-summary')).toHaveText('入会时静音，主持人视频开启');
    await expect(page.getByRole('radiogroup', { name: '参会者入会时静音' })).toBeHidden();
  });

  test('the duration is chosen from common lengths; 30 minutes cannot be picked, only typed and refused', async ({ page, openWindow }) => {
    await openWindow();
    await expect(page.getByLabel('Duration (minutes)').locator('option')).toHaveText([
      'Service default',
      '45 min',
      '60 min',
      '90 min',
      '120 min',
      'Custom…',
    ]);
    await page.getByLabel('Duration (minutes)').selectOption('custom');
    await expect(page.getByLabel('Duration in minutes (more than 30)')).toBeFocused();
  });

  test('the user key says what it is for', async ({ page, openWindow }) => {
    await openWindow();
    await expect(page.locator('#preset-userKey-hint')).toContainText('so they can be found again');
  });
});

test.describe('6. the list', () => {
  test('names are shown whole, the list grows with the window, and rows hold no row of icon buttons', async ({ page, openWindow }) => {
    await page.setViewportSize({ width: 860, height: 640 });
    const app = await openWindow();
    await addPresets(app, '产品周会 weekly sync');
    for (const name of ['Quick meeting', '产品周会 weekly sync']) {
      const label = row(page, new RegExp(`^${name}`)).locator('.label');
      expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await expect(row(page, new RegExp(`^${name}`))).toHaveAttribute('title', name);
    }
    await expect(list(page).locator('button')).toHaveCount(0);
    const narrow = (await box(list(page))).width;
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await box(list(page))).width).toBeGreaterThan(Math.max(narrow, 380));
  });
});

test.describe('7. narrow windows', () => {
  for (const width of [560, 420]) {
    test(`nothing scrolls sideways at ${width} px, in any section, and the editor is whole`, async ({ page, openWindow }) => {
      await page.setViewportSize({ width, height: 640 });
      await openWindow({ credentials: true });
      // The list and the editor take turns: the list first.
      await expect(list(page)).toBeVisible();
      expect(await scrollsSideways(page)).toBe(false);
      await row(page, /^Quick meeting/).click();
      await expect(page.getByRole('button', { name: 'Presets', exact: true }).last()).toBeVisible();
      expect(await scrollsSideways(page)).toBe(false);
      for (const id of ['#preset-name', '#preset-save', '#preset-start']) {
        const { x, width: w } = await box(page.locator(id));
        expect(x + w).toBeLessThanOrEqual(width);
      }
      // Back goes to the list, on the same preset.
      await page.locator('.editor-header .back').click();
      await expect(row(page, /^Quick meeting/)).toBeFocused();
      for (const section of [/^Recent meetings/, /^Settings/]) {
        await tab(page, section).click();
        const advanced = page.locator('details.advanced summary');
        if (await advanced.count()) await advanced.click();
        expect(await scrollsSideways(page)).toBe(false);
      }
    });
  }
});

test.describe('8. keyboard', () => {
  test('create, save with Enter, reorder, delete and undo, with focus always somewhere sensible', async ({ page, openWindow }) => {
    await page.clock.install();
    const app = await openWindow();
    await addPresets(app, 'B', 'C');
    await page.getByRole('button', { name: 'New preset' }).focus();
    await page.keyboard.press('Enter');
    await expect(nameField(page)).toBeFocused();
    await page.keyboard.type('D');
    await page.keyboard.press('Enter');
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', 'B', 'C', 'D']);
    await expect(nameField(page)).toBeFocused();

    // The list is one tab stop; the arrows choose, Alt+arrows move.
    await row(page, /^D/).focus();
    await page.keyboard.press('ArrowUp');
    await expect(row(page, /^C/)).toBeFocused();
    await expect(row(page, /^C/)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', 'C', 'B', 'D']);
    await expect(row(page, /^C/)).toBeFocused();
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', 'B', 'D', 'C']);
    await expect(row(page, /^C/)).toBeFocused();

    // Delete: the neighbour takes the focus; undo needs no hurry.
    await page.keyboard.press('ArrowUp');
    await expect(row(page, /^D/)).toBeFocused();
    await page.keyboard.press('Delete');
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', 'B', 'C']);
    await expect(row(page, /^C/)).toBeFocused();
    await page.clock.runFor(120_000);
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', 'B', 'D', 'C']);
    await expect(row(page, /^D/)).toBeFocused();

    // Undone by Ctrl+Z while its toast shows: the toast's Undo, which would now do nothing, goes with it.
    await page.keyboard.press('Delete');
    const undoButton = page.getByTestId('toasts').getByRole('button', { name: 'Undo' });
    await expect(undoButton).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(app.readStoreFile())).toEqual(['Quick meeting', 'B', 'D', 'C']);
    await expect(undoButton).toHaveCount(0);
  });

  test('with ten presets, the name field is a few Tab presses from “New preset”', async ({ page, openWindow }) => {
    const app = await openWindow();
    await addPresets(app, ...'ABCDEFGHI');
    await page.getByRole('button', { name: 'New preset' }).focus();
    let presses = 0;
    while (presses < 20 && !(await nameField(page).evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThanOrEqual(5);
  });
});

test.describe('9. messages', () => {
  test('“saved” is said in the language the user just chose, and goes with the next edit', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings' });
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('settings-status')).toHaveText('设置已保存。');
    await expect(page.locator('body')).not.toContainText('Settings saved.');

    await page.getByText('高级').click();
    await page.getByLabel('请求超时（秒）').fill('1000');
    await expect(page.getByTestId('settings-status')).not.toContainText('设置已保存');
    await expect(page.locator('#timeout-error')).toBeVisible();
  });
});

test.describe('9. the error banner', () => {
  const fromWindow = { senderFrame: { url: 'app://umeet/index.html', parent: null } };

  test('says when and which preset, follows the language, leads to the fix, and closes', async ({ page, openWindow }) => {
    const app = await openWindow();
    await app.listeners.run(fromWindow, { type: 'start', presetId: 'quick-meeting' });
    const banner = page.getByTestId('last-error');
    await expect(banner).toContainText('Starting “Quick meeting” failed:');
    // Today's failure by its time alone (with its date only if midnight passed in between).
    await expect(banner.locator('time')).toHaveText(/^(\d{4}-\d{2}-\d{2} )?\d{2}:\d{2}$/);
    // It does not touch what is below it, once the page has laid itself out (the two boxes are read one after the
    // other, and on a busy machine the list may still move down between the two reads).
    const gap = async () => {
      const below = await box(page.locator('.presets-page'));
      const { y, height } = await box(banner);
      return below.y - (y + height);
    };
    await expect.poll(gap).toBeGreaterThanOrEqual(8);

    await app.ipc.updateSettings({ language: 'zh-CN' });
    await expect(banner).toContainText('发起“Quick meeting”失败：');
    await app.ipc.updateSettings({ language: 'en' });

    await banner.getByRole('button', { name: 'Check the credentials' }).click();
    await expect(page.getByRole('heading', { name: 'API credentials' })).toBeVisible();
    await expect(page.getByLabel('API key')).toBeFocused();

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);
    expect(app.state().lastError).toBeUndefined();
  });

  test('a server that cannot be reached leads to the API server, unfolded', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    await app.ipc.updateSettings({ apiBaseUrl: 'http://127.0.0.1:9' });
    await app.listeners.run(fromWindow, { type: 'start', presetId: 'quick-meeting' });
    await page.getByTestId('last-error').getByRole('button', { name: 'Check the API server' }).click();
    await expect(page.getByLabel('API server')).toBeFocused();
    await expect(page.getByLabel('API server')).toHaveValue('http://127.0.0.1:9');
  });

  test('leads there even when the Settings chunk is still on its way', async ({ page, openWindow }) => {
    // The section's code comes after the list (lazy-part.tsx); on a busy machine the banner's button can come first.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/SettingsPage-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const app = await openWindow({ credentials: true });
    await app.ipc.updateSettings({ apiBaseUrl: 'http://127.0.0.1:9' });
    await app.listeners.run(fromWindow, { type: 'start', presetId: 'quick-meeting' });
    await page.getByTestId('last-error').getByRole('button', { name: 'Check the API server' }).click();
    await page.waitForTimeout(300);
    release();
    await expect(page.getByLabel('API server')).toBeFocused();
  });
});

test.describe('also', () => {
  test('the API server sits under Advanced; the first setting is the language', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings' });
    await expect(page.getByLabel('API server')).toBeHidden();
    const first = page.locator('#general-heading ~ form').locator('input, select, button').first();
    await expect(first).toHaveAttribute('id', 'language');
  });

  test('Chinese headings are drawn bold (700: a CJK face without a bold weight is emboldened only then)', async ({ page, openWindow }) => {
    await openWindow({ preferredLanguages: ['zh-CN'] });
    for (const heading of [
      page.locator('h1'),
      page.locator('#presets-heading'),
      page.locator('#editor-heading'),
      page.locator('.options-title'),
    ])
      expect(Number(await heading.evaluate((el) => getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(700);
  });
});
