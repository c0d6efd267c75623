import { seriousViolations } from './axe.js';
import type { Page } from '@playwright/test';
import { expect, test } from './harness.js';

/** The recorder, found as a user finds it: by its field's label. */
const recorder = (page: Page, name = 'Global shortcut for the default preset') => page.getByLabel(name, { exact: true });

test.describe('the shortcut recorder', () => {
  test('records Ctrl+Alt+M and shows it as Linux writes it; the × inside the field removes it', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings', platform: 'linux' });
    const field = recorder(page);
    await expect(field).toHaveText('Click to record a shortcut');
    await expect(page.getByRole('button', { name: 'Remove the shortcut' })).toHaveCount(0);

    await field.click();
    await expect(field).toHaveText('Press the keys… Esc cancels');
    await page.keyboard.press('Control+Alt+KeyM');
    await expect(field).toHaveText('Ctrl+Alt+M');
    await expect(field).toHaveAccessibleDescription(/^Ctrl\+Alt\+M/);

    // The × is inside the field's frame, not a button beside it.
    const clear = page.getByRole('button', { name: 'Remove the shortcut' });
    const frame = (await page.getByTestId('shortcut-field').boundingBox())!;
    const cross = (await clear.boundingBox())!;
    expect(cross.x).toBeGreaterThan(frame.x);
    expect(cross.x + cross.width).toBeLessThanOrEqual(frame.x + frame.width);
    expect(cross.y + cross.height).toBeLessThanOrEqual(frame.y + frame.height);

    await clear.click();
    await expect(field).toHaveText('Click to record a shortcut');
    await expect(clear).toHaveCount(0);
    // The focus stays in the field rather than falling to the page.
    await expect(field).toBeFocused();
  });

  test('on macOS: ⌘ and ⌥ show as ⌥⌘M, ⌃ as ⌃', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings', platform: 'darwin' });
    const field = recorder(page);
    await field.click();
    await page.keyboard.press('Meta+Alt+KeyM');
    await expect(field).toHaveText('⌥⌘M');
    await field.click();
    await page.keyboard.press('Control+Shift+ArrowUp');
    await expect(field).toHaveText('⌃⇧↑');
  });

  test('on Windows: the Windows key shows as Win', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings', platform: 'win32' });
    const field = recorder(page);
    await field.click();
    await page.keyboard.press('Meta+Alt+KeyK');
    await expect(field).toHaveText('Win+Alt+K');
  });

  test('a shortcut saved before shows as the OS writes it, never as Electron stores it', async ({ page, openWindow }) => {
    const app = await openWindow({ section: 'settings', platform: 'linux' });
    await app.ipc.updateSettings({ globalShortcut: 'CommandOrControl+Shift+F5' });
    await page.reload();
    await expect(recorder(page)).toHaveText('Ctrl+Shift+F5');
    await expect(page.locator('body')).not.toContainText('CommandOrControl');
  });

  test('Escape, Tab and leaving the field cancel and keep the shortcut there was', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings', platform: 'linux' });
    const field = recorder(page);
    await field.click();
    await page.keyboard.press('Control+Alt+KeyM');
    await expect(field).toHaveText('Ctrl+Alt+M');

    await field.click();
    await page.keyboard.down('Control');
    // What is held shows while the key is awaited.
    await expect(field).toHaveText('Ctrl+…');
    await page.keyboard.up('Control');
    await page.keyboard.press('Escape');
    await expect(field).toHaveText('Ctrl+Alt+M');
    await expect(field).toBeFocused();

    // Tab is not recorded and not trapped: it moves on, and the recording ends.
    await field.click();
    await page.keyboard.press('Tab');
    await expect(field).not.toBeFocused();
    await expect(field).toHaveText('Ctrl+Alt+M');

    await field.click();
    await expect(field).toHaveText('Press the keys… Esc cancels');
    await page.getByRole('heading', { level: 2 }).first().click();
    await expect(field).toHaveText('Ctrl+Alt+M');
  });

  test('says why a key alone, or a key no shortcut can use, records nothing', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings', platform: 'linux' });
    const field = recorder(page);
    await field.click();
    await page.keyboard.press('KeyM');
    await expect(field).toHaveText('Hold one of Ctrl / Alt / Super too');
    // Shift alone is not enough: the shortcut would take capital M from every app.
    await page.keyboard.press('Shift+KeyM');
    await expect(field).toHaveText('Hold one of Ctrl / Alt / Super too');
    await page.keyboard.press('Control+Enter');
    await expect(field).toHaveText('That key cannot be used: use a letter, a digit, F1–F24, Space or an arrow');
    await page.keyboard.press('Control+Alt+KeyK');
    await expect(field).toHaveText('Ctrl+Alt+K');
  });

  test('in Chinese: an invitation to record, and a 移除 ×, never “关闭”', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings', platform: 'linux', preferredLanguages: ['zh-CN'] });
    const field = recorder(page, '发起默认预设的全局快捷键');
    await expect(field).toHaveText('点击以录制快捷键');
    await field.click();
    await expect(field).toHaveText('请按下组合键… 按 Esc 取消');
    await page.keyboard.press('Control+Alt+KeyM');
    await expect(field).toHaveText('Ctrl+Alt+M');
    const frame = page.getByTestId('shortcut-field');
    await expect(frame).not.toContainText('关闭');
    await expect(frame.getByRole('button', { name: '移除快捷键' })).toHaveText('×');
    await frame.getByRole('button', { name: '移除快捷键' }).click();
    await expect(field).toHaveText('点击以录制快捷键');
    await expect(frame).not.toContainText('关闭');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds nothing serious in the recorder, empty, recording and set (${theme})`, async ({ page, openWindow }) => {
      await page.emulateMedia({ colorScheme: theme });
      await openWindow({ section: 'settings', platform: 'linux' });
      const field = recorder(page);
      const check = async () => {
        expect(await seriousViolations(page, '[data-testid="shortcut-field"]')).toEqual([]);
      };
      await expect(field).toHaveText('Click to record a shortcut');
      await check();
      await field.click();
      await check();
      await page.keyboard.press('Control+Alt+KeyM');
      await expect(field).toHaveText('Ctrl+Alt+M');
      await check();
    });
  }

  test('keyboard only: Tab reaches the field, Enter records, Tab reaches the ×, Enter removes', async ({ page, openWindow }) => {
    await openWindow({ section: 'settings', platform: 'linux' });
    const field = recorder(page);
    await field.focus();
    await page.keyboard.press('Enter');
    await expect(field).toHaveText('Press the keys… Esc cancels');
    await page.keyboard.press('Control+Alt+KeyM');
    await expect(field).toHaveText('Ctrl+Alt+M');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Remove the shortcut' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(field).toHaveText('Click to record a shortcut');
    await expect(field).toBeFocused();
  });
});
