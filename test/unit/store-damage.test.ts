import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preset } from '../../common/preset.js';
import { SettingsPatch } from '../../common/settings.js';
import { STORE_SCHEMA_VERSION } from '../../common/store-document.js';
import { backupPathOf, storePathOf } from '../../main/store/store-file.js';
import { buildMenuModel, findEntry } from '../../main/tray/menu-model.js';
import { trayStateOf } from '../../main/tray/tray-state.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { appUnderTest, fromAppWindow } from './support/app-under-test.js';
import { readOnlyFolder } from './support/read-only-folder.js';
import { openTestStore, tempDir } from './support/temp-store.js';

// Each case here was found losing data or the app (the issue "Never lose a preset"), and fails on
// the store as it was before it.

const weekly = (id: string, name = '周会'): Preset => ({
  id,
  name,
  topic: `${name} {date}`,
  capacity: 25,
  duration: 60,
  afterCreate: { open: 'join', copy: 'join-link' },
});

const valid = () => ({
  schemaVersion: STORE_SCHEMA_VERSION,
  settings: { language: 'zh-CN' },
  presets: [weekly('a'), weekly('b', '站会')],
  defaultPresetId: 'a',
  recent: [],
  quarantine: [],
});

const write = (dir: string, value: unknown, path = storePathOf(dir)) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  writeFileSync(path, text);
  return text;
};
/** Every file beside the store, by name, with its bytes. */
const files = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
const keptCopies = (dir: string) => readdirSync(dir).filter((name) => !/^umeet-tray(\.backup)?\.json$/.test(name));

describe('wrong shapes are kept, not dropped', () => {
  it.each([
    ['presets as an object', { presets: { a: weekly('a') } }, 'presets'],
    ['recent as a string', { recent: 'yesterday' }, 'recent'],
    ['settings as a list', { settings: ['zh-CN'] }, 'settings'],
    ['quarantine as a number', { quarantine: 3 }, 'quarantine'],
  ])('%s: quarantined with its value, the file kept aside before the first write, the user told', (_name, change, where) => {
    const dir = tempDir();
    const original = write(dir, { ...valid(), ...change });
    const store = openTestStore(dir, 'en');
    const entry = store.quarantine().find((e) => e.where === where);
    expect(entry?.value).toEqual((change as Record<string, unknown>)[where]);
    const notices = store.takeNotices();
    const kept = notices.find((n) => n.kind === 'kept-aside');
    expect(kept).toMatchObject({ kind: 'kept-aside', why: 'not-understood' });
    expect(kept?.kind === 'kept-aside' && readFileSync(kept.keptAs, 'utf8')).toBe(original);
    expect(notices.some((n) => n.kind === 'quarantined')).toBe(true);
    store.flush();
    expect(JSON.parse(readFileSync(storePathOf(dir), 'utf8')).quarantine).toContainEqual(expect.objectContaining({ where }));
  });

  it('a preset with a key this version does not know is loaded, and the file is kept aside', () => {
    const dir = tempDir();
    const original = write(dir, { ...valid(), presets: [{ ...weekly('a'), colour: 'teal' }] });
    const store = openTestStore(dir);
    expect(store.presets().map((p) => p.id)).toEqual(['a']);
    expect(keptCopies(dir).map((name) => readFileSync(join(dir, name), 'utf8'))).toContain(original);
  });
});

describe('versions', () => {
  it.each([0, 1.5, -1, null, '2', 'two', true])('schemaVersion %j: starts, reads what it can, keeps the file aside', (version) => {
    const dir = tempDir();
    const original = write(dir, { ...valid(), schemaVersion: version });
    const store = openTestStore(dir);
    expect(store.presets().map((p) => p.id)).toEqual(['a', 'b']);
    expect(store.settings().language).toBe('zh-CN');
    expect(store.defaultPresetId()).toBe('a');
    expect(store.quarantine()).toContainEqual(expect.objectContaining({ where: 'schemaVersion', value: version }));
    expect(store.takeNotices()).toContainEqual(expect.objectContaining({ kind: 'kept-aside', why: 'invalid-version' }));
    expect(keptCopies(dir).map((name) => readFileSync(join(dir, name), 'utf8'))).toContain(original);
    store.flush();
    expect(JSON.parse(readFileSync(storePathOf(dir), 'utf8')).schemaVersion).toBe(STORE_SCHEMA_VERSION);
  });

  it('a file from a newer version is never written: read as far as understood, changes kept in memory, the user told', async () => {
    const dir = tempDir();
    const newer = {
      ...valid(),
      schemaVersion: STORE_SCHEMA_VERSION + 1,
      calendars: [{ id: 'work' }],
      presets: [{ ...weekly('a'), colour: 'teal' }],
    };
    const original = write(dir, newer);
    const backup = write(dir, newer, backupPathOf(dir));
    const store = openTestStore(dir, 'en');
    expect(store.presets().map((p) => p.id)).toEqual(['a']);
    expect(store.takeNotices()).toEqual([{ kind: 'newer-version', version: STORE_SCHEMA_VERSION + 1 }]);
    expect(store.saveProblem()).toEqual({ kind: 'newer-version', version: STORE_SCHEMA_VERSION + 1 });

    expect(store.savePreset({ ...weekly('c', 'Retro') }).ok).toBe(true);
    expect(await store.saved()).toMatchObject({ kind: 'newer-version' });
    store.flush();
    expect(store.presets().map((p) => p.id)).toEqual(['a', 'c']);
    expect(readFileSync(storePathOf(dir), 'utf8')).toBe(original);
    expect(readFileSync(backupPathOf(dir), 'utf8')).toBe(backup);
    expect(readdirSync(dir).sort()).toEqual(['umeet-tray.backup.json', 'umeet-tray.json']);
  });
});

describe('recovery order: main file, then backup, then the seed', () => {
  it('main file missing, backup good: the backup is used, never replaced by a seed', () => {
    const dir = tempDir();
    const backup = write(dir, valid(), backupPathOf(dir));
    const store = openTestStore(dir);
    expect(store.presets().map((p) => p.id)).toEqual(['a', 'b']);
    expect(store.takeNotices()).toEqual([{ kind: 'restored-from-backup' }]);
    store.flush();
    expect(JSON.parse(readFileSync(storePathOf(dir), 'utf8')).presets.map((p: Preset) => p.id)).toEqual(['a', 'b']);
    expect(JSON.parse(readFileSync(backupPathOf(dir), 'utf8'))).toEqual(JSON.parse(readFileSync(storePathOf(dir), 'utf8')));
    expect(JSON.parse(backup).presets).toHaveLength(2);
  });

  it('both damaged: both kept aside, the seed starts, and the user is told where they are', () => {
    const dir = tempDir();
    write(dir, '{"schemaVersion": 2, "presets": [ <- cut');
    write(dir, '\u0000\u0001binary', backupPathOf(dir));
    const store = openTestStore(dir, 'en');
    expect(store.presets().map((p) => p.name)).toEqual(['Quick meeting']);
    const [notice] = store.takeNotices();
    expect(notice).toMatchObject({ kind: 'started-afresh' });
    const kept = notice?.kind === 'started-afresh' ? notice.keptAs.map((path) => readFileSync(path, 'utf8')) : [];
    expect(kept).toEqual(['{"schemaVersion": 2, "presets": [ <- cut', '\u0000\u0001binary']);
    expect(keptCopies(dir)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^umeet-tray\.corrupt-/), expect.stringMatching(/^umeet-tray\.corrupt-backup-/)]),
    );
  });

  it('main missing, backup damaged: the backup is kept aside, not overwritten by the seed', () => {
    const dir = tempDir();
    write(dir, 'garbage', backupPathOf(dir));
    openTestStore(dir).flush();
    const kept = keptCopies(dir);
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe('garbage');
  });

  it('a directory where the file should be is moved aside whole, with what it holds', () => {
    const dir = tempDir();
    mkdirSync(storePathOf(dir));
    writeFileSync(join(storePathOf(dir), 'note.txt'), 'mine');
    write(dir, valid(), backupPathOf(dir));
    const store = openTestStore(dir);
    expect(store.presets().map((p) => p.id)).toEqual(['a', 'b']);
    const moved = keptCopies(dir).find((name) => name.startsWith('umeet-tray.unreadable-'));
    expect(moved && readFileSync(join(dir, moved, 'note.txt'), 'utf8')).toBe('mine');
  });
});

describe('temp files of interrupted saves', () => {
  it('are removed at start; other files are left alone', () => {
    const dir = tempDir();
    write(dir, valid());
    writeFileSync(join(dir, 'umeet-tray.json.tmp-1764000000a1b2c3'), '{"half');
    writeFileSync(join(dir, 'umeet-tray.backup.json.tmp-1764000001d4e5f6'), '');
    writeFileSync(join(dir, 'umeet-tray.json.tmp-notours'), 'x');
    writeFileSync(join(dir, 'notes.json'), 'x');
    openTestStore(dir).flush();
    expect(readdirSync(dir).sort()).toEqual(['notes.json', 'umeet-tray.backup.json', 'umeet-tray.json', 'umeet-tray.json.tmp-notours']);
  });
});

describe('size caps', () => {
  const huge = 'x'.repeat(10 * 1024 * 1024);

  it('every string and list of the settings has a cap, checked before anything is kept', () => {
    const store = openTestStore(tempDir());
    for (const patch of [
      { apiBaseUrl: `https://api.example.com/${huge}` },
      { globalShortcut: `CommandOrControl+${'Shift+'.repeat(20)}M` },
      { trustedLinkHosts: Array.from({ length: 51 }, (_, i) => `h${i}.example.com`) },
      { trustedLinkHosts: [`${'a'.repeat(64)}.example.com`] },
      { defaultUserKey: '键'.repeat(67) },
    ]) {
      expect(SettingsPatch.safeParse(patch).success).toBe(false);
      expect(store.updateSettings(patch).ok).toBe(false);
    }
    for (const preset of [{ name: 'n'.repeat(41) }, { topic: 't'.repeat(201) }, { userKey: '键'.repeat(67) }, { id: 'i'.repeat(65) }]) {
      expect(store.savePreset({ ...weekly('p'), ...preset }).ok).toBe(false);
    }
  });

  it('a store holds at most 100 presets; a 10 MB value in a file is quarantined, not rewritten in full', () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    for (let i = 0; store.presets().length < 100; i++) expect(store.savePreset(weekly(`p${i}`, `P${i}`)).ok).toBe(true);
    expect(store.savePreset(weekly('one-more', 'One more'))).toMatchObject({ ok: false, fields: [{ field: 'presets' }] });

    const big = tempDir();
    write(big, { ...valid(), settings: { apiBaseUrl: `https://api.example.com/${huge}` } });
    const loaded = openTestStore(big);
    loaded.flush();
    expect(loaded.settings().apiBaseUrl).toBe('https://api.systeccloud.com');
    expect(readFileSync(storePathOf(big)).length).toBeLessThan(64 * 1024);
    // The whole value survives in the copy kept aside.
    expect(keptCopies(big).some((name) => readFileSync(join(big, name), 'utf8').includes(huge))).toBe(true);
  });
});

describe('a read-only folder', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('saving answers "not saved" with why, the tray and the window show it, one notification tells it; the change stays in memory', async (context) => {
    const folder = readOnlyFolder((dir) => write(dir, { ...valid(), settings: { language: 'en' } }));
    if ('unavailable' in folder) {
      console.warn(`skipped: ${folder.unavailable}`);
      return context.skip();
    }
    try {
      const before = files(folder.dir);
      const main = await appUnderTest({ sandbox, dir: folder.dir, preferredLanguages: ['en-US'] });
      const notices = main.notices;

      const answer = await main.listeners.savePreset(fromAppWindow, { ...weekly('c', 'Retro'), id: undefined });
      expect(answer).toMatchObject({
        ok: true,
        value: { name: 'Retro' },
        notSaved: expect.stringMatching(/^Changes are not saved: the settings file cannot be written \(E(ROFS|ACCES)\)/),
      });
      expect(main.state().presets.map((p) => p.name)).toContain('Retro');
      expect(notices).toEqual([
        expect.objectContaining({ title: 'Changes are not saved', body: expect.stringContaining('cannot be written') }),
      ]);
      const snapshot = await main.listeners.snapshot(fromAppWindow, undefined);
      expect(snapshot).toMatchObject({ ok: true, value: { saveProblem: expect.stringContaining('Changes are not saved') } });
      const tray = buildMenuModel(trayStateOf(main.state(), new Date()));
      expect(findEntry(tray, 'save-problem')).toMatchObject({ label: expect.stringContaining('Changes are not saved') });

      // A second failing save tells nothing new.
      await main.listeners.savePreset(fromAppWindow, { ...weekly('d', 'Demo'), id: undefined });
      expect(notices).toHaveLength(1);
      expect(files(folder.dir)).toEqual(before);
      await main.close();
    } finally {
      folder.release();
    }
  });

  it('with a damaged file in it, the app starts, the file stays as it is, and nothing is written', (context) => {
    const folder = readOnlyFolder((dir) => {
      write(dir, '{"schemaVersion": 2, "pres');
      write(dir, valid(), backupPathOf(dir));
    });
    if ('unavailable' in folder) {
      console.warn(`skipped: ${folder.unavailable}`);
      return context.skip();
    }
    try {
      const before = files(folder.dir);
      const store = openTestStore(folder.dir);
      expect(store.presets().map((p) => p.id)).toEqual(['a', 'b']);
      expect(store.savePreset(weekly('c')).ok).toBe(true);
      expect(store.flush()).toMatchObject({ kind: 'cannot-keep-aside' });
      expect(files(folder.dir)).toEqual(before);
      expect(existsSync(storePathOf(folder.dir))).toBe(true);
    } finally {
      folder.release();
    }
  });
});
