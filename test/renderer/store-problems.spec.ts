import { readFileSync, writeFileSync } from 'node:fs';
import { STORE_SCHEMA_VERSION } from '../../common/store-document.js';
import { storePathOf } from '../../main/store/store-file.js';
import { tempDir } from '../unit/support/temp-store.js';
import { expect, test } from './harness.js';

// When changes cannot reach the disk, the window says so where the change was made and in a banner
// that stays until saving works again. A file written by a newer version of the app is one such case
// that needs no special folder: it is never written by this version.
function newerStoreFolder(language: 'en' | 'zh-CN'): { dir: string; bytes: string } {
  const dir = tempDir();
  const bytes = JSON.stringify({
    schemaVersion: STORE_SCHEMA_VERSION + 1,
    settings: { language },
    presets: [{ id: 'w', name: 'Weekly', topic: 'Weekly', capacity: 10, afterCreate: { open: 'join', copy: 'join-link' } }],
    recent: [],
    quarantine: [],
    calendars: [{ id: 'from-the-future' }],
  });
  writeFileSync(storePathOf(dir), bytes);
  return { dir, bytes };
}

for (const [language, banner, notSaved] of [
  [
    'en',
    'Changes are not saved: the settings file is from a newer version of Umeet Tray. Update the app to save them.',
    /^Changes are not saved/,
  ],
  ['zh-CN', '更改未保存：设置文件来自较新版本的 Umeet Tray。请更新应用后再保存。', /^更改未保存/],
] as const) {
  test(`a newer version's file: a banner, and a save that says it did not reach the disk (${language})`, async ({ page, openWindow }) => {
    const { dir, bytes } = newerStoreFolder(language);
    const app = await openWindow({ dir });
    await expect(page.getByTestId('save-problem')).toHaveText(banner);
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /^Weekly/ })
      .click();
    await page.getByLabel(language === 'en' ? 'Name (shown in the tray)' : '名称（显示在托盘菜单中）').fill('Weekly sync');
    await page.getByRole('button', { name: language === 'en' ? 'Save' : '保存', exact: true }).click();
    await expect(page.getByTestId('toasts').getByText(notSaved)).toBeVisible();
    // Kept in memory for this run, and the newer file untouched.
    await expect(page.getByRole('listbox').getByRole('option', { name: /^Weekly sync/ })).toBeVisible();
    expect(app.state().presets.map((p) => p.name)).toEqual(['Weekly sync']);
    expect(readFileSync(storePathOf(dir), 'utf8')).toBe(bytes);
  });
}
