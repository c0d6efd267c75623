import { describe, expect, it } from 'vitest';
import { buildMenuModel, findEntry } from '../../main/tray/menu-model.js';
import { trayStateOf } from '../../main/tray/tray-state.js';
import { appUnderTest, fromAppWindow, type AppUnderTest } from './support/app-under-test.js';
import { readOnlyFolder } from './support/read-only-folder.js';
import { useSandbox } from './support/sandbox.js';
import { testCipher } from './support/test-cipher.js';
import { waitFor } from './support/wait.js';

// Credentials count once the service accepted them: "Save and verify" asks the service about the
// typed pair before storing it, and a refusal or a failure stores nothing. Through the app's IPC
// listeners (handle() included), with the sandbox and a real store file.
// Rooms enough for every meeting the file starts.
const sandbox = useSandbox({ licence: { 10: 50, 25: 50 } });

const wrong = { apiKey: 'other-key-9z9z', apiSecret: 'wrong-secret-value-77c1' };
const closedPort = 'http://127.0.0.1:9';
const licensingRequests = () => sandbox().requests.filter((r) => r.path === '/umeeting/licensing');
const tray = (app: AppUnderTest) => buildMenuModel(trayStateOf(app.state(), new Date()));

describe('saveCredentials', () => {
  it('asks the service about the typed pair, and stores it only once accepted: verified, with the licence', async () => {
    const app = await appUnderTest({ sandbox: sandbox() });
    const before = licensingRequests().length;
    const answer = await app.listeners.saveCredentials(fromAppWindow, sandbox().credentials);
    expect(answer).toMatchObject({
      ok: true,
      value: {
        outcome: 'verified',
        status: { configured: true, keyHint: '1a2b', storage: 'libsecret', verification: { state: 'verified', at: expect.any(String) } },
        licence: { capacity: { 10: 50, 25: 50 } },
      },
    });
    expect(answer).not.toHaveProperty('notSaved');
    // One request, with the pair the user typed.
    expect(
      licensingRequests()
        .slice(before)
        .map((r) => r.fields.api_key),
    ).toEqual([sandbox().credentials.apiKey]);
    expect(app.state().licence).toMatchObject({ capacity: { 10: 50, 25: 50 } });
    expect(app.readStoreFile()).toMatchObject({ credentials: { keyHint: '1a2b', verification: { state: 'verified' } } });
    expect(await app.storeFiles()).not.toContain(sandbox().credentials.apiSecret);
    await app.close();
  });

  it('a refused pair stores nothing: the one saved before stays, and still starts meetings; the reason is in the user’s language', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: 'verified' });
    const file = await app.storeFiles();
    const answer = await app.listeners.saveCredentials(fromAppWindow, wrong);
    expect(answer).toEqual({
      ok: true,
      value: {
        outcome: 'refused',
        status: expect.objectContaining({
          configured: true,
          keyHint: '1a2b',
          verification: expect.objectContaining({ state: 'verified' }),
        }),
        message: 'The service does not accept this API key and secret.',
        serviceMessage: 'api_key 或 api_secret 错误',
      },
    });
    expect(await app.storeFiles()).toBe(file);
    expect(await app.run({ type: 'start', presetId: 'quick-meeting' })).toMatchObject({ ok: true });
    expect(JSON.stringify(answer)).not.toContain(wrong.apiSecret);
    expect(JSON.stringify(app.log.lines)).not.toContain(wrong.apiSecret);

    await app.ipc.updateSettings({ language: 'zh-CN' });
    expect(await app.listeners.saveCredentials(fromAppWindow, wrong)).toMatchObject({
      value: { outcome: 'refused', message: '服务不接受这组 API 密钥和密码。' },
    });
    await app.close();
  });

  it('when the service cannot be reached: stores nothing and says why; "without checking" then stores the pair unchecked', async () => {
    const app = await appUnderTest({ sandbox: sandbox() });
    await app.ipc.updateSettings({ apiBaseUrl: closedPort });
    const answer = await app.listeners.saveCredentials(fromAppWindow, sandbox().credentials);
    expect(answer).toEqual({
      ok: true,
      value: {
        outcome: 'unchecked',
        status: expect.objectContaining({ configured: false, storage: 'none' }),
        message: expect.stringMatching(/^They could not be checked: Cannot reach the service \(ECONNREFUSED\)/),
      },
    });
    expect(app.state().credentials.configured).toBe(false);

    const before = sandbox().requests.length;
    expect(await app.listeners.saveCredentials(fromAppWindow, { ...sandbox().credentials, check: false })).toMatchObject({
      ok: true,
      value: { outcome: 'saved', status: { configured: true, keyHint: '1a2b', verification: { state: 'unchecked' } } },
    });
    expect(sandbox().requests.length).toBe(before);
    expect(app.readStoreFile()).toMatchObject({ credentials: { keyHint: '1a2b', verification: { state: 'unchecked' } } });
    // Not refused, so the tray asks for nothing; the presets can be clicked.
    expect(findEntry(tray(app), 'set-up-credentials')).toBeUndefined();
    await app.close();
  });

  it('a timeout is told as a check that could not be made, never as a meeting that may exist', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), requestTimeoutMs: 3_000 });
    sandbox().inject({ kind: 'no-answer', path: '/umeeting/licensing' });
    const answer = await app.listeners.saveCredentials(fromAppWindow, sandbox().credentials);
    expect(answer).toMatchObject({
      ok: true,
      value: { outcome: 'unchecked', message: 'They could not be checked: No answer from the service within 3 s.' },
    });
    await app.close();
  });

  it('checks on a client of its own, closed afterwards', async () => {
    // The file's sandbox is shared: a connection of a test run just before (in a shuffled order) may still be open,
    // and may close meanwhile. So: one more connection made, and afterwards no more open than before.
    const app = await appUnderTest({ sandbox: sandbox() });
    const open = sandbox().openConnections;
    const before = sandbox().connections;
    await app.listeners.saveCredentials(fromAppWindow, sandbox().credentials);
    expect(sandbox().connections).toBe(before + 1);
    await waitFor(() => expect(sandbox().openConnections).toBeLessThanOrEqual(open));
    await app.close();
  });

  it('refuses what is not a pair, naming the fields, and sends nothing', async () => {
    const app = await appUnderTest({ sandbox: sandbox() });
    const before = sandbox().requests.length;
    expect(await app.ipc.saveCredentials({ apiKey: ' ', apiSecret: '' })).toEqual({
      ok: false,
      error: {
        kind: 'invalid',
        message: 'This is required.',
        fields: [
          { field: 'apiKey', message: 'This is required.' },
          { field: 'apiSecret', message: 'This is required.' },
        ],
      },
    });
    expect(await app.listeners.saveCredentials(fromAppWindow, { ...sandbox().credentials, extra: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(await app.listeners.saveCredentials(fromAppWindow, { ...sandbox().credentials, check: 'no' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid', fields: [{ field: 'check' }] },
    });
    expect(sandbox().requests.length).toBe(before);
    await app.close();
  });

  it('says when the store could not write them (they are kept for this run)', async (context) => {
    const folder = readOnlyFolder(() => undefined);
    if ('unavailable' in folder) {
      console.warn(`skipped: ${folder.unavailable}`);
      return context.skip();
    }
    try {
      const app = await appUnderTest({ sandbox: sandbox(), dir: folder.dir });
      const answer = await app.listeners.saveCredentials(fromAppWindow, sandbox().credentials);
      expect(answer).toMatchObject({
        ok: true,
        value: { outcome: 'verified' },
        notSaved: expect.stringMatching(/^Changes are not saved/),
      });
      expect(app.state().credentials.verification.state).toBe('verified');
      await app.close();
    } finally {
      folder.release();
    }
  });
});

describe('the verdict on the saved credentials', () => {
  it('is learnt at start-up, and the store is written when it changes, not at every start', async () => {
    // One keyring for both runs, as on one computer.
    const ports = { cipher: testCipher() };
    const first = await appUnderTest({ sandbox: sandbox(), credentials: true, ports });
    expect(first.state().credentials.verification).toEqual({ state: 'unchecked' });
    first.begin();
    await waitFor(() => expect(first.state().credentials.verification.state).toBe('verified'));
    const verdict = (first.readStoreFile() as { credentials: { verification: unknown } }).credentials.verification;
    expect(verdict).toMatchObject({ state: 'verified' });
    await first.close();

    const second = await appUnderTest({ sandbox: sandbox(), dir: first.dir, ports });
    const before = licensingRequests().length;
    second.begin();
    await waitFor(() => expect(licensingRequests().length).toBe(before + 1));
    await waitFor(() => expect(second.state().licence).toBeDefined());
    expect((second.readStoreFile() as { credentials: { verification: unknown } }).credentials.verification).toEqual(verdict);
    await second.close();
  });

  it('refused at start-up: the pair is kept, the tray says so and opens the settings, in both languages; a click that works clears it', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true });
    sandbox().inject({ kind: 'bad-credentials', path: '/umeeting/licensing' });
    app.begin();
    await waitFor(() => expect(app.state().credentials.verification.state).toBe('refused'));
    expect(app.state().credentials).toMatchObject({
      configured: true,
      keyHint: '1a2b',
      verification: { state: 'refused', serviceMessage: 'api_key 或 api_secret 错误' },
    });
    expect(tray(app)[0]).toEqual({
      kind: 'item',
      id: 'set-up-credentials',
      label: 'Credentials refused by the service — fix them…',
      enabled: true,
      action: { type: 'open-window', section: 'settings' },
    });
    // Still tried: a refusal may be over by the next click.
    expect(findEntry(tray(app), 'preset:quick-meeting')).toMatchObject({ enabled: true });
    await app.ipc.updateSettings({ language: 'zh-CN' });
    expect(findEntry(tray(app), 'set-up-credentials')).toMatchObject({ label: '凭据已被服务拒绝，请重新设置…' });

    expect(await app.run({ type: 'start', presetId: 'quick-meeting' })).toMatchObject({ ok: true });
    expect(app.state().credentials.verification.state).toBe('verified');
    expect(findEntry(tray(app), 'set-up-credentials')).toBeUndefined();
    await app.close();
  });

  it('a click the service refuses marks them refused, with the same tray item', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: 'verified' });
    sandbox().inject({ kind: 'bad-credentials', path: '/umeeting/share/instant' });
    expect(await app.run({ type: 'start', presetId: 'quick-meeting' })).toMatchObject({ ok: false });
    expect(app.state().credentials.verification).toMatchObject({ state: 'refused' });
    expect(findEntry(tray(app), 'set-up-credentials')).toMatchObject({ label: 'Credentials refused by the service — fix them…' });
    await app.close();
  });

  it('Verify again: a refusal is told in the user’s language and recorded; a failure to reach the service changes nothing', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: 'verified' });
    sandbox().inject({ kind: 'bad-credentials', path: '/umeeting/licensing' });
    expect(await app.listeners.verifyCredentials(fromAppWindow, undefined)).toEqual({
      ok: false,
      error: { kind: 'failed', message: 'The service does not accept this API key and secret.' },
    });
    expect(app.state().credentials).toMatchObject({ configured: true, verification: { state: 'refused' } });

    expect(await app.listeners.verifyCredentials(fromAppWindow, undefined)).toMatchObject({ ok: true });
    expect(app.state().credentials.verification.state).toBe('verified');

    await app.ipc.updateSettings({ apiBaseUrl: closedPort });
    expect(await app.listeners.verifyCredentials(fromAppWindow, undefined)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^They could not be checked: Cannot reach the service/) },
    });
    expect(app.state().credentials.verification.state).toBe('verified');
    await app.close();
  });

  it('Verify without credentials says so and sends nothing', async () => {
    const app = await appUnderTest({ sandbox: sandbox() });
    const before = sandbox().requests.length;
    expect(await app.listeners.verifyCredentials(fromAppWindow, undefined)).toMatchObject({
      ok: false,
      error: { kind: 'failed', message: 'No API credentials yet. Open the settings to enter them.' },
    });
    expect(sandbox().requests.length).toBe(before);
    await app.close();
  });
});
