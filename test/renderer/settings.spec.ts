import { readFileSync } from 'node:fs';
import { expect, test } from './harness.js';

test.describe('settings', () => {
  test('sets credentials and verifies them against the sandbox; the secret never comes back', async ({ page, openWindow, sandbox }) => {
    const app = await openWindow({ section: 'settings' });
    await expect(page.getByTestId('credentials-status')).toHaveText(/^Not set up yet/);
    await page.getByLabel('API key').fill(sandbox.credentials.apiKey);
    await page.getByLabel('API secret').fill(sandbox.credentials.apiSecret);
    await page.getByRole('button', { name: 'Save credentials' }).click();
    await expect(page.getByTestId('credentials-status')).toHaveText('Configured · key ends in 1a2b · stored in the GNOME keyring');
    await expect(page.getByLabel('API secret')).toHaveValue('');

    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByText('The service accepted the credentials.')).toBeVisible();
    const tiers = page.getByRole('table', { name: 'Your licence' });
    await expect(tiers.getByRole('row')).toHaveText(['Room sizeRooms', '10 people20', '25 people10', '50 people2']);

    const secret = sandbox.credentials.apiSecret;
    expect(await page.content()).not.toContain(secret);
    expect(JSON.stringify(app.responses)).not.toContain(secret);
    expect(readFileSync(app.storeFile, 'utf8')).not.toContain(secret);
    // The only place it went: the request that set it.
    expect(app.requests.filter((r) => JSON.stringify(r).includes(secret)).map((r) => r.channel)).toEqual(['saveCredentials']);
  });

  test('a wrong secret is refused before it is stored', async ({ page, openWindow, sandbox }) => {
    await openWindow({ section: 'settings', preferredLanguages: ['zh-CN'] });
    await page.getByLabel('API 密钥（key）').fill(sandbox.credentials.apiKey);
    await page.getByLabel('API 密码（secret）').fill('definitely-wrong-secret');
    await page.getByRole('button', { name: '保存凭据' }).click();
    await expect(page.getByText('服务不接受这组 API 密钥和密码。')).toBeVisible();
    await expect(page.getByTestId('credentials-status')).toHaveText(/^尚未设置/);
    expect(await page.content()).not.toContain('definitely-wrong-secret');
  });

  test('blank credentials are refused with the field named', async ({ page, openWindow }) => {
    const app = await openWindow({ section: 'settings' });
    await page.getByLabel('API key').fill('key');
    await page.getByRole('button', { name: 'Save credentials' }).click();
    await expect(page.locator('#api-secret-error')).toHaveText('This is required.');
    expect(app.requests.some((r) => r.channel === 'saveCredentials')).toBe(false);
  });

  test('without a keyring: kept for this run only, until weak storage is accepted', async ({ page, openWindow, sandbox }) => {
    const app = await openWindow({ section: 'settings', backend: 'basic_text', credentials: true });
    await expect(page.getByTestId('credentials-status')).toHaveText('Configured · key ends in 1a2b · kept for this run only');
    await expect(page.getByRole('note')).toContainText('any program running under your account can read it');
    await page.getByLabel('Store the credentials without a keyring').check();
    await expect(page.getByTestId('credentials-status')).toHaveText('Configured · key ends in 1a2b · stored without a keyring (weak)');
    expect(readFileSync(app.storeFile, 'utf8')).not.toContain(sandbox.credentials.apiSecret);
  });

  test('saves general settings, refusing an http server that is not this computer', async ({ page, openWindow }) => {
    const app = await openWindow({ section: 'settings' });
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
    await expect(page.getByLabel('Global shortcut for the default preset')).toHaveText('CommandOrControl+Alt+M');
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

test.describe('recent meetings', () => {
  test('lists meetings with the tray’s actions', async ({ page, openWindow }) => {
    const app = await openWindow({ credentials: true });
    const outcome = await app.listeners.run(
      { senderFrame: { url: 'app://umeet/index.html', parent: null } },
      { type: 'start', presetId: 'quick-meeting' },
    );
    expect(outcome).toMatchObject({ ok: true, value: { meetingId: expect.stringMatching(/^\d+$/) } });
    await page.getByRole('button', { name: 'Recent meetings', exact: true }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'Quick meeting' });
    await expect(card).toContainText('waiting for participants, released at');
    await card.getByRole('button', { name: 'Copy meeting ID' }).click();
    await expect(page.getByText('Copied')).toBeVisible();
    expect(app.clipboard.at(-1)).toMatch(/^\d{10}$/);
    await card.getByRole('button', { name: 'Open as host' }).click();
    await expect.poll(() => app.opened.length).toBe(2);
    await card.getByRole('button', { name: 'End meeting…' }).click();
    await expect(card).toContainText('ended');
    await expect(card.getByRole('button', { name: 'Open as host' })).toBeDisabled();
  });
});
