import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Preset } from '../../common/preset.js';
import { STORE_SCHEMA_VERSION } from '../../common/store-document.js';
import { SEED_PRESET_ID } from '../../main/store/seed.js';
import { backupPathOf, storePathOf } from '../../main/store/store-file.js';
import { openTestStore, tempDir } from './support/temp-store.js';

const weekly: Omit<Preset, 'id'> = {
  name: '周会',
  topic: '产品周会 {date}',
  capacity: 25,
  duration: 60,
  joinBeforeHost: true,
  muteOnEntry: false,
  recording: 'cloud',
  userKey: '张三',
  afterCreate: { open: 'join', copy: 'join-link' },
};

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('app store: first run and round-trips', () => {
  it('seeds one preset on the first run, in the system language', () => {
    const dir = tempDir();
    const store = openTestStore(dir, 'zh-CN');
    expect(store.presets()).toEqual([
      {
        id: SEED_PRESET_ID,
        name: '快速会议',
        topic: '快速会议 {date} {time}',
        capacity: 10,
        duration: 60,
        afterCreate: { open: 'start', copy: 'invitation' },
      },
    ]);
    expect(store.defaultPresetId()).toBe(SEED_PRESET_ID);
    expect(openTestStore(tempDir(), 'en').presets()[0]?.name).toBe('Quick meeting');
    // Written at once, so a second start is not a first run.
    expect(readJson(storePathOf(dir)).schemaVersion).toBe(STORE_SCHEMA_VERSION);
  });

  it('fits the untouched seed to the licence, and leaves an edited one alone', () => {
    const store = openTestStore(tempDir());
    store.adoptLicence({ capacity: { 10: 0, 25: 3, 50: 1 } });
    expect(store.preset(SEED_PRESET_ID)?.capacity).toBe(25);
    store.savePreset({ ...store.preset(SEED_PRESET_ID), duration: 90 });
    store.adoptLicence({ capacity: { 50: 1 } });
    expect(store.preset(SEED_PRESET_ID)?.capacity).toBe(25);
  });

  it('round-trips settings, presets (in order, with a default) and recent meetings through the file', () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    const saved = store.savePreset(weekly);
    if (!saved.ok) throw new Error(JSON.stringify(saved.fields));
    const second = store.savePreset({ ...weekly, name: '站会', capacity: 10, duration: undefined });
    if (!second.ok) throw new Error(JSON.stringify(second.fields));
    store.movePreset(second.value.id, 0);
    store.setDefaultPreset(saved.value.id);
    expect(store.updateSettings({ language: 'en', trustedLinkHosts: ['meet.example.com'], requestTimeoutMs: 20_000 }).ok).toBe(true);
    store.addRecent({
      meetingId: '1591620888',
      topic: '产品周会 2026-11-25',
      createdAt: '2026-11-25T14:05:00+08:00',
      joinUrl: 'https://u.systeccloud.com/j/1591620888',
      hostKey: '765418',
      state: 'waiting',
    });
    store.flush();

    const again = openTestStore(dir);
    expect(again.presets().map((p) => p.name)).toEqual(['站会', '快速会议', '周会']);
    expect(again.preset(saved.value.id)).toEqual(saved.value);
    expect(again.preset(second.value.id)?.duration).toBeUndefined();
    expect(again.defaultPresetId()).toBe(saved.value.id);
    expect(again.settings()).toMatchObject({ language: 'en', trustedLinkHosts: ['meet.example.com'], requestTimeoutMs: 20_000 });
    expect(again.recent()).toEqual([expect.objectContaining({ meetingId: '1591620888', hostKey: '765418' })]);
    expect(again.takeNotices()).toEqual([]);
  });

  it('saves on its own, after the caller has moved on', async () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    store.savePreset({ ...weekly, name: 'later' });
    expect(readJson(storePathOf(dir)).presets.map((p: Preset) => p.name)).not.toContain('later');
    await new Promise((resolve) => setImmediate(resolve));
    expect(readJson(storePathOf(dir)).presets.map((p: Preset) => p.name)).toContain('later');
  });

  it('refuses an invalid preset with the field named, and saves nothing', () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    store.flush();
    const before = readFileSync(storePathOf(dir), 'utf8');
    for (const [patch, field] of [
      [{ name: '  ' }, 'name'],
      [{ capacity: 0 }, 'capacity'],
      [{ duration: 30 }, 'duration'],
      [{ userKey: '中'.repeat(67) }, 'userKey'],
      [{ topic: '' }, 'topic'],
      [{ afterCreate: { open: 'browser', copy: 'none' } }, 'afterCreate.open'],
    ] as const) {
      const result = store.savePreset({ ...weekly, ...patch });
      expect(result).toMatchObject({ ok: false, fields: [{ field }] });
    }
    store.flush();
    expect(readFileSync(storePathOf(dir), 'utf8')).toBe(before);
    expect(store.updateSettings({ apiBaseUrl: 'http://api.systeccloud.com' })).toMatchObject({
      ok: false,
      fields: [{ field: 'apiBaseUrl' }],
    });
    expect(store.updateSettings({ apiBaseUrl: 'http://127.0.0.1:8787' }).ok).toBe(true);
  });

  it('keeps the last ten recent meetings, newest first, never with start_url or token', () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    for (let i = 0; i < 12; i++) {
      store.addRecent({
        meetingId: String(1000 + i),
        topic: `m${i}`,
        createdAt: new Date(Date.UTC(2026, 10, 25, 6, i)).toISOString(),
        state: 'waiting',
        start_url: 'https://u.systeccloud.com/s/1?zak=eyJsecret.zak.value',
        token: 'sdk-token-value',
      });
    }
    store.flush();
    expect(store.recent().map((m) => m.meetingId)).toEqual(Array.from({ length: 10 }, (_, i) => String(1011 - i)));
    const raw = readFileSync(storePathOf(dir), 'utf8');
    expect(raw).not.toContain('zak');
    expect(raw).not.toContain('sdk-token-value');
  });

  it('creates the file and its backup with mode 0600', () => {
    const dir = tempDir();
    openTestStore(dir).flush();
    expect(statSync(storePathOf(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(backupPathOf(dir)).mode & 0o777).toBe(0o600);
  });
});

describe('app store: bad files lose nothing', () => {
  it('quarantines invalid entries with the reason, loads the rest, and keeps them in the file', () => {
    const dir = tempDir();
    const good = { id: 'good', ...weekly };
    writeFileSync(
      storePathOf(dir),
      JSON.stringify({
        schemaVersion: 2,
        settings: { language: 'klingon', requestTimeoutMs: 20_000, futureSetting: 1 },
        presets: [good, { ...weekly, id: 'bad', capacity: -5 }, { ...good }, 'nonsense'],
        defaultPresetId: 'bad',
        recent: [{ meetingId: '1', topic: 't', createdAt: 'yesterday', state: 'waiting' }],
        quarantine: [],
      }),
    );
    const store = openTestStore(dir);
    expect(store.presets().map((p) => p.id)).toEqual(['good']);
    expect(store.settings().language).toBe('system');
    expect(store.settings().requestTimeoutMs).toBe(20_000);
    const notices = store.takeNotices();
    const quarantined = notices.find((n) => n.kind === 'quarantined');
    expect(quarantined && quarantined.kind === 'quarantined' && quarantined.entries.map((e) => e.where)).toEqual([
      'settings.language',
      'settings.futureSetting',
      'presets[1]',
      'presets[2]',
      'presets[3]',
      'defaultPresetId',
      'recent[0]',
    ]);
    const bad = store.quarantine().find((e) => e.where === 'presets[1]');
    expect(bad?.reason).toMatch(/^capacity: /);
    expect(bad?.value).toMatchObject({ id: 'bad', capacity: -5 });
    // Still in the file after the rewrite: nothing was dropped.
    expect(readJson(storePathOf(dir)).quarantine).toHaveLength(7);
    // …and still there on the next start, without being reported again.
    const again = openTestStore(dir);
    expect(again.quarantine()).toHaveLength(7);
    expect(again.takeNotices()).toEqual([]);
  });

  const record = { ciphertext: 'AAAA', backend: 'gnome_libsecret', savedAt: '2026-03-01T08:00:00.000Z', keyHint: '1a2b' };
  const storeWith = (credentials: unknown) => ({
    schemaVersion: STORE_SCHEMA_VERSION,
    settings: {},
    presets: [{ id: 'good', ...weekly }],
    recent: [],
    credentials,
    quarantine: [],
  });

  it('loads credentials saved before verdicts were kept as they are: nothing set aside, nothing rewritten', () => {
    const dir = tempDir();
    writeFileSync(storePathOf(dir), JSON.stringify(storeWith(record)));
    const store = openTestStore(dir);
    expect(store.credentialRecord()).toEqual(record);
    expect(store.takeNotices()).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['umeet-tray.json']);
  });

  it('an unreadable verdict is set aside alone: the saved credentials stay', () => {
    const dir = tempDir();
    const verdict = { state: 'approved-by-a-newer-build', at: 'now' };
    writeFileSync(storePathOf(dir), JSON.stringify(storeWith({ ...record, verification: verdict })));
    const store = openTestStore(dir);
    expect(store.credentialRecord()).toEqual(record);
    expect(store.quarantine()).toMatchObject([{ where: 'credentials.verification', value: verdict }]);
    expect(store.takeNotices().map((n) => n.kind)).toEqual(['kept-aside', 'quarantined']);
  });

  it('renames a corrupt file aside and restores the last good backup, with nothing lost', () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    const saved = store.savePreset(weekly);
    store.flush();
    writeFileSync(storePathOf(dir), '{"schemaVersion": 2, "presets": [ <- truncated by a crash');

    const at = new Date('2026-11-25T12:00:00Z');
    const recovered = openTestStore(dir, 'zh-CN', () => at);
    expect(recovered.presets()).toContainEqual(saved.ok && saved.value);
    const notices = recovered.takeNotices();
    const corruptName = 'umeet-tray.corrupt-2026-11-25T12-00-00-000Z.json';
    expect(notices).toContainEqual({ kind: 'restored-from-backup', keptAs: join(dir, corruptName) });
    expect(readFileSync(join(dir, corruptName), 'utf8')).toContain('truncated by a crash');
    expect(readdirSync(dir)).toContain('umeet-tray.json');
  });

  it('keeps a corrupt file aside and starts afresh when there is no backup, and says so', () => {
    const dir = tempDir();
    writeFileSync(storePathOf(dir), 'not json at all');
    const store = openTestStore(dir, 'en');
    expect(store.takeNotices()).toContainEqual(expect.objectContaining({ kind: 'started-afresh' }));
    expect(readdirSync(dir).some((f) => f.startsWith('umeet-tray.corrupt-'))).toBe(true);
    expect(store.presets().map((p) => p.name)).toEqual(['Quick meeting']);
  });

  it('migrates a version-1 file, dropping the start_url and token it stored', () => {
    const dir = tempDir();
    writeFileSync(
      storePathOf(dir),
      JSON.stringify({
        schemaVersion: 1,
        apiBase: 'https://api.systeccloud.com',
        language: 'zh-CN',
        timeoutSeconds: 20,
        autoStart: true,
        defaultPreset: 'p1',
        presets: [
          {
            id: 'p1',
            name: '周会',
            topic: '周会 {date}',
            meeting_capacity: '25',
            duration: 60,
            option_jbh: 'true',
            mute_upon_entry: 'false',
            use_pmi: '',
            recording: 'cloud',
            allow_live_streaming: 'false',
            user_key: 'zhangsan',
            openAs: 'host',
            copyInvitation: true,
          },
          { id: 'p2', name: '站会', topic: '站会', meeting_capacity: 10, openAs: 'participant', copyInvitation: false },
        ],
        recent: [
          {
            meeting_id: 1591620888,
            topic: '周会',
            created_at: '2026-11-20T09:00:00+08:00',
            join_url: 'https://u.systeccloud.com/j/1591620888',
            host_key: 765418,
            start_url: 'https://u.systeccloud.com/s/1591620888?zak=eyJold.zak.token',
            token: 'old-sdk-token',
          },
        ],
      }),
    );
    const store = openTestStore(dir);
    const [notice] = store.takeNotices();
    expect(notice).toMatchObject({ kind: 'kept-aside', why: 'older-version' });
    // The version-1 file is kept as it was, but for the host credentials it held (plain files never keep them).
    const kept = notice?.kind === 'kept-aside' ? readFileSync(notice.keptAs, 'utf8') : '';
    expect(kept).toContain('"apiBase": "https://api.systeccloud.com"');
    expect(kept).toContain('"copyInvitation": true');
    expect(kept).not.toContain('zak');
    expect(kept).not.toContain('old-sdk-token');
    // Start at login is the OS's to say since version 3: the old setting is not carried over.
    expect(store.settings()).toEqual(expect.objectContaining({ language: 'zh-CN', requestTimeoutMs: 20_000 }));
    expect(store.settings()).not.toHaveProperty('startAtLogin');
    expect(store.presets()).toEqual([
      {
        id: 'p1',
        name: '周会',
        topic: '周会 {date}',
        capacity: 25,
        duration: 60,
        joinBeforeHost: true,
        muteOnEntry: false,
        recording: 'cloud',
        liveStreaming: false,
        userKey: 'zhangsan',
        afterCreate: { open: 'start', copy: 'invitation' },
      },
      { id: 'p2', name: '站会', topic: '站会', capacity: 10, afterCreate: { open: 'join', copy: 'join-link' } },
    ]);
    expect(store.defaultPresetId()).toBe('p1');
    expect(store.recent()).toEqual([expect.objectContaining({ meetingId: '1591620888', hostKey: '765418', state: 'unknown' })]);
    const raw = readFileSync(storePathOf(dir), 'utf8');
    expect(JSON.parse(raw).schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(raw).not.toContain('zak');
    expect(raw).not.toContain('old-sdk-token');
    expect(existsSync(backupPathOf(dir))).toBe(true);
  });
});

describe('store notices', () => {
  it('tell the user what happened, in both languages', async () => {
    const { storeNoticeText } = await import('../../main/store/notice-text.js');
    const { translator } = await import('../../common/i18n/index.js');
    const notice = { kind: 'restored-from-backup', keptAs: '/x/umeet-tray.corrupt-1.json' } as const;
    expect(storeNoticeText(notice, translator('en')).body).toContain('umeet-tray.corrupt-1.json');
    expect(storeNoticeText(notice, translator('zh-CN')).title).toBe('已从备份恢复设置');
    const newer = storeNoticeText({ kind: 'newer-version', version: 7 }, translator('en'));
    expect(newer.body).toContain('changes are not saved until you update');
    expect(storeNoticeText({ kind: 'newer-version', version: 7 }, translator('zh-CN')).body).toContain('更新应用之前');
  });
});
