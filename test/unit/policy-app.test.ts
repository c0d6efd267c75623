import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMenuModel, type MenuEntry } from '../../main/tray/menu-model.js';
import { trayStateOf } from '../../main/tray/tray-state.js';
import { appUnderTest, fromAppWindow } from './support/app-under-test.js';
import { useSandbox } from './support/sandbox.js';
import { companyFile, testPolicy } from './support/test-policy.js';

// The policy through the composition root (createApp): the state the tray and the window read, a policy
// that changes while the app runs, and every IPC channel that could change what the policy holds.
const sandbox = useSandbox({ licence: { 10: 50, 25: 50 } });

async function appWith(document: Record<string, unknown>, options: { en?: boolean } = {}) {
  const policy = testPolicy(document);
  const app = await appUnderTest({
    sandbox: sandbox(),
    credentials: true,
    preferredLanguages: options.en === false ? ['zh-CN'] : ['en-US'],
    ports: { policy: policy.source, userName: 'wang.li' },
  });
  await app.policy.ready();
  return { app, policy };
}

const labels = (entries: readonly MenuEntry[]) => entries.map((entry) => (entry.kind === 'separator' ? '---' : entry.label));

describe('a policy while the app runs', () => {
  it('a locked setting the user had changed shows the policy’s value; unlocked, the user’s own comes back', async () => {
    const { app, policy } = await appWith({});
    await app.ipc.updateSettings({ requestTimeoutMs: 20_000, trayLeftClick: 'start-default' });
    let changes = 0;
    app.onChange(() => changes++);

    policy.set({ requestTimeoutSeconds: 40, Recommended: { trayLeftClick: 'menu', proxyMode: 'none' } });
    expect(await app.policy.reload()).toBe(true);
    expect(changes).toBeGreaterThan(0);
    const locked = await app.ipc.snapshot();
    expect(locked.ok && locked.value.settings.requestTimeoutMs).toBe(40_000);
    // A default does not override what the user chose; it fills in what they did not.
    expect(locked.ok && locked.value.settings.trayLeftClick).toBe('start-default');
    expect(locked.ok && locked.value.settings.proxy.mode).toBe('none');
    expect(locked.ok && locked.value.policy.locked).toEqual(['requestTimeoutMs']);
    // The user's own value is kept in the store, untouched.
    expect((app.readStoreFile() as { settings: { requestTimeoutMs: number } }).settings.requestTimeoutMs).toBe(20_000);

    policy.set({});
    await app.policy.reload();
    expect(app.state().settings.requestTimeoutMs).toBe(20_000);
    expect(app.state().settings.proxy.mode).toBe('system');
    expect(app.state().policy.locked).toEqual([]);
    await app.close();
  });

  it('saving the whole form echoes a policy default without making it the user’s choice', async () => {
    const { app, policy } = await appWith({ Recommended: { requestTimeoutSeconds: 30 } });
    const saved = await app.ipc.updateSettings({ ...app.state().settings, language: 'zh-CN' });
    expect(saved.ok && saved.value.requestTimeoutMs).toBe(30_000);
    // IT changes the default later: the user never chose one, so it follows.
    policy.set({ Recommended: { requestTimeoutSeconds: 45 } });
    await app.policy.reload();
    expect(app.state().settings.requestTimeoutMs).toBe(45_000);
    expect(app.state().settings.language).toBe('zh-CN');
    await app.close();
  });

  it('company presets come first, under their heading in the tray, and start like any preset', async () => {
    const { app } = await appWith({ companyPresets: companyFile('Board meeting', 'All hands') });
    const state = app.state();
    expect(state.presets.slice(0, 2).map((p) => p.name)).toEqual(['Board meeting', 'All hands']);
    expect(state.policy.companyPresetIds).toEqual(['org-c1', 'org-c2']);
    const menu = labels(buildMenuModel(trayStateOf(state, new Date())));
    expect(menu.slice(0, 4)).toEqual([
      '🏢 From your organisation',
      expect.stringMatching(/^Board meeting/),
      expect.stringMatching(/^All hands/),
      '---',
    ]);
    const started = await app.run({ type: 'start', presetId: 'org-c1' });
    expect(started.ok).toBe(true);
    await app.close();
  });

  it('locked start at login is applied at start and cannot be changed from the tray or the window', async () => {
    const { app } = await appWith({ startAtLogin: true });
    app.begin();
    await expect.poll(() => app.loginItem.enabled).toBe(true);
    const refused = await app.run({ type: 'set-start-at-login', enabled: false });
    // The message is for the user (no key name); the key is in the log, for IT.
    expect(refused).toMatchObject({ ok: false, error: { kind: 'forbidden', message: 'Start at login is set by your organisation.' } });
    expect(JSON.stringify(app.log.lines)).toContain('startAtLogin');
    expect(app.loginItem.enabled).toBe(true);
    expect(app.state().policy.startAtLoginLocked).toBe(true);
    await app.close();
  });

  it('a default start at login is applied once; the user’s later choice stands', async () => {
    const { app } = await appWith({ Recommended: { startAtLogin: true } });
    app.begin();
    await expect.poll(() => app.loginItem.enabled).toBe(true);
    expect((await app.run({ type: 'set-start-at-login', enabled: false })).ok).toBe(true);
    await app.policy.reload();
    expect(app.loginItem.enabled).toBe(false);
    await app.close();
  });

  it('the Linux file as the source, watched: a change to it reaches the app', async () => {
    const { linuxFileSource } = await import('../../main/policy/linux-file.js');
    const path = join(app0Dir(), 'policy.json');
    writeFileSync(path, JSON.stringify({ trayLeftClick: 'start-default' }));
    const app = await appUnderTest({ sandbox: sandbox(), ports: { policy: linuxFileSource({ path }) } });
    await app.policy.ready();
    expect(app.state().settings.trayLeftClick).toBe('start-default');
    writeFileSync(path, JSON.stringify({ trayLeftClick: 'menu', requestTimeoutSeconds: 'soon' }));
    await expect.poll(() => app.state().policy.ignored.map((i) => i.key)).toEqual(['requestTimeoutSeconds']);
    expect(app.state().policy.locked).toEqual(['trayLeftClick']);
    expect(app.state().settings.trayLeftClick).toBe('menu');
    await app.close();
  });
});

const app0Dir = () => mkdtempSync(join(tmpdir(), 'umeet-policy-'));

describe('IPC refuses what the policy holds, even from the app’s own window, naming the key', () => {
  const call = (app: Awaited<ReturnType<typeof appWith>>['app'], channel: string, payload?: unknown) =>
    (app.listeners as unknown as Record<string, (event: unknown, payload: unknown) => Promise<unknown>>)[channel]!(fromAppWindow, payload);

  it('autoUpdates locked off: the setting “Check for updates automatically” is off, and cannot be turned on', async () => {
    const { app } = await appWith({ autoUpdates: false });
    expect(app.state().settings.checkForUpdates).toBe(false);
    expect(app.state().policy.locked).toContain('checkForUpdates');
    expect(await call(app, 'updateSettings', { checkForUpdates: true })).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'checkForUpdates', message: expect.stringContaining('set by your organisation') }] },
    });
    await app.close();
  });

  it('a locked setting: through updateSettings (echoing its value is fine)', async () => {
    const { app } = await appWith({ apiServer: sandbox().url, proxyMode: 'none', allowWeakCredentialStorage: false });
    const refused = await call(app, 'updateSettings', { apiBaseUrl: 'https://elsewhere.example.com' });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', fields: [{ field: 'apiBaseUrl', message: expect.stringContaining('set by your organisation') }] },
    });
    expect(await call(app, 'updateSettings', { proxy: { mode: 'system' } })).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'proxy.mode', message: expect.stringContaining('set by your organisation') }] },
    });
    expect(await call(app, 'updateSettings', { allowWeakCredentialStorage: true })).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'allowWeakCredentialStorage' }] },
    });
    expect(await call(app, 'updateSettings', { ...app.state().settings, language: 'en' })).toMatchObject({ ok: true });
    await app.close();
  });

  it('the API server, where users may not change it', async () => {
    const { app } = await appWith({ allowApiServerChange: false, Recommended: { apiServer: sandbox().url } });
    expect(await call(app, 'updateSettings', { apiBaseUrl: 'https://elsewhere.example.com' })).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'apiBaseUrl', message: expect.stringContaining('set by your organisation') }] },
    });
    await app.close();
  });

  it('a company preset: save, rename, delete, move, restore under its id; duplicating it makes the user’s own', async () => {
    const { app } = await appWith({ companyPresets: companyFile('Board meeting') }, { en: false });
    const board = app.state().presets[0]!;
    for (const [channel, payload] of [
      ['savePreset', { ...board, name: 'Mine now' }],
      ['savePreset', { ...board, capacity: 25 }],
      ['deletePreset', { id: board.id }],
      ['movePreset', { id: board.id, toIndex: 1 }],
      ['restorePreset', { preset: { ...board, id: 'org-new' }, index: 0 }],
    ] as const) {
      expect(await call(app, channel, payload), channel).toMatchObject({
        ok: false,
        error: { kind: 'forbidden', message: expect.stringContaining('由贵单位提供') },
      });
    }
    expect(app.state().presets[0]).toEqual(board);
    // A user preset cannot be moved above the company's.
    const own = app.state().presets[1]!;
    expect(await call(app, 'movePreset', { id: own.id, toIndex: 0 })).toMatchObject({ ok: true });
    expect(
      app
        .state()
        .presets.map((p) => p.id)
        .slice(0, 2),
    ).toEqual([board.id, own.id]);
    const copy = (await call(app, 'duplicatePreset', { id: board.id })) as { ok: true; value: { id: string; name: string } };
    expect(copy.ok).toBe(true);
    expect(copy.value.id).not.toMatch(/^org-/);
    expect(await call(app, 'savePreset', { ...app.state().presets.find((p) => p.id === copy.value.id), name: 'Mine' })).toMatchObject({
      ok: true,
    });
    await app.close();
  });

  it('adding, duplicating or importing presets where the policy forbids it', async () => {
    const { app } = await appWith({ allowUserPresets: false, allowPresetImport: false, companyPresets: companyFile('Board') });
    const own = app.state().presets[1]!;
    const { id: _id, ...fresh } = own;
    expect(await call(app, 'savePreset', { ...fresh, name: 'New' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: 'Your organisation does not allow adding presets of your own.' },
    });
    expect(await call(app, 'duplicatePreset', { id: own.id })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await call(app, 'importPresets')).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: 'Your organisation does not allow importing presets.' },
    });
    // The user's existing presets stay theirs to change.
    expect(await call(app, 'savePreset', { ...own, name: 'Renamed' })).toMatchObject({ ok: true });
    await app.close();
  });
  it('a company preset can be the default: kept over a restart, gone while the policy drops it, back with it', async () => {
    const { app, policy } = await appWith({ companyPresets: companyFile('Board meeting') });
    const board = app.state().presets[0]!;
    expect(await call(app, 'setDefaultPreset', { id: board.id })).toMatchObject({ ok: true });
    expect(app.state().defaultPresetId).toBe(board.id);
    // A company id the policy does not hold is refused, as an unknown preset is.
    expect(await call(app, 'setDefaultPreset', { id: 'org-nothing' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    policy.set({});
    await app.policy.reload();
    expect(app.state().defaultPresetId).toBeUndefined();
    policy.set({ companyPresets: companyFile('Board meeting') });
    await app.policy.reload();
    expect(app.state().defaultPresetId).toBe(board.id);
    await app.close();

    const again = await appUnderTest({
      sandbox: sandbox(),
      credentials: true,
      dir: app.dir,
      ports: { policy: policy.source, userName: 'wang.li' },
    });
    await again.policy.ready();
    expect(again.state().defaultPresetId).toBe(board.id);
    await again.close();
  });

  it('export writes the user’s own presets only: the company’s come back from the policy wherever the file goes', async () => {
    const { app } = await appWith({ companyPresets: companyFile('Board meeting', 'All hands') });
    const own = app.state().presets.filter((p) => !p.id.startsWith('org-'));
    expect(own.length).toBeGreaterThan(0);
    app.dialogs.exportPath = join(mkdtempSync(join(tmpdir(), 'umeet-export-')), 'presets.json');
    expect(await call(app, 'exportPresets')).toMatchObject({ ok: true, value: { count: own.length } });
    const file = JSON.parse(readFileSync(app.dialogs.exportPath, 'utf8')) as { presets: { name: string }[] };
    expect(file.presets.map((p) => p.name)).toEqual(own.map((p) => p.name));
    await app.close();
  });

  it('where adding presets is forbidden, undoing the user’s own delete still works (and restores what was deleted)', async () => {
    const { app } = await appWith({ allowUserPresets: false, companyPresets: companyFile('Board') });
    const own = app.state().presets[1]!;
    const deleted = (await call(app, 'deletePreset', { id: own.id })) as { ok: true; value: { preset: unknown; index: number } };
    expect(deleted.ok).toBe(true);
    expect(await call(app, 'restorePreset', { preset: { ...own, name: 'Sneaked in' }, index: deleted.value.index })).toMatchObject({
      ok: true,
    });
    expect(app.state().presets.find((p) => p.id === own.id)?.name).toBe(own.name);
    // Once: a second "undo", or a preset never deleted, is adding one.
    const { id: _id, ...fresh } = own;
    expect(await call(app, 'restorePreset', { preset: { ...fresh, id: 'never-deleted', name: 'New' }, index: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: 'Your organisation does not allow adding presets of your own.' },
    });
    await app.close();
  });
});
