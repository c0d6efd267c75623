import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ScheduleRequest } from '../../common/schedule.js';
import { buildMenuModel, findEntry, type MenuEntry } from '../../main/tray/menu-model.js';
import { trayStateOf } from '../../main/tray/tray-state.js';
import { appUnderTest, fromAppWindow, type AppOptions, type AppUnderTest } from './support/app-under-test.js';
import { useSandbox } from './support/sandbox.js';
import { waitFor } from './support/wait.js';

// Meetings booked for later, through the real composition root against the sandbox: booked once
// (never resent), the series the service booked checked against the one asked for and fixed, changed
// and cancelled, listed in Upcoming and the tray, put in the calendar; the password never kept.
// The sandbox and the app run on one clock the test sets (CLOCK), weeks before the fixed dates booked
// here, so they are in the future whatever day the test runs.

// The user's clock is China's here (the service's), so the fields the sandbox received read as the form's.
process.env.TZ = 'Asia/Shanghai';

const SCHEDULE = '/umeeting/share/schedule';
const UPDATE = '/umeeting/share/update';
const DELETE = '/umeeting/share/delete';
const LIST = '/umeeting/share/list';

const sent = (sandbox: AppOptions['sandbox'], path: string) => sandbox.requests.filter((r) => r.path === path);
const lastSent = (sandbox: AppOptions['sandbox'], path: string) => {
  const { api_key: _k, api_secret: _s, ...fields } = sent(sandbox, path).at(-1)?.fields ?? {};
  return fields;
};

/** The sandbox's and the app's clock when each sandbox starts (it runs on from there): Wednesday 5 December 2029, 09:00. */
const CLOCK = new Date(2029, 11, 5, 9, 0).getTime();
/** A Monday in 2030, 10:00 on the user's clock. */
const MONDAY = new Date(2030, 0, 7, 10, 0).toISOString();
const request = (extra: Partial<ScheduleRequest> = {}): ScheduleRequest => ({
  topic: 'Planning',
  capacity: 25,
  start: MONDAY,
  duration: 60,
  ...extra,
});

/** The app, signed in, on the sandbox's clock. */
async function signedIn(sandbox: AppOptions['sandbox'], options: Partial<AppOptions> = {}) {
  return appUnderTest({
    sandbox,
    credentials: 'verified',
    ...options,
    ports: { now: () => new Date(sandbox.clock.now()), ...options.ports },
  });
}

/** Books through the IPC listener, as the window does (the request validated by the contract). */
const book = (app: AppUnderTest, r: ScheduleRequest, meetingId?: string) =>
  app.listeners.schedule(fromAppWindow, { request: r, ...(meetingId ? { meetingId } : {}) });

const menuOf = (app: AppUnderTest, now: Date) => buildMenuModel(trayStateOf(app.state(), now));
const labelOf = (model: readonly MenuEntry[], id: string) => {
  const entry = findEntry(model, id);
  return entry && entry.kind !== 'separator' ? entry.label : undefined;
};

describe('booking', () => {
  const sandbox = useSandbox({ licence: { 10: 2, 25: 20, 50: 1 }, clockStart: CLOCK });

  it('a single meeting: the fields in China time, once; the invitation on the clipboard', async () => {
    const app = await signedIn(sandbox());
    const before = sent(sandbox(), SCHEDULE).length;
    const answer = await book(
      app,
      request({ topic: 'Planning {date}', password: 'abc123', waitingRoom: true, hostName: 'Li', muteOnEntry: true }),
    );
    expect(answer).toMatchObject({ ok: true });
    expect(sent(sandbox(), SCHEDULE).length).toBe(before + 1);
    expect(lastSent(sandbox(), SCHEDULE)).toEqual({
      topic: 'Planning 2030-01-07',
      meeting_capacity: '25',
      start_time: '2030-01-07 10:00:00',
      duration: '60',
      password: 'abc123',
      host_name: 'Li',
      waiting_room: 'true',
      mute_upon_entry: 'true',
    });
    const value = answer.ok ? answer.value : undefined;
    expect(value?.mismatch).toBeUndefined();
    expect(value?.copied).toBe(true);
    expect(app.clipboard.at(-1)).toContain('Planning 2030-01-07');
    expect(app.clipboard.at(-1)).toContain('Password: abc123');
    await app.close();
  });

  it.each<[string, Partial<ScheduleRequest>, Record<string, string>]>([
    ['daily', { recurrence: { kind: 'daily' }, end: { times: 3 } }, { recurrence_type: '1', daily_type: '1', end_times: '3' }],
    ['working days', { recurrence: { kind: 'weekdays' }, end: { times: 5 } }, { recurrence_type: '1', daily_type: '2', end_times: '5' }],
    [
      'weekly on Monday and Wednesday (1 = Sunday)',
      { recurrence: { kind: 'weekly', days: ['mon', 'wed'] }, end: { times: 4 } },
      { recurrence_type: '2', weekly_days: '2,4', end_times: '4' },
    ],
    [
      'monthly on day 7, until a date',
      { recurrence: { kind: 'monthly-day', day: 7 }, end: { until: '2030-04-30' } },
      { recurrence_type: '3', monthly_day: '7', end_date_time: '2030-04-30 23:59:59' },
    ],
    [
      'monthly on the 1st Monday',
      { recurrence: { kind: 'monthly-weekday', week: 1, day: 'mon' }, end: { times: 3 } },
      { recurrence_type: '3', monthly_week: '1', monthly_week_day: '2', end_times: '3' },
    ],
  ])('a series, %s: the recurrence fields, and the occurrences agree', async (_name, extra, fields) => {
    const app = await signedIn(sandbox());
    const answer = await book(app, request(extra));
    expect(answer).toMatchObject({ ok: true });
    expect(lastSent(sandbox(), SCHEDULE)).toMatchObject({ start_time: '2030-01-07 10:00:00', ...fields });
    expect(answer.ok && answer.value.mismatch).toBeFalsy();
    // The series is kept, in words, for Upcoming.
    const id = answer.ok ? answer.value.meetingId : '';
    const upcoming = await app.listeners.upcoming(fromAppWindow, undefined);
    expect(upcoming.ok && upcoming.value.find((u) => u.meetingId === id)?.recurrence).toEqual({ rule: extra.recurrence, end: extra.end });
    await app.close();
  });

  it('refused for want of a room: told in the service’s words, nothing retried', async () => {
    const app = await signedIn(sandbox());
    sandbox().inject({ kind: 'no-free-room', path: SCHEDULE, times: 3 });
    const before = sent(sandbox(), SCHEDULE).length;
    const answer = await book(app, request());
    expect(answer).toMatchObject({ ok: false });
    expect(!answer.ok && answer.error.message).toContain('当前没有空闲的会议室');
    expect(sent(sandbox(), SCHEDULE).length).toBe(before + 1);
    await app.close();
  });

  it('an ambiguous failure (no answer) is told as "may have been booked", never resent', async () => {
    const app = await signedIn(sandbox(), { requestTimeoutMs: 3_000 });
    sandbox().inject({ kind: 'no-answer', path: SCHEDULE });
    const before = sent(sandbox(), SCHEDULE).length;
    const answer = await book(app, request({ topic: 'Maybe' }));
    expect(answer).toMatchObject({ ok: false });
    expect(!answer.ok && answer.error.message).toMatch(/may have been booked.*Check Upcoming/s);
    expect(sent(sandbox(), SCHEDULE).length).toBe(before + 1);
    // The sandbox did book it: Upcoming shows it, so the user can see before booking again.
    const upcoming = await app.listeners.upcoming(fromAppWindow, undefined);
    expect(upcoming.ok && upcoming.value.some((u) => u.topic === 'Maybe')).toBe(true);
    expect(sent(sandbox(), SCHEDULE).length).toBe(before + 1);
    await app.close();
  });

  it('a meeting booked while Upcoming is being read is in Upcoming after (so it has its reminder)', async () => {
    const app = await signedIn(sandbox());
    const lists = sent(sandbox(), LIST).length;
    // A read on its way, answered as the service stood before the booking, and arriving after it.
    sandbox().inject({ kind: 'late-answer', path: LIST, ms: 1_000 });
    const reading = app.listeners.upcoming(fromAppWindow, undefined);
    await waitFor(() => expect(sent(sandbox(), LIST).length).toBe(lists + 1));
    const answer = await book(app, request({ topic: 'Booked meanwhile', start: new Date(2030, 1, 11, 10, 0).toISOString() }));
    expect(answer).toMatchObject({ ok: true });
    const { meetingId } = (answer as { ok: true; value: { meetingId: string } }).value;
    await reading;
    // Without a read asked for by anyone: the booking's own read follows the one on its way.
    await waitFor(() => expect(app.state().upcoming.map((u) => u.meetingId)).toContain(meetingId));
    await app.close();
  });

  it('the free rooms for a slot', async () => {
    const app = await signedIn(sandbox());
    const slot = { capacity: 50, start: new Date(2030, 1, 4, 15, 0).toISOString(), duration: 60 };
    expect(await app.listeners.freeSlot(fromAppWindow, slot)).toEqual({ ok: true, value: { capacity: 50, total: 1, free: 1 } });
    expect(await book(app, request({ capacity: 50, start: slot.start }))).toMatchObject({ ok: true });
    expect(await app.listeners.freeSlot(fromAppWindow, slot)).toEqual({ ok: true, value: { capacity: 50, total: 1, free: 0 } });
    expect(lastSent(sandbox(), '/umeeting/share/freeRooms')).toEqual({
      meeting_capacity: '50',
      start_time: '2030-02-04 15:00:00',
      duration: '60',
    });
    await app.close();
  });

  it('the password is never in the store file or the log', async () => {
    const app = await signedIn(sandbox());
    const answer = await book(app, request({ password: 'Zq9secret', recurrence: { kind: 'daily' }, end: { times: 2 } }));
    expect(answer).toMatchObject({ ok: true });
    const files = await app.storeFiles();
    expect(files).toContain('Planning');
    expect(files).not.toContain('Zq9secret');
    expect(JSON.stringify(app.log.lines)).not.toContain('Zq9secret');
    // It is kept for Edit, without it.
    const id = answer.ok ? answer.value.meetingId : '';
    const kept = await app.listeners.booking(fromAppWindow, { meetingId: id });
    expect(kept.ok && kept.value.kept?.request).not.toHaveProperty('password');
    await app.close();
  });
});

describe('the series the service booked', () => {
  // This sandbox numbers days 1 = Monday: a weekly series sent 1 = Sunday lands a day early.
  const sandbox = useSandbox({ licence: { 25: 3 }, firstWeekday: 'monday', clockStart: CLOCK });

  it('a mismatch is told (asked vs booked); "Fix the series" sends it again numbered 1 = Monday, and it is remembered', async () => {
    const app = await signedIn(sandbox());
    const weekly = request({ topic: 'Weekly', recurrence: { kind: 'weekly', days: ['mon', 'wed'] }, end: { times: 4 } });
    const answer = await book(app, weekly);
    expect(answer).toMatchObject({ ok: true });
    const value = answer.ok ? answer.value : undefined;
    expect(value?.mismatch?.asked.map((d) => new Date(d).getDate())).toEqual([7, 9, 14, 16]);
    expect(value?.mismatch?.booked.map((d) => new Date(d).getDate())).not.toEqual([7, 9, 14, 16]);

    const fixed = await app.listeners.fixSeries(fromAppWindow, { meetingId: value!.meetingId });
    expect(fixed).toEqual({ ok: true, value: {} });
    expect(lastSent(sandbox(), UPDATE)).toMatchObject({
      id: value!.meetingId,
      start_time: '2030-01-07 10:00:00',
      duration: '60',
      recurrence_type: '2',
      weekly_days: '1,3',
    });
    expect(
      sandbox()
        .scheduled(value!.meetingId)
        ?.map((o) => o.start_time.slice(0, 10)),
    ).toEqual(['2030-01-07', '2030-01-09', '2030-01-14', '2030-01-16']);
    expect((app.readStoreFile() as { serviceFacts?: unknown }).serviceFacts).toEqual({ dayNumbering: 'monday-first' });

    // The next booking numbers the days as proven, and agrees at once.
    const next = await book(app, request({ ...weekly, topic: 'Next', start: new Date(2030, 1, 4, 10).toISOString(), end: { times: 2 } }));
    expect(lastSent(sandbox(), SCHEDULE)).toMatchObject({ weekly_days: '1,3' });
    expect(next.ok && next.value.mismatch).toBeFalsy();
    await app.close();
  });
});

describe('a series booked other than asked leaves a trace', () => {
  // This sandbox numbers days 1 = Monday: Mon/Wed/Fri sent 1 = Sunday is booked Tue/Thu/Sat.
  const sandbox = useSandbox({ licence: { 25: 3 }, firstWeekday: 'monday', clockStart: CLOCK });

  it('the invitation and the calendar file are held, Upcoming keeps the mismatch, until the series is accepted as booked', async () => {
    const app = await signedIn(sandbox());
    const weekly = request({ topic: 'MWF', recurrence: { kind: 'weekly', days: ['mon', 'wed', 'fri'] }, end: { times: 6 } });
    const answer = await book(app, weekly);
    expect(answer).toMatchObject({ ok: true, value: { copied: false, held: true } });
    const id = answer.ok ? answer.value.meetingId : '';
    expect(app.clipboard).toEqual([]);
    // Held: neither the invitation nor a calendar file names days that are not booked.
    expect(await app.run({ type: 'scheduled', meetingId: id, action: 'copy-invitation' })).toMatchObject({ ok: false });
    expect(await app.run({ type: 'scheduled', meetingId: id, action: 'save-ics' })).toMatchObject({ ok: false });
    expect(app.clipboard).toEqual([]);
    // The Upcoming list keeps the mismatch for the card.
    const listed = await app.listeners.upcoming(fromAppWindow, undefined);
    const card = listed.ok ? listed.value.find((m) => m.meetingId === id) : undefined;
    expect(card?.mismatch?.booked.map((d) => new Date(d).getDay())).toEqual([2, 4, 6, 2, 4, 6]);

    // Accepted as booked: nothing sent, the kept series says Tue/Thu/Sat, and the invitation goes.
    const updates = sent(sandbox(), UPDATE).length;
    expect(await app.listeners.fixSeries(fromAppWindow, { meetingId: id, accept: true })).toEqual({ ok: true, value: {} });
    expect(sent(sandbox(), UPDATE).length).toBe(updates);
    const kept = await app.listeners.booking(fromAppWindow, { meetingId: id });
    expect(kept.ok && kept.value.kept?.request.recurrence).toEqual({ kind: 'weekly', days: ['tue', 'thu', 'sat'] });
    const again = await app.listeners.upcoming(fromAppWindow, undefined);
    expect(again.ok && again.value.find((m) => m.meetingId === id)?.mismatch).toBeUndefined();
    expect(await app.run({ type: 'scheduled', meetingId: id, action: 'copy-invitation' })).toMatchObject({ ok: true });
    expect(app.clipboard.at(-1)).toMatch(/Tuesday, Thursday and Saturday/);
    await app.close();
  });
});

describe('changing, cancelling, the calendar', () => {
  const sandbox = useSandbox({ licence: { 10: 2, 25: 20 }, clockStart: CLOCK });

  it('edit: update for the whole series, start and duration always sent', async () => {
    const app = await signedIn(sandbox());
    const booked = await book(app, request({ recurrence: { kind: 'daily' }, end: { times: 3 } }));
    const id = booked.ok ? booked.value.meetingId : '';
    const changed = await book(
      app,
      request({ topic: 'Planning, later', duration: 90, recurrence: { kind: 'daily' }, end: { times: 2 } }),
      id,
    );
    expect(changed).toMatchObject({ ok: true });
    expect(lastSent(sandbox(), UPDATE)).toEqual({
      id,
      topic: 'Planning, later',
      start_time: '2030-01-07 10:00:00',
      duration: '90',
      recurrence_type: '1',
      daily_type: '1',
      end_times: '2',
    });
    expect(sandbox().scheduled(id)).toHaveLength(2);
    // Made a single meeting again: the API's empty recurrence type.
    expect(await book(app, request({ topic: 'Once' }), id)).toMatchObject({ ok: true });
    expect(lastSent(sandbox(), UPDATE)).toMatchObject({ id, recurrence_type: '', start_time: '2030-01-07 10:00:00', duration: '60' });
    await app.close();
  });

  it('cancel: after the confirmation only; deleted, gone from Upcoming and the store', async () => {
    const app = await signedIn(sandbox());
    const booked = await book(app, request({ topic: 'To cancel' }));
    const id = booked.ok ? booked.value.meetingId : '';
    app.dialogs.confirm = false;
    expect(await app.run({ type: 'scheduled', meetingId: id, action: 'cancel' })).toMatchObject({
      ok: false,
      error: { kind: 'cancelled' },
    });
    expect(sent(sandbox(), DELETE).filter((r) => r.fields.id === id)).toHaveLength(0);
    app.dialogs.confirm = true;
    expect(await app.run({ type: 'scheduled', meetingId: id, action: 'cancel' })).toMatchObject({ ok: true });
    expect(sent(sandbox(), DELETE).filter((r) => r.fields.id === id)).toHaveLength(1);
    const upcoming = await app.listeners.upcoming(fromAppWindow, undefined);
    expect(upcoming.ok && upcoming.value.some((u) => u.meetingId === id)).toBe(false);
    expect(await app.storeFiles()).not.toContain('To cancel');
    await app.close();
  });

  it('Add to calendar writes the .ics in the app’s temp folder and opens it (openPath); its description is the invitation', async () => {
    const app = await signedIn(sandbox());
    const booked = await book(
      app,
      request({ topic: 'Review', password: 'pw123', recurrence: { kind: 'weekly', days: ['mon'] }, end: { times: 3 } }),
    );
    const id = booked.ok ? booked.value.meetingId : '';
    expect(await app.run({ type: 'scheduled', meetingId: id, action: 'add-to-calendar' })).toMatchObject({ ok: true });
    expect(app.openedPaths).toEqual([join(app.dir, 'temp', `umeet-${id}.ics`)]);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(readFileSync(app.openedPaths[0]!, 'utf8'))).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Review');
    expect(event.description).toContain('You are invited to a meeting: Review');
    expect(event.description).toContain('every week on Monday, 3 times');
    // The file is a plain file: no password in it.
    expect(event.description).not.toContain('pw123');
    const starts: string[] = [];
    const it = event.iterator();
    for (let next = it.next(); next && starts.length < 10; next = it.next()) starts.push(next.toJSDate().toISOString());
    expect(starts).toEqual([new Date(2030, 0, 7, 10), new Date(2030, 0, 14, 10), new Date(2030, 0, 21, 10)].map((d) => d.toISOString()));

    // The OS has no calendar app: told, not lost.
    app.failOpenPath('No application knows how to open this file');
    const refused = await app.run({ type: 'scheduled', meetingId: id, action: 'add-to-calendar' });
    expect(!refused.ok && refused.error.message).toContain('No application knows how to open this file');
    await app.close();
  });

  it('Save .ics… asks where with the save dialog, and saves there; cancelled saves nothing', async () => {
    const app = await signedIn(sandbox());
    const booked = await book(app, request({ topic: 'Saved: review' }));
    const id = booked.ok ? booked.value.meetingId : '';
    expect(await app.run({ type: 'scheduled', meetingId: id, action: 'save-ics' })).toMatchObject({
      ok: false,
      error: { kind: 'cancelled' },
    });
    app.dialogs.calendarPath = join(app.dir, 'chosen.ics');
    expect(await app.run({ type: 'scheduled', meetingId: id, action: 'save-ics' })).toMatchObject({ ok: true });
    expect(app.dialogs.asked.at(-1)).toEqual({ title: 'Save the meeting as a calendar file', defaultName: 'Saved review 2030-01-07.ics' });
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(readFileSync(app.dialogs.calendarPath, 'utf8'))).getFirstSubcomponent('vevent')!,
    );
    expect(event.startDate.toJSDate().toISOString()).toBe(MONDAY);
    expect(event.uid).toBe(`${id}@umeet-tray`);
    await app.close();
  });
});

describe('the tray: today and tomorrow', () => {
  const sandbox = useSandbox({ licence: { 25: 3 }, clockStart: CLOCK });

  it('lists today’s and tomorrow’s meetings from the last read (on menu open, at most every 30 s); open as host is refused before the window, plainly', async () => {
    const app = await signedIn(sandbox());
    // Wednesday morning on the test's clock: Thursday 10:00 is tomorrow, Saturday's is later.
    const now = new Date(sandbox().clock.now());
    const at = (days: number, hours: number) => {
      const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, hours, 0);
      return d.toISOString();
    };
    const tomorrow = await book(app, request({ topic: 'Tomorrow’s', start: at(1, 10) }));
    await book(app, request({ topic: 'Later', start: at(3, 10) }));
    const id = tomorrow.ok ? tomorrow.value.meetingId : '';
    await app.listeners.upcoming(fromAppWindow, undefined);

    const model = menuOf(app, now);
    expect(labelOf(model, `scheduled:${id}`)).toBe('Tomorrow 10:00 · Tomorrow’s');
    expect(findEntry(model, `scheduled:${id}:open-host`)).toMatchObject({
      action: { type: 'scheduled', meetingId: id, action: 'open-host' },
    });
    expect(JSON.stringify(model)).not.toContain('Later');

    // The menu opening reads again at most every 30 s.
    const lists = () => sent(sandbox(), '/umeeting/share/list').length;
    const before = lists();
    app.warm();
    app.warm();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lists()).toBe(before);

    // Open as host, a day early: the service refuses; the user is told when it opens.
    const opened = await app.run({ type: 'scheduled', meetingId: id, action: 'open-host' });
    expect(opened).toMatchObject({ ok: false });
    expect(!opened.ok && opened.error.message).toMatch(/^Not open yet: the host can open it from \d{4}-\d{2}-\d{2} 09:30\./);
    expect(app.notices.at(-1)?.body).toBe(!opened.ok ? opened.error.message : '');
    expect(app.opened).toEqual([]);
    await app.close();
  });
});
