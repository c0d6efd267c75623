import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type AppWindow, type OpenOptions } from './harness.js';

/** The texts of the credentials card, per language: what the user reads is what the tests check. */
const texts = {
  en: {
    key: 'API key',
    secret: 'API secret',
    saveAndVerify: 'Save and verify',
    checking: 'Checking…',
    saveWithout: 'Save without checking',
    verifyAgain: 'Verify again',
    forget: 'Forget credentials…',
    forgetTitle: 'Forget the saved credentials?',
    forgetConfirm: 'Forget',
    cancel: 'Cancel',
    notSetUp: /^Not set up yet/,
    verified: 'Verified ✓ · key ends in 1a2b · stored in your keyring (Secret Service: GNOME Keyring, KeePassXC…)',
    refused: 'Refused ✗ · key ends in 1a2b · stored in your keyring (Secret Service: GNOME Keyring, KeePassXC…)',
    unchecked: 'Not verified yet · key ends in 1a2b · stored in your keyring (Secret Service: GNOME Keyring, KeePassXC…)',
    verifiedNow: 'The service accepted them. The secret is not shown again.',
    savedUnchecked: 'Saved without checking. The secret is not shown again.',
    refusedAlert: 'The service does not accept this API key and secret. Service said: api_key 或 api_secret 错误',
    unreachable: /^They could not be checked: Cannot reach the service \(ECONNREFUSED\)/,
    attention: 'needs attention',
  },
  'zh-CN': {
    key: 'API 密钥（key）',
    secret: 'API 密码（secret）',
    saveAndVerify: '保存并验证',
    checking: '正在验证…',
    saveWithout: '不验证，直接保存',
    verifyAgain: '重新验证',
    forget: '清除凭据…',
    forgetTitle: '清除已保存的凭据？',
    forgetConfirm: '清除',
    cancel: '取消',
    notSetUp: /^尚未设置/,
    verified: '已验证 ✓ · 密钥尾号 1a2b · 保存在密钥环中（Secret Service：GNOME 密钥环、KeePassXC 等）',
    refused: '被拒绝 ✗ · 密钥尾号 1a2b · 保存在密钥环中（Secret Service：GNOME 密钥环、KeePassXC 等）',
    unchecked: '尚未验证 · 密钥尾号 1a2b · 保存在密钥环中（Secret Service：GNOME 密钥环、KeePassXC 等）',
    verifiedNow: '服务已接受这组凭据。密码不会再次显示。',
    savedUnchecked: '已保存，但尚未验证。密码不会再次显示。',
    refusedAlert: '服务不接受这组 API 密钥和密码。服务返回：api_key 或 api_secret 错误',
    unreachable: /^未能验证：无法连接到服务（ECONNREFUSED）/,
    attention: '需要处理',
  },
} as const;
const languages = [
  ['en', ['en-US']],
  ['zh-CN', ['zh-CN']],
] as const;

/** A server nobody listens on: the check cannot reach the service. */
const closedServer = 'http://127.0.0.1:9';

test.describe('credentials', () => {
  test('“Save and verify”: checked before it counts, then verified ✓; the secret never comes back', async ({
    page,
    openWindow,
    sandbox,
  }) => {
    const app = await openWindow({ section: 'settings' });
    const l = texts.en;
    const attention = page.getByRole('navigation').getByLabel(l.attention);
    await expect(page.getByTestId('credentials-status')).toHaveText(l.notSetUp);
    await expect(attention).toBeVisible();
    await page.getByLabel(l.key).fill(sandbox.credentials.apiKey);
    await page.getByLabel(l.secret).fill(sandbox.credentials.apiSecret);
    // A slow service, so the check can be seen under way.
    sandbox.setDelay(600);
    try {
      await page.getByRole('button', { name: l.saveAndVerify }).click();
      await expect(page.getByRole('button', { name: l.checking })).toBeDisabled();
    } finally {
      sandbox.setDelay(0);
    }
    await expect(page.getByTestId('credentials-status')).toHaveText(l.verified);
    await expect(page.getByTestId('credentials-notice')).toHaveText(l.verifiedNow);
    await expect(page.getByLabel(l.key)).toHaveValue('');
    await expect(page.getByLabel(l.secret)).toHaveValue('');
    await expect(attention).toHaveCount(0);
    const tiers = page.getByRole('table', { name: 'Your licence' });
    await expect(tiers.getByRole('row')).toHaveText(['Room sizeRooms', '10 people40', '25 people10', '50 people2']);

    const secret = sandbox.credentials.apiSecret;
    expect(await page.content()).not.toContain(secret);
    expect(JSON.stringify(app.responses)).not.toContain(secret);
    expect(readFileSync(app.storeFile, 'utf8')).not.toContain(secret);
    expect(app.readStoreFile()).toMatchObject({ credentials: { keyHint: '1a2b', verification: { state: 'verified' } } });
    // The only places it went: main's check of the form (the schema saving uses; its answer holds no value), then
    // the request that saved it.
    expect(app.requests.filter((r) => JSON.stringify(r).includes(secret)).map((r) => r.channel)).toEqual(['check', 'saveCredentials']);
  });

  for (const [language, preferredLanguages] of languages) {
    const l = texts[language];
    /** Settings with saved, verified credentials, their “Forget credentials…” button and the dialog it asks in. */
    const forgetting = async (page: Page, openWindow: (options: OpenOptions) => Promise<AppWindow>) => ({
      app: await openWindow({ section: 'settings', preferredLanguages: [...preferredLanguages], credentials: 'verified' }),
      forget: page.getByRole('button', { name: l.forget }),
      dialog: page.getByRole('dialog', { name: l.forgetTitle }),
    });

    test(`a wrong secret is refused and stores nothing: the pair saved before still works (${language})`, async ({ page, openWindow }) => {
      const app = await openWindow({ section: 'settings', preferredLanguages: [...preferredLanguages], credentials: 'verified' });
      await expect(page.getByTestId('credentials-status')).toHaveText(l.verified);
      const wrongSecret = 'definitely-wrong-secret';
      await page.getByLabel(l.key).fill('typed-key-9z9z');
      await page.getByLabel(l.secret).fill(wrongSecret);
      await page.getByRole('button', { name: l.saveAndVerify }).click();

      // The reason in the user's language, the service's own words beside it, on the form.
      const alert = page.getByTestId('credentials-notice').getByRole('alert');
      await expect(alert).toHaveText(l.refusedAlert);
      // The key is kept; the secret is asked for again.
      await expect(page.getByLabel(l.key)).toHaveValue('typed-key-9z9z');
      await expect(page.getByLabel(l.secret)).toHaveValue('');
      await expect(page.getByLabel(l.secret)).toBeFocused();
      // Nothing changed: the saved pair is still the one in use, and still starts meetings.
      await expect(page.getByTestId('credentials-status')).toHaveText(l.verified);
      expect(app.state().credentials).toMatchObject({ keyHint: '1a2b', verification: { state: 'verified' } });
      expect(
        await app.listeners.run(
          { senderFrame: { url: 'app://umeet/index.html', parent: null } },
          { type: 'start', presetId: 'quick-meeting' },
        ),
      ).toMatchObject({ ok: true });
      expect(await page.content()).not.toContain(wrongSecret);
      expect(readFileSync(app.storeFile, 'utf8')).not.toContain('9z9z');

      // Typing again clears what the form said.
      await page.getByLabel(l.secret).fill('x');
      await expect(alert).toHaveCount(0);
    });

    test(`when the service cannot be reached, “Save without checking” stores them unverified (${language})`, async ({
      page,
      openWindow,
      sandbox,
    }) => {
      const app = await openWindow({ section: 'settings', preferredLanguages: [...preferredLanguages] });
      await app.ipc.updateSettings({ apiBaseUrl: closedServer });
      await page.getByLabel(l.key).fill(sandbox.credentials.apiKey);
      await page.getByLabel(l.secret).fill(sandbox.credentials.apiSecret);
      await page.getByRole('button', { name: l.saveAndVerify }).click();
      await expect(page.getByTestId('credentials-notice').getByRole('alert')).toHaveText(l.unreachable);
      // Nothing stored yet, and what was typed is still there for the second choice.
      await expect(page.getByTestId('credentials-status')).toHaveText(l.notSetUp);
      await expect(page.getByLabel(l.secret)).toHaveValue(sandbox.credentials.apiSecret);
      expect(app.state().credentials.configured).toBe(false);

      await page.getByRole('button', { name: l.saveWithout }).click();
      await expect(page.getByTestId('credentials-status')).toHaveText(l.unchecked);
      await expect(page.getByTestId('credentials-notice')).toHaveText(l.savedUnchecked);
      await expect(page.getByLabel(l.key)).toHaveValue('');
      await expect(page.getByLabel(l.secret)).toHaveValue('');
      await expect(page.getByRole('button', { name: l.saveWithout })).toHaveCount(0);
      // Saved, but not verified: the attention mark stays.
      await expect(page.getByRole('navigation').getByLabel(l.attention)).toBeVisible();
      expect(app.readStoreFile()).toMatchObject({ credentials: { keyHint: '1a2b', verification: { state: 'unchecked' } } });
      expect(readFileSync(app.storeFile, 'utf8')).not.toContain(sandbox.credentials.apiSecret);
    });

    test(`“Forget credentials…” asks first: Cancel and Escape keep them, Forget clears them (${language})`, async ({
      page,
      openWindow,
    }) => {
      const { app, forget, dialog } = await forgetting(page, openWindow);

      await forget.click();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: l.cancel })).toBeFocused();
      await dialog.getByRole('button', { name: l.cancel }).click();
      await expect(dialog).toBeHidden();
      await expect(forget).toBeFocused();

      await page.keyboard.press('Enter');
      await expect(dialog).toBeVisible();
      // The page behind is inert while it is open: focus stays in the dialog.
      for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(forget).toBeFocused();
      expect(app.state().credentials.configured).toBe(true);
      await expect(page.getByTestId('credentials-status')).toHaveText(l.verified);

      await forget.click();
      await dialog.getByRole('button', { name: l.forgetConfirm, exact: true }).click();
      await expect(page.getByTestId('credentials-status')).toHaveText(l.notSetUp);
      await expect(page.getByLabel(l.key)).toBeFocused();
      await expect(page.getByRole('navigation').getByLabel(l.attention)).toBeVisible();
      expect(app.state().credentials.configured).toBe(false);
      expect(app.readStoreFile()).not.toHaveProperty('credentials');
    });

    test(`Cancel, then the button again at once: the dialog stays open, and Escape still cancels it (${language})`, async ({
      page,
      openWindow,
    }) => {
      const { app, forget, dialog } = await forgetting(page, openWindow);
      await forget.click();
      await expect(dialog).toBeVisible();
      // Both in one task of the page: the dialog's close event (a task of its own) then comes after it is shown
      // again, as it did when a fast Enter followed Cancel under load. React commits each click in a microtask.
      await page.evaluate(
        async ({ cancel, forget }) => {
          const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
          button(cancel).click();
          for (let i = 0; i < 5; i++) await Promise.resolve();
          if (document.querySelector('dialog[open]')) throw new Error('Cancel did not close the dialog within its microtasks');
          button(forget).click();
        },
        { cancel: l.cancel, forget: l.forget },
      );
      await expect(dialog).toBeVisible();
      // Given time for the late close event: still open, and still asking.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: l.cancel })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(forget).toBeFocused();
      expect(app.state().credentials.configured).toBe(true);
    });

    test(`the attention mark goes only once they are verified, and comes back when the service refuses them (${language})`, async ({
      page,
      openWindow,
      sandbox,
    }) => {
      await openWindow({ section: 'settings', preferredLanguages: [...preferredLanguages], credentials: true });
      const attention = page.getByRole('navigation').getByLabel(l.attention);
      await expect(page.getByTestId('credentials-status')).toHaveText(l.unchecked);
      await expect(attention).toBeVisible();

      await page.getByRole('button', { name: l.verifyAgain }).click();
      await expect(page.getByTestId('credentials-status')).toHaveText(l.verified);
      await expect(attention).toHaveCount(0);

      // The service refuses the saved pair (a secret rotated on its side): kept, and told, with its words.
      sandbox.inject({ kind: 'bad-credentials', path: '/umeeting/licensing' });
      await page.getByRole('button', { name: l.verifyAgain }).click();
      await expect(page.getByTestId('credentials-status')).toHaveText(l.refused);
      await expect(page.getByTestId('credentials-reason')).toHaveText(l.refusedAlert);
      await expect(attention).toBeVisible();
    });
  }

  test('blank credentials are refused with the field named', async ({ page, openWindow }) => {
    const app = await openWindow({ section: 'settings' });
    await page.getByLabel('API key').fill('key');
    await page.getByRole('button', { name: 'Save and verify' }).click();
    await expect(page.locator('#api-secret-error')).toHaveText('This is required.');
    expect(app.requests.some((r) => r.channel === 'saveCredentials')).toBe(false);
  });

  test('without a keyring: kept for this run only, until weak storage is accepted', async ({ page, openWindow, sandbox }) => {
    const app = await openWindow({ section: 'settings', backend: 'basic_text', credentials: true });
    await expect(page.getByTestId('credentials-status')).toHaveText('Not verified yet · key ends in 1a2b · kept for this run only');
    await expect(page.getByRole('note')).toContainText('any program running under your account can read it');
    await page.getByLabel('Store the credentials without a keyring').check();
    await expect(page.getByTestId('credentials-status')).toHaveText(
      'Not verified yet · key ends in 1a2b · stored without a keyring (weak)',
    );
    expect(readFileSync(app.storeFile, 'utf8')).not.toContain(sandbox.credentials.apiSecret);
  });
});

test.describe('settings', () => {
  test('saves general settings, refusing an http server that is not this computer', async ({ page, openWindow }) => {
    const app = await openWindow({ section: 'settings' });
    await page.getByText('Advanced').click();
    await page.getByLabel('API server').fill('http://api.example.com');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('#api-base-error')).toHaveText('Enter an https:// address (http:// only for a server on this computer).');

    await page.getByLabel('API server').fill('https://api.example.com');
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByLabel('Request timeout (seconds)').fill('20');
    await page.getByLabel('More trusted link hosts').fill('meet.example.com\nlive.example.org');
    await page.getByLabel('Left click on the tray icon').selectOption('start-default');
    await page.getByLabel('Global shortcut for the default preset').click();
    await page.keyboard.press('Control+Alt+KeyM');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // The window switches to Chinese as soon as main has the new language.
    await expect(page.getByRole('heading', { name: '常规' })).toBeVisible();
    expect(app.readStoreFile()).toMatchObject({
      settings: {
        apiBaseUrl: 'https://api.example.com',
        language: 'zh-CN',
        requestTimeoutMs: 20_000,
        trustedLinkHosts: ['meet.example.com', 'live.example.org'],
        trayLeftClick: 'start-default',
        globalShortcut: 'CommandOrControl+Alt+M',
      },
    });
  });
});
