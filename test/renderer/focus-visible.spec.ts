import { expect, test } from './harness.js';

// Issue 29, item 11: focus one can see (WCAG 2.4.7, 2.4.11), from the keyboard, in both themes: a focused segment
// whose fill is the focus colour gets a ring of another colour, and the group one outside it; the focused preset
// row's ring is inside the scrolling list, not clipped by it.

for (const theme of ['light', 'dark'] as const) {
  test(`a focused segment's ring is not its own fill, and the group is ringed (${theme})`, async ({ page, openWindow }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openWindow({ section: 'settings' });
    await page.locator('details.advanced summary').click();
    await page.locator('#proxy-mode').focus();
    // From the keyboard (so :focus-visible), and back to the chosen one.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    const segment = page.locator('.segmented input:checked:focus-visible + span');
    await expect(segment).toHaveCount(1);
    const look = await segment.evaluate((el) => {
      const style = getComputedStyle(el);
      const group = getComputedStyle(el.closest('.segmented')!);
      return { ring: style.outlineColor, fill: style.backgroundColor, group: group.outlineStyle };
    });
    expect(look.ring).not.toBe(look.fill);
    expect(look.group).toBe('solid');
  });

  test(`the focused preset row's ring is drawn inside the list, not clipped (${theme})`, async ({ page, openWindow }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openWindow();
    const row = page.getByRole('listbox').getByRole('option').first();
    await row.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(row).toBeFocused();
    const clipped = await row.evaluate((el) => {
      const style = getComputedStyle(el);
      const reach = Number.parseFloat(style.outlineOffset) + Number.parseFloat(style.outlineWidth);
      const list = el.closest('.preset-list')!;
      const listBox = list.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      // The ring reaches `reach` px outside the row's box; the list clips at its padding box.
      return box.top - reach < listBox.top || box.left - reach < listBox.left;
    });
    expect(clipped).toBe(false);
  });
}
