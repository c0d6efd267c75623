import { describe, expect, it } from 'vitest';
import type { PresetInput } from '../../common/window-state.js';
import { buildMenuModel, findEntry, type MenuEntry } from '../../main/tray/menu-model.js';
import { trayStateOf } from '../../main/tray/tray-state.js';
import { appUnderTest, type AppOptions, type AppUnderTest } from './support/app-under-test.js';
import { useFreshSandbox, useSandbox } from './support/sandbox.js';

// Rooms, through the real composition root against the sandbox: what is free is read when the menu
// opens and never on the click; after a definite "no room free" the next size up is offered (or, by
// the setting, taken once); a meeting is resized on request; who joined is counted on the refresh and
// listed on request, and kept nowhere. Where tests fill the rooms, each has a sandbox of its own.

const INSTANT = '/umeeting/share/instant';
const ROOMS = '/umeeting/share/rooms';
const RESIZE = '/umeeting/share/resetCapacity';

const weekly: PresetInput = {
  name: 'Weekly',
  topic: 'Weekly',
  capacity: 25,
  duration: 60,
  afterCreate: { open: 'none', copy: 'none' },
};

/** The app with a clock of its own (for the 30-second rule), and one saved preset. */
async function appWithPreset(sandbox: AppOptions['sandbox'], preset: PresetInput = weekly, options: Partial<AppOptions> = {}) {
  let offsetMs = 0;
  const app = await appUnderTest({
    sandbox,
    credentials: 'verified',
    ...options,
    ports: { now: () => new Date(Date.now() + offsetMs), ...options.ports },
  });
  const saved = await app.ipc.savePreset(preset);
  if (!saved.ok) throw new Error(saved.error.message);
  return { app, presetId: saved.value.id, later: (ms: number) => void (offsetMs += ms) };
}

const menuOf = (app: AppUnderTest) => buildMenuModel(trayStateOf(app.state(), new Date()));
const labelOf = (model: readonly MenuEntry[], id: string) => {
  const entry = findEntry(model, id);
  return entry && entry.kind !== 'separator' ? entry.label : undefined;
};
const count = (sandbox: AppOptions['sandbox'], path: string) => sandbox.requests.filter((r) => r.path.startsWith(path)).length;

/** Starts a preset as a click does and returns the meeting's id. */
async function click(app: AppUnderTest, presetId: string, capacity?: number) {
  return app.run({ type: 'start', presetId, ...(capacity ? { capacity } : {}) });
}

describe('free rooms on the presets', () => {
  const sandbox = useSandbox({ licence: { 10: 2, 25: 1, 50: 1 } });

  it('are read when the menu opens, at most every 30 s, and never on the click', async () => {
    const { app, presetId, later } = await appWithPreset(sandbox());
    const before = count(sandbox(), ROOMS);
    // Until the first answer, the label is as it always was.
    expect(labelOf(menuOf(app), `preset:${presetId}`)).toBe('Weekly · 25 people · 60 min');

    app.warm();
    await expect.poll(() => app.state().roomsFree[presetId]).toEqual({ capacity: 25, total: 1, free: 1 });
    expect(labelOf(menuOf(app), `preset:${presetId}`)).toBe('Weekly · 25 people · 60 min — 1 free');
    expect(count(sandbox(), ROOMS)).toBe(before + 1);

    // The menu opened again within 30 s: no second read.
    app.warm();
    app.warm();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(count(sandbox(), ROOMS)).toBe(before + 1);

    // The click itself asks for nothing but the meeting.
    const instants = count(sandbox(), INSTANT);
    expect(await click(app, presetId)).toMatchObject({ ok: true });
    expect(count(sandbox(), INSTANT)).toBe(instants + 1);
    expect(count(sandbox(), ROOMS)).toBe(before + 1);

    // 31 s on, the menu opens again: read again, and the room the click took is no longer free.
    later(31_000);
    app.warm();
    await expect.poll(() => app.state().roomsFree[presetId]?.free).toBe(0);
    expect(count(sandbox(), ROOMS)).toBe(before + 2);
    const line = findEntry(menuOf(app), `preset:${presetId}`);
    // None free, and still clickable: the service decides.
    expect(line).toMatchObject({ label: 'Weekly · 25 people · 60 min — none free', enabled: true });
    await app.close();
  });

  it('stay as they were when a read fails, and say it in Chinese in a Chinese UI', async () => {
    const { app, presetId, later } = await appWithPreset(sandbox(), { ...weekly, name: '周会', capacity: 10 });
    await app.ipc.updateSettings({ language: 'zh-CN' });
    sandbox().inject({ kind: 'http-502-html', path: ROOMS });
    app.warm();
    await expect.poll(() => count(sandbox(), ROOMS) > 0 && app.log.lines.some((l) => l.message.startsWith('availability'))).toBe(true);
    expect(app.state().roomsFree[presetId]).toBeUndefined();
    expect(labelOf(menuOf(app), `preset:${presetId}`)).toBe('周会 · 10 方 · 60 分钟');

    later(31_000);
    app.warm();
    await expect.poll(() => app.state().roomsFree[presetId]?.total).toBe(2);
    expect(labelOf(menuOf(app), `preset:${presetId}`)).toMatch(/^周会 · 10 方 · 60 分钟 — [12] 间空闲$/);
    await app.close();
  });
});

describe('no room of that size free', () => {
  const sandbox = useFreshSandbox({ licence: { 25: 1, 50: 1, 100: 1 } });

  it('offers the next size up with a free room, in the notification and the tray, as one click', async () => {
    const { app, presetId } = await appWithPreset(sandbox());
    expect(await click(app, presetId)).toMatchObject({ ok: true }); // takes the only 25-party room
    const instants = count(sandbox(), INSTANT);

    expect(await click(app, presetId)).toMatchObject({ ok: false });
    expect(count(sandbox(), INSTANT)).toBe(instants + 1); // asked once, not retried
    const notice = app.notices.at(-1)!;
    expect(notice.body).toContain('Click here to start it in a 50-party room instead.');
    expect(app.state().lastError?.offer).toEqual({ capacity: 50, from: 25 });
    const offered = findEntry(menuOf(app), 'start-bigger');
    expect(offered).toMatchObject({
      label: 'Start “Weekly” in a 50-party room instead',
      enabled: true,
      action: { type: 'start', presetId, capacity: 50 },
    });

    // The notification's click takes it: one create, in a 50-party room; the preset keeps its size.
    notice.onClick!();
    await expect.poll(() => app.state().recent.length).toBe(2);
    expect(count(sandbox(), INSTANT)).toBe(instants + 2);
    expect(
      sandbox()
        .requests.filter((r) => r.path === INSTANT)
        .at(-1)?.fields.meeting_capacity,
    ).toBe('50');
    expect(app.state().recent[0]).toMatchObject({ capacity: 50 });
    expect(app.state().presets.find((p) => p.id === presetId)?.capacity).toBe(25);
    expect(app.state().lastError).toBeUndefined();
    expect(findEntry(menuOf(app), 'start-bigger')).toBeUndefined();
    await app.close();
  });

  it.each([
    ['the answer never came (timeout)', 'no-answer'],
    ['the connection was reset after the request', 'reset'],
    ['a proxy answered with an HTML page', 'http-502-html'],
  ] as const)('offers nothing when %s: the meeting may exist', async (_, kind) => {
    const { app, presetId } = await appWithPreset(sandbox(), weekly, { requestTimeoutMs: 3_000 });
    const instants = count(sandbox(), INSTANT);
    sandbox().inject({ kind, path: INSTANT });
    expect(await click(app, presetId)).toMatchObject({ ok: false });
    expect(count(sandbox(), INSTANT)).toBe(instants + 1);
    expect(app.state().lastError?.offer).toBeUndefined();
    expect(findEntry(menuOf(app), 'start-bigger')).toBeUndefined();
    expect(app.notices.at(-1)?.body).not.toContain('-party room instead');
    await app.close();
  });
});

describe('“take the next size up at once”', () => {
  const sandbox = useFreshSandbox({ licence: { 25: 1, 50: 1, 100: 1 } });

  it('sends exactly one second create, in the next size up, after a definite refusal', async () => {
    const { app, presetId } = await appWithPreset(sandbox());
    await app.ipc.updateSettings({ whenNoRoom: 'next-size-up' });
    expect(await click(app, presetId)).toMatchObject({ ok: true }); // the 25
    const instants = count(sandbox(), INSTANT);
    const second = await click(app, presetId);
    expect(second).toMatchObject({ ok: true });
    const sent = sandbox()
      .requests.filter((r) => r.path === INSTANT)
      .slice(instants);
    expect(sent.map((r) => r.fields.meeting_capacity)).toEqual(['25', '50']);
    expect(app.state().recent[0]).toMatchObject({ capacity: 50 });
    expect(app.notices.at(-1)?.body).toContain('No 25-party room was free, so it has a 50-party room.');
    await app.close();
  });

  it('never a third: when the second is refused too, that is the answer', async () => {
    const { app, presetId } = await appWithPreset(sandbox(), { ...weekly, name: 'Again', capacity: 25 });
    await app.ipc.updateSettings({ whenNoRoom: 'next-size-up' });
    const instants = count(sandbox(), INSTANT);
    // The service says "no room" to both, whatever the rooms list said was free.
    sandbox().inject({ kind: 'no-free-room', path: INSTANT, times: 5 });
    expect(await click(app, presetId)).toMatchObject({ ok: false });
    expect(count(sandbox(), INSTANT)).toBe(instants + 2);
    await app.close();
  });

  it('never after a failure that may have reached the service', async () => {
    const { app, presetId } = await appWithPreset(sandbox(), { ...weekly, name: 'Dropped', capacity: 100 });
    await app.ipc.updateSettings({ whenNoRoom: 'next-size-up' });
    const instants = count(sandbox(), INSTANT);
    // Processed, then the connection dropped: the meeting may exist (a timeout is the same case, tested above).
    sandbox().inject({ kind: 'reset', path: INSTANT });
    expect(await click(app, presetId)).toMatchObject({ ok: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(count(sandbox(), INSTANT)).toBe(instants + 1);
    await app.close();
  });
});

describe('resize', () => {
  const sandbox = useFreshSandbox({ licence: { 10: 2, 25: 1, 50: 1 } });

  it('is accepted: the recent entry shows the new size; refused: the service’s words, nothing changed, nothing sent again', async () => {
    const { app, presetId } = await appWithPreset(sandbox(), { ...weekly, name: 'Small', topic: 'Small', capacity: 10 });
    expect(await click(app, presetId)).toMatchObject({ ok: true });
    const meetingId = app.state().recent[0]!.meetingId;

    // The tray offers the licensed sizes, the meeting's own ticked.
    const submenu = findEntry(menuOf(app), `recent:${meetingId}:resize`);
    expect(submenu?.kind === 'submenu' && submenu.entries.map((e) => (e.kind === 'separator' ? '' : e.label))).toEqual([
      '10 people ✓',
      '25 people',
      '50 people',
    ]);

    expect(await app.run({ type: 'resize-meeting', meetingId, capacity: 25 })).toMatchObject({ ok: true });
    expect(app.state().recent[0]).toMatchObject({ meetingId, capacity: 25 });
    expect(app.notices.at(-1)).toMatchObject({ title: 'Room changed', body: '“Small” now has a 25-party room.' });
    expect(sandbox().state.meetings.get(meetingId)).toMatchObject({ capacity: 25 });

    // The 50 is taken by another meeting: the service refuses, and says why.
    await sandbox().book({ capacity: 50, start: sandbox().clock.now(), duration: 120 });
    const resizes = count(sandbox(), RESIZE);
    const refused = await app.run({ type: 'resize-meeting', meetingId, capacity: 50 });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^The room of “Small” was not changed: .*50/) } });
    expect(count(sandbox(), RESIZE)).toBe(resizes + 1);
    expect(app.notices.at(-1)?.body).toMatch(/The room of “Small” was not changed: .*50/);
    expect(app.state().recent[0]).toMatchObject({ meetingId, capacity: 25 });
    await app.close();
  });

  it('is sent once even when the connection drops after it', async () => {
    const { app, presetId } = await appWithPreset(sandbox(), { ...weekly, name: 'Lost', capacity: 10 });
    expect(await click(app, presetId)).toMatchObject({ ok: true });
    const meetingId = app.state().recent[0]!.meetingId;
    sandbox().inject({ kind: 'reset', path: `${RESIZE}/${meetingId}` });
    const resizes = count(sandbox(), RESIZE);
    expect(await app.run({ type: 'resize-meeting', meetingId, capacity: 10 })).toMatchObject({ ok: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(count(sandbox(), RESIZE)).toBe(resizes + 1);
    expect(app.state().recent[0]).toMatchObject({ capacity: 10 });
    await app.close();
  });

  it('is not offered for a meeting that is over', async () => {
    const { app, presetId } = await appWithPreset(sandbox(), { ...weekly, name: 'Over', capacity: 10 });
    expect(await click(app, presetId)).toMatchObject({ ok: true });
    const meetingId = app.state().recent[0]!.meetingId;
    app.dialogs.confirm = true;
    expect(await app.run({ type: 'end-meeting', meetingId })).toMatchObject({ ok: true });
    await expect.poll(() => app.state().recent[0]?.state).toBe('ended');
    expect(findEntry(menuOf(app), `recent:${meetingId}:resize`)).toBeUndefined();
    await app.close();
  });
});

describe('who joined', () => {
  const sandbox = useSandbox({ licence: { 10: 5 } });
  const names = ['张三丰', 'Ada Lovelace-Byron'];
  const address = '203.0.113.77';

  it('is counted on the existing refresh, listed on request, and never logged or stored', async () => {
    const { app, presetId } = await appWithPreset(
      sandbox(),
      { ...weekly, name: 'Review', capacity: 10 },
      { ports: { refreshDelaysMs: [30, 60] } },
    );
    expect(await click(app, presetId)).toMatchObject({ ok: true });
    const meetingId = app.state().recent[0]!.meetingId;
    for (const name of names) sandbox().join(meetingId, { name, device: 'iOS', ip: address });

    await expect.poll(() => app.state().recent[0]).toMatchObject({ state: 'in-progress', participants: 2 });
    expect(labelOf(menuOf(app), `recent:${meetingId}`)).toContain('in progress · 2 joined');

    const view = await app.ipc.participants({ meetingId });
    expect(view).toMatchObject({ ok: true, value: { count: 2 } });
    const listed = view.ok ? view.value.participants : [];
    expect(listed.map((p) => p.name)).toEqual(names);
    expect(listed.map((p) => p.device)).toEqual(['iOS', 'iOS']);
    // Addresses are not even sent to the window.
    expect(JSON.stringify(view)).not.toContain(address);

    // One more joins, one leaves: the service counts who joined, and the next refresh says so.
    sandbox().join(meetingId, { name: 'Third Person', device: 'Android', ip: address });
    sandbox().leave(meetingId, names[0]!);
    await expect.poll(() => app.state().recent[0]?.participants).toBe(3);
    // Nothing personal in any log line or store file.
    const logged = JSON.stringify(app.log.lines);
    const stored = await app.storeFiles();
    for (const secret of [...names, address]) {
      expect(logged).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
    await app.close();
  });
});
