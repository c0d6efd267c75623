import { describe, expect, it, vi } from 'vitest';
import type { Preset } from '../../common/preset.js';
import type { RecentMeeting } from '../../common/recent.js';
import {
  buildMenuModel,
  findEntry,
  toMenuTemplate,
  tooltipText,
  trayIconVariant,
  type MenuEntry,
  type TrayState,
} from '../../main/tray/menu-model.js';
import type { UpdateStatus } from '../../main/updates/update-service.js';

const preset = (id: string, name: string, capacity = 25, duration?: number): Preset => ({
  id,
  name,
  topic: name,
  capacity,
  ...(duration ? { duration } : {}),
  afterCreate: { open: 'start', copy: 'invitation' },
});

// 14:05 local time; the release is 30 minutes later, 14:35.
const createdAt = new Date(2026, 10, 25, 14, 5).toISOString();
const meeting = (id: string, state: RecentMeeting['state'], extra: Partial<RecentMeeting> = {}): RecentMeeting => ({
  meetingId: id,
  topic: '周会',
  createdAt,
  joinUrl: `https://u.systeccloud.com/j/${id}`,
  hostKey: '765418',
  state,
  ...extra,
});

function state(overrides: Partial<TrayState> = {}): TrayState {
  return {
    locale: 'en',
    now: new Date(2026, 10, 25, 14, 10),
    credentials: 'ok',
    presets: [preset('weekly', 'Weekly', 25, 60), preset('standup', 'Stand-up', 10)],
    defaultPresetId: 'weekly',
    busy: new Set(),
    recent: [],
    pendingChecks: [],
    startAtLogin: { enabled: false },
    ...overrides,
  };
}

const labels = (model: readonly MenuEntry[]) => model.map((e) => (e.kind === 'separator' ? '---' : e.label));
const item = (model: readonly MenuEntry[], id: string) => {
  const entry = findEntry(model, id);
  if (!entry || entry.kind === 'separator') throw new Error(`no entry ${id}`);
  return entry;
};

describe('tray menu model', () => {
  it('lists presets with size and duration, marks the default, then recent, window, login, quit (en)', () => {
    expect(labels(buildMenuModel(state()))).toEqual([
      'Weekly · 25 people · 60 min (default)',
      'Stand-up · 10 people',
      '---',
      'Recent meetings',
      '---',
      'Presets & settings…',
      'Start at login',
      '---',
      'Quit',
    ]);
  });

  it('speaks Chinese', () => {
    const model = buildMenuModel(state({ locale: 'zh-CN' }));
    expect(labels(model).slice(0, 2)).toEqual(['Weekly · 25 方 · 60 分钟（默认）', 'Stand-up · 10 方']);
    expect(labels(model).slice(-6)).toEqual(['最近的会议', '---', '预设与设置…', '登录时启动', '---', '退出']);
  });

  it.each([
    ['missing', 'missing'],
    ['locked', 'locked'],
  ] as const)('with %s credentials puts "Set up credentials…" first and disables the presets', (_name, credentials) => {
    const model = buildMenuModel(state({ credentials }));
    expect(model[0]).toEqual({
      kind: 'item',
      id: 'set-up-credentials',
      label: 'Set up credentials…',
      enabled: true,
      action: { type: 'open-window', section: 'settings' },
    });
    expect(item(model, 'preset:weekly')).toMatchObject({ enabled: false });
  });

  it('with refused credentials says so first, opening the settings, and still lets the presets be tried', () => {
    for (const [locale, label] of [
      ['en', 'Credentials refused by the service — fix them…'],
      ['zh-CN', '凭据已被服务拒绝，请重新设置…'],
    ] as const) {
      const model = buildMenuModel(state({ credentials: 'refused', locale }));
      expect(model[0]).toEqual({
        kind: 'item',
        id: 'set-up-credentials',
        label,
        enabled: true,
        action: { type: 'open-window', section: 'settings' },
      });
      expect(item(model, 'preset:weekly')).toMatchObject({ enabled: true });
    }
  });

  it('shows a busy preset as starting and disabled, the others still clickable', () => {
    const model = buildMenuModel(state({ busy: new Set(['weekly']) }));
    expect(item(model, 'preset:weekly')).toMatchObject({ label: 'Weekly · 25 people · 60 min (default) — Starting…', enabled: false });
    expect(item(model, 'preset:standup')).toMatchObject({ enabled: true, action: { type: 'start', presetId: 'standup' } });
  });

  it('puts presets beyond the seventh into a submenu', () => {
    const presets = Array.from({ length: 10 }, (_, i) => preset(`p${i}`, `P${i}`));
    const model = buildMenuModel(state({ presets, defaultPresetId: undefined }));
    expect(model.slice(0, 7).map((e) => e.kind === 'item' && e.id)).toEqual([
      'preset:p0',
      'preset:p1',
      'preset:p2',
      'preset:p3',
      'preset:p4',
      'preset:p5',
      'preset:p6',
    ]);
    const more = item(model, 'more-presets');
    expect(more.kind === 'submenu' && more.label).toBe('More presets');
    expect(more.kind === 'submenu' && more.entries.map((e) => e.kind === 'item' && e.id)).toEqual(['preset:p7', 'preset:p8', 'preset:p9']);
    expect(labels(buildMenuModel(state({ presets: presets.slice(0, 7) })))).not.toContain('More presets');
  });

  it('shows each recent meeting with its state, the release time for a waiting one', () => {
    const recent = [
      meeting('1591620888', 'waiting'),
      meeting('1591620889', 'in-progress'),
      meeting('1591620890', 'ended'),
      meeting('1591620891', 'released'),
    ];
    const submenu = item(buildMenuModel(state({ recent })), 'recent');
    expect(submenu.kind === 'submenu' && labels(submenu.entries)).toEqual([
      '周会 — 159 162 0888 · 14:05 · waiting for participants, released at 14:35 if nobody joins',
      '周会 — 159 162 0889 · 14:05 · in progress',
      '周会 — 159 162 0890 · 14:05 · ended',
      '周会 — 159 162 0891 · 14:05 · released',
    ]);
    const zh = item(buildMenuModel(state({ locale: 'zh-CN', recent })), 'recent');
    expect(zh.kind === 'submenu' && zh.entries[0]?.kind === 'submenu' && zh.entries[0].label).toBe(
      '周会 — 159 162 0888 · 14:05 · 等待参会者，若无人加入将于 14:35 释放',
    );
  });

  it('offers every action on a live meeting, and only copying on a finished one', () => {
    const model = buildMenuModel(
      state({ recent: [meeting('1', 'waiting', { watchUrl: 'https://wx.vzan.com/live/1' }), meeting('2', 'ended')] }),
    );
    const live = item(model, 'recent:1');
    expect(live.kind === 'submenu' && labels(live.entries)).toEqual([
      'Open as participant',
      'Open as host',
      '---',
      'Copy join link',
      'Copy meeting ID',
      'Copy host key',
      'Copy invitation',
      'Open live page',
      '---',
      'End meeting…',
    ]);
    expect(item(model, 'recent:1:end')).toMatchObject({ enabled: true, action: { type: 'end-meeting', meetingId: '1' } });
    expect(item(model, 'recent:2:end')).toMatchObject({ enabled: false });
    expect(item(model, 'recent:2:open-host')).toMatchObject({ enabled: false });
    expect(item(model, 'recent:2:copy-join-link')).toMatchObject({ enabled: true });
    expect(findEntry(model, 'recent:2:open-live')).toBeUndefined();
  });

  it('says when there are no recent meetings, offers pending checks, and reflects start at login', () => {
    const model = buildMenuModel(state({ pendingChecks: [{ id: 'check-1', topic: 'Weekly 14:05' }], startAtLogin: { enabled: true } }));
    expect(item(model, 'recent-empty')).toMatchObject({ enabled: false, label: 'No meetings yet' });
    expect(item(model, 'check:check-1')).toMatchObject({
      label: 'Check whether “Weekly 14:05” was created',
      action: { type: 'check-created', checkId: 'check-1' },
    });
    expect(item(model, 'start-at-login')).toMatchObject({ kind: 'checkbox', checked: true });
  });

  it('shows the last error, with "Open log folder", in the menu, tooltip and icon', () => {
    const failed = state({ lastError: 'The service refused: 当前没有空闲的会议室' });
    const model = buildMenuModel(failed);
    expect(labels(model).slice(0, 2)).toEqual(['⚠ The service refused: 当前没有空闲的会议室', 'Open log folder']);
    expect(tooltipText(failed)).toBe('Umeet Tray — last error: The service refused: 当前没有空闲的会议室');
    expect(tooltipText(state())).toBe('Umeet Tray');
    expect(trayIconVariant(failed)).toBe('error');
    expect(trayIconVariant(state({ busy: new Set(['weekly']) }))).toBe('busy');
    expect(trayIconVariant(state())).toBe('idle');
  });

  it('is a pure function of state', () => {
    expect(buildMenuModel(state())).toEqual(buildMenuModel(state()));
    expect(buildMenuModel(state())).not.toEqual(buildMenuModel(state({ locale: 'zh-CN' })));
  });

  it('turns into a template whose clicks dispatch the right actions', () => {
    const dispatch = vi.fn();
    const template = toMenuTemplate(buildMenuModel(state({ recent: [meeting('1', 'waiting')] })), dispatch);
    template.find((i) => i.id === 'preset:standup')?.click?.();
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'start', presetId: 'standup' });
    const recent = template.find((i) => i.id === 'recent');
    expect(recent?.type).toBe('submenu');
    recent?.submenu?.[0]?.submenu?.find((i) => i.id === 'recent:1:copy-invitation')?.click?.();
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'copy', meetingId: '1', what: 'invitation' });
    template.find((i) => i.id === 'start-at-login')?.click?.();
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'set-start-at-login', enabled: true });
    template.find((i) => i.id === 'quit')?.click?.();
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'quit' });
    expect(template.find((i) => i.id === 'start-at-login')).toMatchObject({ type: 'checkbox', checked: false });
  });
});

describe('labels', () => {
  it('escape every & (a mnemonic on every platform, macOS included)', () => {
    const model = buildMenuModel(state({ presets: [preset('rd', 'R&D', 10)] }));
    const template = toMenuTemplate(model, () => undefined);
    expect(template.find((i) => i.id === 'preset:rd')?.label).toBe('R&&D · 10 people');
    expect(template.find((i) => i.id === 'open-window')?.label).toBe('Presets && settings…');
  });
});

describe('updates', () => {
  const updates = (status: UpdateStatus) => state({ updates: { status, version: '0.1.0' } });
  const tail = (model: readonly MenuEntry[]) => labels(model).slice(-6);

  it('sit above Quit: a greyed status line (none before the first check), then "Check for updates…"', () => {
    expect(tail(buildMenuModel(updates({ state: 'idle', upToDate: false })))).toEqual([
      'Presets & settings…',
      'Start at login',
      '---',
      'Check for updates…',
      '---',
      'Quit',
    ]);
    const model = buildMenuModel(updates({ state: 'idle', upToDate: true }));
    expect(tail(model)).toEqual(['Start at login', '---', 'Up to date (v0.1.0)', 'Check for updates…', '---', 'Quit']);
    expect(item(model, 'update-status')).toMatchObject({ enabled: false });
    expect(item(model, 'check-for-updates')).toMatchObject({ enabled: true, action: { type: 'check-for-updates' } });
  });

  it.each<[UpdateStatus, string, boolean]>([
    [{ state: 'checking' }, 'Checking for updates…', false],
    [{ state: 'available', version: '0.2.0' }, 'Version 0.2.0 is available', true],
    [{ state: 'downloading', version: '0.2.0' }, 'Downloading v0.2.0…', false],
    [{ state: 'error', message: 'no connection' }, 'Update check failed: no connection', true],
  ])('%o: "%s"', (status, line, canCheck) => {
    const model = buildMenuModel(updates(status));
    expect(item(model, 'update-status')).toMatchObject({ label: line, enabled: false });
    expect(item(model, 'check-for-updates')).toMatchObject({ enabled: canCheck });
  });

  it('a long failure is shortened on its line', () => {
    const model = buildMenuModel(updates({ state: 'error', message: 'HttpError: 404 Not Found '.repeat(5) }));
    expect(item(model, 'update-status').label.length).toBeLessThanOrEqual(60);
    expect(item(model, 'update-status').label.endsWith('…')).toBe(true);
  });

  it('once downloaded: "Restart to update to v0.2.0" instead of the check, in both languages', () => {
    const ready: UpdateStatus = { state: 'ready', version: '0.2.0' };
    const model = buildMenuModel(updates(ready));
    expect(item(model, 'restart-to-update')).toMatchObject({
      label: 'Restart to update to v0.2.0',
      enabled: true,
      action: { type: 'restart-to-update' },
    });
    expect(findEntry(model, 'check-for-updates')).toBeUndefined();
    const zh = buildMenuModel(state({ locale: 'zh-CN', updates: { status: ready, version: '0.1.0' } }));
    expect(item(zh, 'restart-to-update').label).toBe('重启以更新到 v0.2.0');
  });

  it('an unsigned macOS build says it needs a signed build, and offers no check', () => {
    const model = buildMenuModel(updates({ state: 'unsupported', reason: 'unsigned' }));
    expect(item(model, 'update-status')).toMatchObject({
      label: 'Updates need a signed build: get new versions from the release page',
      enabled: false,
    });
    expect(findEntry(model, 'check-for-updates')).toBeUndefined();
  });

  it('a development run (unpackaged) shows nothing of updates', () => {
    const model = buildMenuModel(updates({ state: 'unsupported', reason: 'unpackaged' }));
    expect(labels(model)).toEqual(labels(buildMenuModel(state())));
  });
});
