import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness.js';

// Issue 29, item 12, measured in real Chromium at the widths the window is used at: the preset editor's footer stays
// one row of buttons with a validation error, the error summary on a line of its own above it (not two uneven rows of
// buttons and text); and a long Chinese preset name is shown whole in the list at 800 px, not cut to 12 characters.

const WORDS = {
  en: { languages: ['en-US'], newPreset: 'New preset', name: 'Name (shown in the tray)', save: 'Save' },
  'zh-CN': { languages: ['zh-CN'], newPreset: '新建预设', name: '名称（显示在托盘菜单中）', save: '保存' },
} as const;
const WIDTHS = [420, 560, 800, 1024, 1280];

type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (locator: Locator): Promise<Box> => (await locator.boundingBox())!;

/** The editor footer's buttons in their two groups (Save, Discard | Schedule…, Start now) and its error summary, as laid out. */
async function footer(page: Page) {
  const groups = await Promise.all(
    [
      ['#preset-save', '#preset-discard'],
      ['#preset-schedule', '#preset-start'],
    ].map((ids) => Promise.all(ids.map((id) => boxOf(page.locator(`.editor-footer ${id}`))))),
  );
  const bar = page.locator('.editor-footer');
  const padding = await bar.evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft) + parseFloat(getComputedStyle(el).paddingRight));
  return { groups, summary: await boxOf(page.getByTestId('error-summary')), footer: await boxOf(bar), padding };
}

/** How many characters of an element's text are drawn inside the box it is clipped to. */
const visibleCharacters = (locator: Locator) =>
  locator.evaluate((el) => {
    const text = el.firstChild!;
    const box = el.getBoundingClientRect();
    let shown = 0;
    for (let i = 0; i < (text.textContent ?? '').length; i++) {
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const r = range.getBoundingClientRect();
      if (r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5) shown++;
    }
    // A clipped line (text-overflow or a line clamp) draws an ellipsis over what it hides.
    const clipped = el.scrollWidth > el.clientWidth + 0.5 || el.scrollHeight > el.clientHeight + 0.5;
    return { shown, clipped };
  });

for (const locale of ['en', 'zh-CN'] as const) {
  const w = WORDS[locale];

  test(`12: with a validation error the editor's footer is one row of buttons, the summary on its own line above (${locale})`, async ({
    page,
    openWindow,
  }) => {
    await openWindow({ preferredLanguages: [...w.languages], credentials: true });
    await page.getByRole('button', { name: w.newPreset }).click();
    await page.getByLabel(w.name).fill('');
    await page.getByRole('button', { name: w.save, exact: true }).click();
    await expect(page.getByTestId('error-summary')).toBeVisible();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 700 });
      // Narrow, the list and the editor take turns: the editor is the one shown after New preset.
      await expect(page.locator('.editor-footer')).toBeVisible();
      const { groups, summary, footer: bar, padding } = await footer(page);
      const buttons = groups.flat();
      const top = (b: Box) => Math.round(b.y);
      const rows = new Set(buttons.map(top)).size;
      // One row where the buttons fit in one (their widths and the 8 px gaps in the footer's width)…
      const needed = buttons.reduce((sum, b) => sum + b.width, 0) + 8 * (buttons.length - 1);
      if (needed <= bar.width - padding) expect(rows, `${width} px: the buttons in one row (tops ${buttons.map(top).join(', ')})`).toBe(1);
      // …else an even wrap: each group whole on a row of its own.
      else
        for (const group of groups)
          expect(new Set(group.map(top)).size, `${width} px: a group split (tops ${buttons.map(top).join(', ')})`).toBe(1);
      expect(rows, `${width} px: at most two rows`).toBeLessThanOrEqual(2);
      // The summary above the buttons, not squeezed between them.
      const firstRow = Math.min(...buttons.map((b) => b.y));
      expect(summary.y + summary.height, `${width} px: the summary above the buttons`).toBeLessThanOrEqual(firstRow + 0.5);
      // Nothing in the footer past its edges.
      for (const b of buttons) expect(b.x + b.width, `${width} px: a button past the footer`).toBeLessThanOrEqual(bar.x + bar.width + 0.5);
    }
  });

  test(`12: a 26-character Chinese name is shown whole in the presets list at 800 px, its full name in the title (${locale})`, async ({
    page,
    openWindow,
  }) => {
    const name = '华东区季度销售复盘与下季度重点客户拜访计划专题讨论会';
    expect([...name]).toHaveLength(26);
    await openWindow({ preferredLanguages: [...w.languages] });
    await page.setViewportSize({ width: 800, height: 600 });
    await page.getByRole('button', { name: w.newPreset }).click();
    await page.getByLabel(w.name).fill(name);
    await page.getByRole('button', { name: w.save, exact: true }).click();
    const row = page.getByRole('option', { name: new RegExp(`^${name}`) });
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('title', name);
    const label = row.locator('.label');
    const { shown, clipped } = await visibleCharacters(label);
    expect(clipped, 'the name is not cut').toBe(false);
    expect(shown).toBe(26);
    // At most two lines: the rows stay a list one can scan.
    const lineHeight = await label.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 20);
    expect((await boxOf(label)).height).toBeLessThanOrEqual(2 * lineHeight + 1);
  });
}
