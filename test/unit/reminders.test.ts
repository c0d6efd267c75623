import { afterEach, describe, expect, it } from 'vitest';
import type { ScheduleRequest } from '../../common/schedule.js';
import { MAX_WAIT_MS, nextWake, remindAt } from '../../main/meetings/reminder-plan.js';
import type { Timers } from '../../main/ports.js';
import { buildMenuModel, findEntry } from '../../main/tray/menu-model.js';
import { trayStateOf } from '../../main/tray/tray-state.js';
import type { Sandbox } from '../../sandbox/server.js';
import { appUnderTest, fromAppWindow, type AppUnderTest } from './support/app-under-test.js';
import { useFreshSandbox } from './support/sandbox.js';
import { waitFor } from './support/wait.js';

// Reminders before booked meetings (issue 31), through the composition root against the sandbox, on one
// clock the test moves: the sandbox's, which the app reads, and a Timers port whose timers fire only when
// the test moves the clock past them. Berlin's zone: the clocks go forward on 31 March 2030 (02:00 → 03:00).
process.env.TZ = 'Europe/Berlin';

/** The sandbox's clock when each test starts: Monday 4 March 2030, 09:00 in Berlin. */
const CLOCK = new Date(2030, 2, 4, 9, 0).getTime();
// The clock stands still but for the test's moves (speed 0). Running on in real time, it moved between the app's
// reading of it and the timer's: a timer meant for 13:45 was set for 13:45 and a millisecond, which a move to 13:45
// did not reach (a reminder that never came, a wake-up never planned "by" its time: once in six shuffled runs).
const sandbox = useFreshSandbox({ licence: { 10: 5, 25: 5 }, clockStart: CLOCK, clockSpeed: 0 });

/** Timers that fire when the test moves the sandbox's clock past them; the most ever pending is kept. */
function clockedTimers(box: () => Sandbox) {
  const pending = new Map<number, { at: number; callback: () => void }>();
  let next = 0;
  let most = 0;
  const timers: Timers = {
    setTimeout(callback, ms) {
      pending.set(++next, { at: box().clock.now() + ms, callback });
      most = Math.max(most, pending.size);
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  /** Lets what a timer started (a read of Upcoming, a notification) finish: until a timer is set again, or a bounded while. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 200 && pending.size === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  /** Moves the clock to `to`, firing every timer due on the way, each at its moment; `asleep`: none fires (a sleeping machine). */
  async function moveTo(to: number, options: { asleep?: boolean } = {}): Promise<void> {
    for (;;) {
      const due = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (options.asleep || !due || due[1].at > to) break;
      pending.delete(due[0]);
      box().clock.advance(Math.max(0, due[1].at - box().clock.now()));
      due[1].callback();
      await settle();
    }
    box().clock.advance(Math.max(0, to - box().clock.now()));
  }
  /**
   * Whether the app has planned a wake-up by `at`. A booking reaches the state before the app plans its timer from it
   * (a turn or a module load later): moving the clock before then would skip a timer not yet set, as happened under
   * `npm test`'s load. A test polls this after booking, before it moves the clock.
   */
  const planned = (at: number) => [...pending.values()].some((timer) => timer.at <= at);
  return { timers, pending, moveTo, planned, most: () => most };
}

let app: AppUnderTest | undefined;
/** Every notification, with the moment on the test's clock it was shown. */
let shownAt: { title: string; body: string; at: number; click?: (() => void) | undefined }[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function started(minutes?: 0 | 1 | 5 | 10 | 15) {
  const time = clockedTimers(sandbox);
  shownAt = [];
  app = await appUnderTest({
    sandbox: sandbox(),
    credentials: 'verified',
    ports: {
      now: () => new Date(sandbox().clock.now()),
      timers: time.timers,
      notify: (notice) => void shownAt.push({ title: notice.title, body: notice.body, at: sandbox().clock.now(), click: notice.onClick }),
    },
  });
  if (minutes !== undefined) await app.ipc.updateSettings({ meetingReminderMinutes: minutes });
  app.begin();
  return { app, time };
}

const book = async (a: AppUnderTest, request: Partial<ScheduleRequest> & { start: string }) => {
  const answer = await a.listeners.schedule(fromAppWindow, { request: { topic: 'Review', capacity: 10, duration: 60, ...request } });
  expect(answer).toMatchObject({ ok: true });
  await expect.poll(() => a.state().upcoming.length).toBeGreaterThan(0);
  return (answer as { ok: true; value: { meetingId: string } }).value.meetingId;
};

/** The reminders shown since now, with the moment of each. */
function watchReminders() {
  const base = shownAt.length;
  return () => shownAt.slice(base).filter((n) => /Starts at/.test(n.body));
}

const MIN = 60_000;

describe('a reminder before each booked meeting', () => {
  it('fires once, N minutes before the start, and its click opens the meeting as host; one timer at most', async () => {
    const { app, time } = await started();
    const start = new Date(2030, 2, 4, 14, 0).getTime();
    await book(app, { topic: '季度复盘', start: new Date(start).toISOString() });
    const reminders = watchReminders();
    await expect.poll(() => time.planned(start - 5 * MIN)).toBe(true);

    await time.moveTo(start - 5 * MIN - 1);
    expect(reminders()).toHaveLength(0);
    await time.moveTo(start - 5 * MIN);
    // What the app and the clock were at, said if the reminder never comes (it did not once, in a shuffled run).
    const seen = () =>
      JSON.stringify({
        clock: (sandbox().clock.now() - start) / MIN,
        timers: [...time.pending.values()].map((timer) => (timer.at - start) / MIN),
        shown: shownAt.map((n) => [n.title, n.body, (n.at - start) / MIN]),
        upcoming: app.state().upcoming.map((m) => [m.meetingId, m.start]),
        log: app.log.lines.slice(-8),
      });
    await waitFor(() => expect(reminders(), seen()).toHaveLength(1));
    const [shown] = reminders();
    expect(shown).toMatchObject({ title: '季度复盘', body: 'Starts at 14:00, in 5 min. Click to open it as host.' });
    expect(shown!.at - (start - 5 * MIN)).toBeLessThan(MIN);

    const opened = app.opened.length;
    shown!.click?.();
    await expect.poll(() => app.opened.length).toBe(opened + 1);

    await time.moveTo(start + 2 * MIN);
    expect(reminders()).toHaveLength(1);
    expect(time.most()).toBe(1);
  });

  it('the tray’s top line in the 15 minutes before: "14:00 季度复盘 — in 4 min", counting down, opening it as host; gone at the start', async () => {
    const { app, time } = await started();
    const start = new Date(2030, 2, 4, 14, 0).getTime();
    const meetingId = await book(app, { topic: '季度复盘', start: new Date(start).toISOString() });
    const top = () => buildMenuModel(trayStateOf(app.state(), new Date(sandbox().clock.now())))[0];
    await expect.poll(() => time.planned(start - 15 * MIN)).toBe(true);

    await time.moveTo(start - 16 * MIN);
    expect(top()).not.toMatchObject({ id: 'next-meeting' });
    await time.moveTo(start - 4 * MIN);
    expect(top()).toMatchObject({
      id: 'next-meeting',
      label: '14:00 季度复盘 — in 4 min',
      action: { type: 'scheduled', meetingId, action: 'open-host' },
    });
    await time.moveTo(start - 3 * MIN - 10_000);
    expect(top()).toMatchObject({ label: '14:00 季度复盘 — in 4 min' });
    await time.moveTo(start - 3 * MIN);
    expect(top()).toMatchObject({ label: '14:00 季度复盘 — in 3 min' });
    await time.moveTo(start + 1);
    expect(findEntry(buildMenuModel(trayStateOf(app.state(), new Date(sandbox().clock.now()))), 'next-meeting')).toBeUndefined();
    // In Chinese too.
    await app.ipc.updateSettings({ language: 'zh-CN' });
    expect(app.t()('tray.soon', { time: '14:00', topic: '季度复盘', minutes: 4 })).toBe('14:00 季度复盘 — 4 分钟后');
  });

  it('none for a meeting cancelled meanwhile, here or elsewhere (the list is read again before a reminder shows)', async () => {
    const { app, time } = await started();
    const here = new Date(2030, 2, 4, 14, 0).getTime();
    const elsewhere = new Date(2030, 2, 4, 16, 0).getTime();
    const hereId = await book(app, { topic: 'Cancelled here', start: new Date(here).toISOString() });
    const elsewhereId = await book(app, { topic: 'Cancelled elsewhere', start: new Date(elsewhere).toISOString() });
    await expect.poll(() => app.state().upcoming.length).toBe(2);
    const reminders = watchReminders();

    await time.moveTo(here - 30 * MIN);
    expect(await app.run({ type: 'scheduled', meetingId: hereId, action: 'cancel' })).toMatchObject({ ok: true });
    // The web console (another program) cancels the other: the app does not know until it reads the list.
    expect(sandbox().state.remove(elsewhereId)).toMatchObject({ ok: true });
    await time.moveTo(elsewhere + 5 * MIN);
    expect(reminders()).toEqual([]);
    expect(time.pending.size).toBe(0);
    expect(time.most()).toBe(1);
  });

  it('a series reminds before each of its meetings', async () => {
    const { app, time } = await started(10);
    const first = new Date(2030, 2, 5, 10, 0).getTime();
    await book(app, {
      topic: 'Stand-up',
      start: new Date(first).toISOString(),
      recurrence: { kind: 'daily' },
      end: { times: 3 },
    });
    const reminders = watchReminders();
    await time.moveTo(first + 3 * 24 * 60 * MIN);
    const shown = reminders();
    expect(shown.map((r) => r.title)).toEqual(['Stand-up', 'Stand-up', 'Stand-up']);
    expect(shown.map((r) => r.body)).toEqual(Array(3).fill('Starts at 10:00, in 10 min. Click to open it as host.'));
    for (const [i, r] of shown.entries()) expect(r.at - (first + i * 24 * 60 * MIN - 10 * MIN)).toBeLessThan(MIN);
    expect(time.most()).toBe(1);
  });

  it('a meeting booked elsewhere with the same key is reminded of too', async () => {
    const { app, time } = await started(1);
    const start = new Date(2030, 2, 4, 11, 0).getTime();
    sandbox().state.book({ topic: 'From the console\u202e', capacity: 10, start, duration: 60 });
    await app.ipc.upcoming();
    const reminders = watchReminders();
    await time.moveTo(start);
    // The service's text as one line, without the bidi override.
    expect(reminders()).toMatchObject([{ title: 'From the console', body: 'Starts at 11:00, in 1 min. Click to open it as host.' }]);
  });

  it('a machine asleep past the start shows no late reminder; one that wakes before the start shows it then, once', async () => {
    const { app, time } = await started();
    const slept = new Date(2030, 2, 4, 14, 0).getTime();
    const woke = new Date(2030, 2, 4, 16, 0).getTime();
    await book(app, { topic: 'Slept through', start: new Date(slept).toISOString() });
    await book(app, { topic: 'Woke in time', start: new Date(woke).toISOString() });
    const reminders = watchReminders();

    // Asleep from 13:50 to 14:20: the timer set for 13:55 did not fire; the OS says it resumed.
    await time.moveTo(slept - 10 * MIN);
    await time.moveTo(slept + 20 * MIN, { asleep: true });
    app.resumed();
    await expect.poll(() => time.pending.size).toBe(1);
    // Electron's late timer fires after the resume: still nothing for the meeting under way.
    await time.moveTo(slept + 21 * MIN);
    expect(reminders()).toEqual([]);

    // Asleep from 15:50 to 15:58: woken two minutes before the start, the reminder shows then.
    await time.moveTo(woke - 10 * MIN);
    await time.moveTo(woke - 2 * MIN, { asleep: true });
    app.resumed();
    await expect.poll(() => reminders().length).toBe(1);
    expect(reminders()[0]).toMatchObject({ title: 'Woke in time', body: 'Starts at 16:00, in 2 min. Click to open it as host.' });
    await time.moveTo(woke + 5 * MIN);
    expect(reminders()).toHaveLength(1);
    expect(time.most()).toBe(1);
  });

  it('on the night the clocks go forward, the reminder comes 15 real minutes before, and says the local time', async () => {
    const { app, time } = await started(15);
    // 03:10 on 31 March 2030 in Berlin is 01:10 UTC; 15 minutes before is 01:55 local (02:55 never happens).
    const start = Date.parse('2030-03-31T01:10:00Z');
    expect(new Date(start).getHours()).toBe(3);
    await book(app, { topic: 'Night shift', start: new Date(start).toISOString() });
    const reminders = watchReminders();
    await time.moveTo(start);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.body).toBe('Starts at 03:10, in 15 min. Click to open it as host.');
    expect(reminders()[0]!.at - Date.parse('2030-03-31T00:55:00Z')).toBeLessThan(MIN);
  });

  it('off: no reminder, and no timer beyond the tray’s line; nothing booked: no timer at all', async () => {
    const { app, time } = await started(0);
    expect(time.pending.size).toBe(0);
    const start = new Date(2030, 2, 4, 14, 0).getTime();
    await book(app, { start: new Date(start).toISOString() });
    const reminders = watchReminders();
    await time.moveTo(start + MIN);
    expect(reminders()).toEqual([]);
    expect(time.pending.size).toBe(0);
  });
});

describe('the reminder’s moment (main/meetings/reminder-plan.ts)', () => {
  const o = { meetingId: '1', topic: 't', start: Date.parse('2030-03-04T13:00:00Z') };
  it('never before the service lets the host open it (its ready_time), else N minutes before', () => {
    expect(remindAt({ ...o, readyMinutes: 3 }, 10)).toBe(o.start - 3 * MIN);
    expect(remindAt({ ...o, readyMinutes: 30 }, 10)).toBe(o.start - 10 * MIN);
    expect(remindAt(o, 15)).toBe(o.start - 15 * MIN);
  });
  it('a far meeting is worked out again within hours (a timer does not follow the wall clock), nothing booked: never', () => {
    expect(nextWake([o], 5, o.start - 48 * 60 * MIN, new Set())).toBe(o.start - 48 * 60 * MIN + MAX_WAIT_MS);
    expect(nextWake([], 5, o.start, new Set())).toBeUndefined();
  });
});
