import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { fromAppWindow } from '../unit/support/app-under-test.js';
import { startTestProxy } from '../unit/support/test-proxy.js';
import { expect, test } from './harness.js';

/** The Proxy group's texts, per language: what the user reads is what the tests check. */
const texts = {
  en: {
    advanced: 'Advanced',
    system: 'System',
    none: 'None',
    manual: 'Manual',
    systemHint: 'Uses the computer’s proxy settings, including PAC.',
    address: 'Proxy address',
    username: 'Proxy user name',
    password: 'Proxy password',
    savePassword: 'Save password',
    removePassword: 'Remove password',
    saveSettings: 'Save settings',
    discard: 'Discard changes',
    addressRule: 'Enter a proxy address such as http://proxy.example.com:8080, without a user name or path.',
    summary: 'To save, check: Proxy address',
    passwordRequired: 'Type the password first.',
    passwordSaved: 'Password saved.',
    passwordRemoved: 'Password removed.',
    stateSaved: 'A password is saved. It is not shown again.',
    stateSession: 'A password is kept for this run only (no keyring to save it in).',
    stateNone: 'No password saved.',
    taken:
      'The user name was taken out of the address and put in its field. The password was taken out of the address and put in the password field, not saved yet: “Save settings” (or “Save password”) saves it.',
    authRequired: (proxy: string) => `The proxy ${proxy} asks for a user name and password. Enter them under Settings → Advanced → Proxy.`,
    fixProxy: 'Check the proxy',
    presets: 'Presets',
    settingsSaved: 'Settings saved.',
  },
  'zh-CN': {
    advanced: '高级',
    system: '跟随系统',
    none: '不使用',
    manual: '手动',
    systemHint: '使用这台电脑的代理设置，包括 PAC 自动配置脚本。',
    address: '代理地址',
    username: '代理用户名',
    password: '代理密码',
    savePassword: '保存密码',
    removePassword: '删除密码',
    saveSettings: '保存设置',
    discard: '放弃更改',
    addressRule: '请输入代理地址，例如 http://proxy.example.com:8080，不要包含用户名或路径。',
    summary: '保存前请检查： 代理地址',
    passwordRequired: '请先输入密码。',
    passwordSaved: '密码已保存。',
    passwordRemoved: '密码已删除。',
    stateSaved: '已保存密码，不会再次显示。',
    stateSession: '密码仅在本次运行期间保留（没有可用的密钥环）。',
    stateNone: '尚未保存密码。',
    taken: '已把地址中的用户名移到“代理用户名”中。已把地址中的密码移到“代理密码”中，但还没有保存：点击“保存设置”（或“保存密码”）即可保存。',
    authRequired: (proxy: string) => `代理服务器 ${proxy} 需要用户名和密码。请在“设置 → 高级 → 代理”中填写。`,
    fixProxy: '检查代理设置',
    presets: '预设',
    settingsSaved: '设置已保存。',
  },
} as const;
type Texts = (typeof texts)[keyof typeof texts];

const languages = [
  ['en', ['en-US']],
  ['zh-CN', ['zh-CN']],
] as const;

const openAdvanced = (page: Page, l: Texts) => page.locator('details.advanced summary').getByText(l.advanced).click();
const mode = (page: Page, name: string) => page.getByRole('radiogroup').getByRole('radio', { name, exact: true });
const saveSettings = (page: Page, l: Texts) => page.getByRole('button', { name: l.saveSettings });
/** The store's proxy setting, as written to disk. */
const storedProxy = (app: { readStoreFile(): unknown }) => (app.readStoreFile() as { settings: { proxy: unknown } }).settings.proxy;

for (const [language, preferredLanguages] of languages) {
  const l = texts[language];

  test.describe(`the proxy setting (${language})`, () => {
    test(`Manual with an address and a user name is saved; a wrong address is refused on its field; Discard brings System back (${language})`, async ({
      page,
      openWindow,
    }) => {
      const app = await openWindow({ section: 'settings', preferredLanguages: [...preferredLanguages] });
      await openAdvanced(page, l);
      // System by default: the OS's proxy (PAC included); the user name is offered, the address is not.
      await expect(mode(page, l.system)).toBeChecked();
      await expect(page.locator('#proxy-mode-hint')).toHaveText(l.systemHint);
      await expect(page.getByLabel(l.address)).toHaveCount(0);
      await expect(page.getByLabel(l.username)).toBeVisible();

      // A wrong address: refused on its field, named in the footer's summary, and nothing saved.
      await mode(page, l.manual).check();
      await page.getByLabel(l.address).fill('http://proxy.example.com:8080/path');
      await page.getByLabel(l.username).fill('alice');
      await saveSettings(page, l).click();
      await expect(page.locator('#proxy-url-error')).toHaveText(l.addressRule);
      await expect(page.getByLabel(l.address)).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('settings-status')).toHaveText(l.summary);
      await page.getByTestId('settings-status').getByRole('link').click();
      await expect(page.getByLabel(l.address)).toBeFocused();
      expect(storedProxy(app)).toEqual({ mode: 'system' });
      expect(app.requests.some((r) => r.channel === 'updateSettings')).toBe(false);

      // Discard: back to what is saved, System.
      await page.getByRole('button', { name: l.discard }).click();
      await expect(mode(page, l.system)).toBeChecked();
      await expect(page.getByLabel(l.address)).toHaveCount(0);
      await expect(page.getByLabel(l.username)).toHaveValue('');

      // A right one (without its scheme, as people often give it: http:// is meant), with a user name.
      await mode(page, l.manual).check();
      await page.getByLabel(l.address).fill('proxy.example.com:8080');
      await page.getByLabel(l.username).fill(' CORP\\alice ');
      await saveSettings(page, l).click();
      await expect(page.getByTestId('settings-status')).toHaveText(l.settingsSaved);
      expect(storedProxy(app)).toEqual({ mode: 'manual', url: 'http://proxy.example.com:8080', username: 'CORP\\alice' });
      await expect(page.getByLabel(l.address)).toHaveValue('http://proxy.example.com:8080');
      await expect(page.getByLabel(l.username)).toHaveValue('CORP\\alice');
    });

    test(`the password is saved apart from the draft, as ciphertext only, never shown back, and removed (${language})`, async ({
      page,
      openWindow,
    }) => {
      const app = await openWindow({ section: 'settings', preferredLanguages: [...preferredLanguages] });
      await openAdvanced(page, l);
      const state = page.getByTestId('proxy-password-state');
      const input = page.getByLabel(l.password);
      await expect(state).toHaveText(l.stateNone);
      await expect(page.getByRole('button', { name: l.removePassword })).toBeDisabled();

      await page.getByRole('button', { name: l.savePassword }).click();
      await expect(page.locator('#proxy-password-error')).toHaveText(l.passwordRequired);
      await expect(input).toBeFocused();

      const password = 'Pr0xy-pa55word-7f3e';
      await input.fill(password);
      await page.getByRole('button', { name: l.savePassword }).click();
      await expect(state).toHaveText(l.stateSaved);
      await expect(page.getByTestId('proxy-password-notice')).toHaveText(l.passwordSaved);
      await expect(input).toHaveValue('');
      expect(app.state().proxyPassword).toBe('saved');
      const snapshot = await app.ipc.snapshot();
      expect(snapshot.ok && snapshot.value.proxyPassword).toBe('saved');

      // It is not a settings edit: no draft, nothing to save or discard.
      await expect(page.getByRole('button', { name: l.discard })).toHaveCount(0);
      expect(app.requests.filter((r) => JSON.stringify(r).includes(password)).map((r) => r.channel)).toEqual(['setProxyPassword']);
      // Ciphertext only, in the store and its backup; nowhere on the page or in what main answered.
      expect(app.readStoreFile()).toMatchObject({ proxyPassword: { ciphertext: expect.any(String) } });
      expect(await app.storeFiles()).not.toContain(password);
      expect(await page.content()).not.toContain(password);
      expect(JSON.stringify(app.responses)).not.toContain(password);

      // Enter in the password saves the password, not the settings form around it.
      await input.fill('another-one');
      await input.press('Enter');
      await expect(page.getByTestId('proxy-password-notice')).toHaveText(l.passwordSaved);
      await expect(input).toHaveValue('');
      await expect(page.getByTestId('settings-status')).not.toContainText(l.settingsSaved);
      expect(app.requests.filter((r) => r.channel === 'updateSettings')).toEqual([]);

      await page.getByRole('button', { name: l.removePassword }).click();
      await expect(state).toHaveText(l.stateNone);
      await expect(page.getByTestId('proxy-password-notice')).toHaveText(l.passwordRemoved);
      expect(app.state().proxyPassword).toBe('none');
      expect(app.readStoreFile()).not.toHaveProperty('proxyPassword');
    });

    test(`an address pasted with user:password@ keeps no password in the address, the draft or the store (${language})`, async ({
      page,
      openWindow,
    }) => {
      const app = await openWindow({ section: 'settings', preferredLanguages: [...preferredLanguages] });
      await openAdvanced(page, l);
      await mode(page, l.manual).check();
      await page.getByLabel(l.address).focus();
      // As a paste arrives: the whole text at once. %5C is "\", %40 is "@".
      await page.keyboard.insertText('http://CORP%5Calice:s3cr%40t-9d2a@proxy.example.com:3128');
      const password = 's3cr@t-9d2a';
      await expect(page.getByLabel(l.address)).toHaveValue('http://proxy.example.com:3128');
      await expect(page.getByLabel(l.username)).toHaveValue('CORP\\alice');
      await expect(page.getByTestId('proxy-taken')).toHaveText(l.taken);
      // The password waits in the password field, to be saved there; no field of the draft holds it.
      await expect(page.getByLabel(l.password)).toHaveValue(password);
      const draftFields = await page
        .locator('.settings-form')
        .locator('input:not([type=password]), textarea, select')
        .evaluateAll((elements) => elements.map((element) => (element as HTMLInputElement).value));
      expect(draftFields.join('\n')).not.toContain('s3cr');
      expect(await page.content()).not.toContain('s3cr');

      // Save settings saves the password waiting in its field too (issue 29: it was dropped, "no password saved").
      await saveSettings(page, l).click();
      await expect(page.getByTestId('settings-status')).toHaveText(l.settingsSaved);
      expect(storedProxy(app)).toEqual({ mode: 'manual', url: 'http://proxy.example.com:3128', username: 'CORP\\alice' });
      const sentSettings = app.requests.filter((r) => r.channel === 'updateSettings');
      expect(sentSettings).toHaveLength(1);
      expect(JSON.stringify(sentSettings)).not.toContain('s3cr');
      expect(await app.storeFiles()).not.toContain('s3cr');
      await expect(page.getByTestId('proxy-password-state')).toHaveText(l.stateSaved);
      await expect(page.getByLabel(l.password)).toHaveValue('');
      // Away and back: still saved.
      await page.getByRole('navigation').getByRole('button').first().click();
      await page.getByRole('navigation').getByRole('button').nth(3).click();
      await openAdvanced(page, l);
      await expect(page.getByTestId('proxy-password-state')).toHaveText(l.stateSaved);
      expect(await app.storeFiles()).not.toContain('s3cr');
      expect(JSON.stringify(app.responses)).not.toContain('s3cr');
    });

    test(`a proxy that asks for a password: the banner leads to the proxy; with the user name and password the meeting starts through it (${language})`, async ({
      page,
      openWindow,
      sandbox,
    }) => {
      const proxy = await startTestProxy({ username: 'u', password: 'p' });
      try {
        const app = await openWindow({ section: 'settings', preferredLanguages: [...preferredLanguages], credentials: true });
        await openAdvanced(page, l);
        await mode(page, l.manual).check();
        await page.getByLabel(l.address).fill(proxy.url);
        await saveSettings(page, l).click();
        await expect(page.getByTestId('settings-status')).toHaveText(l.settingsSaved);
        expect(storedProxy(app)).toEqual({ mode: 'manual', url: proxy.url });

        const creates = () => sandbox.requests.filter((r) => r.path === '/umeeting/share/instant').length;
        const createsBefore = creates();
        expect(await app.listeners.run(fromAppWindow, { type: 'start', presetId: 'quick-meeting' })).toMatchObject({ ok: false });
        const banner = page.getByTestId('last-error');
        await expect(banner).toContainText(l.authRequired(proxy.address));
        expect(creates()).toBe(createsBefore);

        // From elsewhere in the window, the banner's link shows the proxy control: Advanced unfolded, the mode focused.
        await page.getByRole('navigation').getByRole('button', { name: l.presets }).click();
        await banner.getByRole('button', { name: l.fixProxy }).click();
        await expect(page.locator('details.advanced')).toHaveAttribute('open', '');
        await expect(mode(page, l.manual)).toBeFocused();

        await page.getByLabel(l.username).fill('u');
        await saveSettings(page, l).click();
        await expect(page.getByTestId('settings-status')).toHaveText(l.settingsSaved);
        await page.getByLabel(l.password).fill('p');
        await page.getByRole('button', { name: l.savePassword }).click();
        await expect(page.getByTestId('proxy-password-state')).toHaveText(l.stateSaved);

        const connectsBefore = proxy.connects;
        expect(await app.listeners.run(fromAppWindow, { type: 'start', presetId: 'quick-meeting' })).toMatchObject({ ok: true });
        expect(proxy.connects).toBeGreaterThan(connectsBefore);
        expect(proxy.authorizations).toContain(`Basic ${Buffer.from('u:p').toString('base64')}`);
        expect(creates()).toBe(createsBefore + 1);
        await expect(banner).toHaveCount(0);
        expect(readFileSync(app.storeFile, 'utf8')).toContain('"username": "u"');
      } finally {
        await proxy.close();
      }
    });
  });
}

test('without a keyring, the proxy password is kept for this run only', async ({ page, openWindow }) => {
  const app = await openWindow({ section: 'settings', backend: 'basic_text' });
  await openAdvanced(page, texts.en);
  await page.getByLabel(texts.en.password).fill('only-for-now-4b1c');
  await page.getByRole('button', { name: texts.en.savePassword }).click();
  await expect(page.getByTestId('proxy-password-state')).toHaveText(texts.en.stateSession);
  expect(app.state().proxyPassword).toBe('session-only');
  expect(await app.storeFiles()).not.toContain('only-for-now-4b1c');
});

test('a mode hides what it does not use, and keeps it: None, then Manual again, brings the address back', async ({ page, openWindow }) => {
  const app = await openWindow({ section: 'settings' });
  const l = texts.en;
  await app.ipc.updateSettings({ proxy: { mode: 'manual', url: 'http://proxy.example.com:8080', username: 'alice' } });
  await openAdvanced(page, l);
  await expect(page.getByLabel(l.address)).toHaveValue('http://proxy.example.com:8080');

  // None: straight to the service, so neither the user name nor the password is asked for.
  await mode(page, l.none).check();
  await expect(page.getByLabel(l.address)).toHaveCount(0);
  await expect(page.getByLabel(l.username)).toHaveCount(0);
  await expect(page.getByLabel(l.password)).toHaveCount(0);
  await saveSettings(page, l).click();
  await expect(page.getByTestId('settings-status')).toHaveText(l.settingsSaved);
  expect(storedProxy(app)).toEqual({ mode: 'none', url: 'http://proxy.example.com:8080', username: 'alice' });

  // Manual again: the address and the user name are still there.
  await mode(page, l.manual).check();
  await expect(page.getByLabel(l.address)).toHaveValue('http://proxy.example.com:8080');
  await expect(page.getByLabel(l.username)).toHaveValue('alice');

  // An address Chromium's URL parser takes but main's refuses: main's refusal lands on the field.
  await page.getByLabel(l.address).fill('not a proxy');
  await saveSettings(page, l).click();
  await expect(page.locator('#proxy-url-error')).toHaveText(l.addressRule);
  expect(storedProxy(app)).toMatchObject({ mode: 'none' });

  // A wrong address under a mode that hides it is not kept, and does not stop Save.
  await mode(page, l.system).check();
  await expect(page.getByTestId('settings-status')).toHaveText('Unsaved changes');
  await saveSettings(page, l).click();
  await expect(page.getByTestId('settings-status')).toHaveText(l.settingsSaved);
  expect(storedProxy(app)).toEqual({ mode: 'system', username: 'alice' });
});

test('the proxy group from the keyboard: one stop for the mode, arrows to choose, then the fields and the password’s buttons', async ({
  page,
  openWindow,
}) => {
  const l = texts.en;
  await openWindow({ section: 'settings' });
  await openAdvanced(page, l);
  await page.getByLabel('More trusted link hosts').focus();
  await page.keyboard.press('Tab');
  await expect(mode(page, l.system)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(mode(page, l.manual)).toBeChecked();
  await expect(mode(page, l.manual)).toBeFocused();
  const reached: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''));
  }
  expect(reached).toEqual(['proxy-url', 'proxy-username', 'proxy-password', l.savePassword, 'keep-closed']);
});

test('nothing scrolls sideways at 420 px with the proxy group open, an error and the pasted-address note', async ({ page, openWindow }) => {
  await page.setViewportSize({ width: 420, height: 640 });
  await openWindow({ section: 'settings', preferredLanguages: ['zh-CN'] });
  await openAdvanced(page, texts['zh-CN']);
  await mode(page, texts['zh-CN'].manual).check();
  await page.getByLabel(texts['zh-CN'].address).focus();
  await page.keyboard.insertText('http://someone-with-a-rather-long-name:pw@proxy.a-long-company-domain.example.com:8080');
  await page.getByLabel(texts['zh-CN'].address).fill('http://proxy.example.com/with/a/path');
  await page.getByRole('button', { name: texts['zh-CN'].saveSettings }).click();
  await expect(page.locator('#proxy-url-error')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 0.5)).toBe(false);
  for (const id of ['#proxy-url', '#proxy-username', '#proxy-password']) {
    const found = await page.locator(id).boundingBox();
    expect((found?.x ?? 0) + (found?.width ?? Infinity)).toBeLessThanOrEqual(420);
  }
});
