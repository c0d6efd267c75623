import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../common/i18n/en.js';
import { zhCN } from '../../common/i18n/zh-CN.js';
import { windowFailuresEn, windowFailuresZhCN } from '../../common/i18n/window-failures.js';
import { expect, test } from './harness.js';

/**
 * The window's words come from main (`messages`; docs/performance.md, "The window"): the first with the first
 * answers, another language's when a new state names it. The state is drawn only once its words are here, so a
 * switch re-words the whole window at once.
 */
test.describe('the window’s language', () => {
  test('a switch in Settings re-words the whole window at once, asking main once per new language', async ({ page, openWindow }) => {
    const app = await openWindow({ section: 'settings', preferredLanguages: ['en-US'] });
    await expect(page.getByRole('heading', { name: 'General' })).toBeVisible();
    // After every change to the page (each of React's commits), the window's fixed words: in one language only.
    await page.evaluate(() => {
      const mixed: string[][] = [];
      const seen = new Set<string>();
      (window as unknown as { __mixed: string[][]; __seen: Set<string> }).__mixed = mixed;
      (window as unknown as { __seen: Set<string> }).__seen = seen;
      const check = () => {
        const texts = [...document.querySelectorAll('h1, nav button, main h2')].map((e) => e.textContent?.trim() ?? '');
        const languages = new Set(texts.map((text) => (/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en')));
        for (const language of languages) seen.add(language);
        if (languages.size > 1) mixed.push(texts);
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('heading', { name: '常规' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(zhCN['app.title']);
    await expect(page.getByRole('navigation').getByRole('button').first()).toHaveText(zhCN['nav.presets']);
    await expect(page).toHaveTitle(zhCN['window.title']);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    // Back to English: its words are kept from the first open, nothing is asked.
    await page.getByLabel(zhCN['settings.language']).selectOption('en');
    await page.getByRole('button', { name: zhCN['settings.save'] }).click();
    await expect(page.getByRole('heading', { name: 'General' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['app.title']);
    await expect(page).toHaveTitle(en['window.title']);

    const observed = await page.evaluate(() => {
      const w = window as unknown as { __mixed: string[][]; __seen: Set<string> };
      return { mixed: w.__mixed, seen: [...w.__seen].sort() };
    });
    expect(observed.seen).toEqual(['en', 'zh']);
    expect(observed.mixed).toEqual([]);
    // The first words came with the first answers (`opening`), Chinese once asked for, English kept.
    expect(app.requests.filter((r) => r.channel === 'opening')).toHaveLength(1);
    expect(app.requests.filter((r) => r.channel === 'messages').map((r) => r.payload)).toEqual([{ locale: 'zh-CN' }]);
  });

  test('the window bundles no catalogue: only the texts it says without main, in both languages', () => {
    const root = join(import.meta.dirname, '..', '..');
    const dir = join(root, 'out', 'renderer', 'assets');
    const bundle = readdirSync(dir)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n');
    const builtIn = new Set<string>([...Object.values(windowFailuresEn), ...Object.values(windowFailuresZhCN)]);
    // The code's own strings outside the catalogues (a policy's reason the window maps to its key is one).
    const code = sources(join(root, 'renderer', 'src'))
      .concat(sources(join(root, 'common'), 'i18n'))
      .join('\n');
    // Long enough to be a catalogue's own (short ones such as "OK" or "macOS" occur in code too).
    const texts = [...Object.values(en), ...Object.values(zhCN)].filter(
      (text) => text.length >= 24 && !builtIn.has(text) && !code.includes(text),
    );
    expect(texts.length).toBeGreaterThan(400);
    expect(texts.filter((text) => bundle.includes(JSON.stringify(text).slice(1, -1)) || bundle.includes(text))).toEqual([]);
    for (const text of builtIn) expect(bundle.includes(text), text).toBe(true);
  });
});

/** The text of every source file under `dir`, but for the folder named `skip`. */
function sources(dir: string, skip?: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === skip ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}
