import { afterEach, describe, expect, it } from 'vitest';
import type { ScheduleInput } from '../../common/umeet-api.js';
import { chinaTime } from '../../sandbox/china-time.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { sandboxClient } from './support/sandbox-client.js';

// The sandbox's scheduled meetings: the schedule and update calls, their series worked out by hand on
// China's calendar, every meeting of a series in a room of its own slot, and what list, get, delete,
// freeRooms, rooms and getStartUrl make of them. Through the real client where it can send the
// request, as raw form posts where it would refuse to (bad input) or would hide the answer's quirks.
// Each sandbox's clock starts at CLOCK, before the fixed dates of January 2030 booked here, so they are
// in the future whatever day the test runs.

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

/** Monday 3 December 2029, 09:00 in China: weeks before the meetings booked here. */
const CLOCK = Date.parse('2029-12-03T09:00:00+08:00');

async function sandboxWith(licence: Record<string, number> = { 10: 2, 25: 1 }) {
  const sandbox = await startSandbox({ licence, clockStart: CLOCK });
  started.push(sandbox);
  const { api, value, post: raw } = sandboxClient(sandbox);
  const post = (path: string, fields: Record<string, string> = {}) => raw<Record<string, unknown>>(path, fields);
  const schedule = (fields: Record<string, string>) =>
    post('/umeeting/share/schedule', { topic: '周会', meeting_capacity: '25', duration: '60', ...fields });
  /** Schedules through the client and answers the starts the sandbox booked. */
  const book = async (input: Partial<ScheduleInput> & { start_time: string }) => {
    const meeting = value(await api.schedule({ topic: '周会', meeting_capacity: 25, duration: 60, ...input }));
    return { id: meeting.meeting_id, meeting, starts: sandbox.scheduled(meeting.meeting_id)?.map((o) => o.start_time) };
  };
  const free = async (capacity: number, start: string, duration = 60) =>
    value(await api.freeRooms({ meeting_capacity: capacity, start_time: start, duration }));
  return { sandbox, api, value, post, schedule, book, free };
}

describe('schedule: the series, worked out on China’s calendar', () => {
  it('a single meeting: no occurrences in the answer, the documented quirks ("7", ready_time)', async () => {
    const { schedule, sandbox } = await sandboxWith();
    const answer = await schedule({ start_time: '2030-01-07 09:00:00', password: 'abc123', host_name: '王', waiting_room: 'true' });
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({ start_time: '7', ready_time: 30, meeting_id: expect.stringMatching(/^\d+$/) });
    expect(answer.data?.start_url).toMatch(/\?zak=eyJ/);
    expect(answer.data?.token).toEqual(expect.any(String));
    expect(answer.data).toHaveProperty('live_id');
    expect(answer.data).not.toHaveProperty('occurrences');
    expect(sandbox.scheduled(String(answer.data?.meeting_id))?.map((o) => o.start_time)).toEqual(['2030-01-07 09:00:00']);
  });

  it('daily, every day: from the start, at its time of day', async () => {
    const { book } = await sandboxWith();
    const { meeting, starts } = await book({ start_time: '2030-01-07 09:00:00', recurrence_type: '1', daily_type: '1', end_times: 3 });
    expect(starts).toEqual(['2030-01-07 09:00:00', '2030-01-08 09:00:00', '2030-01-09 09:00:00']);
    expect(meeting.start_time).toBe('7');
    expect(meeting.occurrences.map((o) => o.start_time)).toEqual(starts);
    expect(new Set(meeting.occurrences.map((o) => o.uuid)).size).toBe(3);
  });

  it('daily, working days: Monday to Friday in China', async () => {
    const { book } = await sandboxWith();
    const { starts } = await book({ start_time: '2030-01-04 09:00:00', recurrence_type: '1', daily_type: '2', end_times: 4 });
    expect(starts).toEqual(['2030-01-04 09:00:00', '2030-01-07 09:00:00', '2030-01-08 09:00:00', '2030-01-09 09:00:00']);
  });

  it('weekly on chosen days, 1 = Sunday: the first meeting is the first chosen day on or after the start', async () => {
    const { book, schedule, sandbox } = await sandboxWith();
    // 2030-01-06 is a Sunday: Monday (2) and Wednesday (4).
    const { starts } = await book({ start_time: '2030-01-06 20:00:00', recurrence_type: '2', weekly_days: '4,2', end_times: 3 });
    expect(starts).toEqual(['2030-01-07 20:00:00', '2030-01-09 20:00:00', '2030-01-14 20:00:00']);
    // The documentation's full-width comma: Sunday (1) and Saturday (7).
    const fullWidth = await schedule({ start_time: '2030-01-07 08:00:00', recurrence_type: '2', weekly_days: '1，7', end_times: '3' });
    expect(fullWidth.status).toBe(200);
    expect(sandbox.scheduled(String(fullWidth.data?.meeting_id))?.map((o) => o.start_time)).toEqual([
      '2030-01-12 08:00:00',
      '2030-01-13 08:00:00',
      '2030-01-19 08:00:00',
    ]);
  });

  it('firstWeekday "monday": the other reading of the days, for tests of what the app does when they disagree', async () => {
    const sandbox = await startSandbox({ licence: { 25: 1 }, firstWeekday: 'monday', clockStart: CLOCK });
    started.push(sandbox);
    const { api } = sandboxClient(sandbox);
    const answer = await api.schedule({
      topic: 't',
      meeting_capacity: 25,
      start_time: '2030-01-06 09:00:00',
      duration: 60,
      recurrence_type: '2',
      weekly_days: '2',
      end_times: 2,
    });
    // Day 2 is Tuesday on this reading.
    expect(answer.ok && answer.value.occurrences.map((o) => o.start_time)).toEqual(['2030-01-08 09:00:00', '2030-01-15 09:00:00']);
  });

  it('monthly on day N: a month without that day has no meeting', async () => {
    const { book } = await sandboxWith();
    const { starts } = await book({ start_time: '2030-01-31 10:00:00', recurrence_type: '3', monthly_day: 31, end_times: 3 });
    expect(starts).toEqual(['2030-01-31 10:00:00', '2030-03-31 10:00:00', '2030-05-31 10:00:00']);
  });

  it('monthly on the Nth weekday; monthly_day wins over it', async () => {
    const { book } = await sandboxWith();
    // The second Tuesday (week 2, day 3).
    const second = await book({
      start_time: '2030-01-01 10:00:00',
      recurrence_type: '3',
      monthly_week: 2,
      monthly_week_day: 3,
      end_times: 3,
    });
    expect(second.starts).toEqual(['2030-01-08 10:00:00', '2030-02-12 10:00:00', '2030-03-12 10:00:00']);
    const both = await book({
      start_time: '2030-01-01 12:00:00',
      recurrence_type: '3',
      monthly_day: 5,
      monthly_week: 2,
      monthly_week_day: 3,
      end_times: 2,
    });
    expect(both.starts).toEqual(['2030-01-05 12:00:00', '2030-02-05 12:00:00']);
  });

  it('ends after end_times, or on end_date_time (which wins when both are given; a date alone is its last second)', async () => {
    const { book, schedule, sandbox } = await sandboxWith({ 25: 3 });
    const until = await book({
      start_time: '2030-01-07 09:00:00',
      recurrence_type: '1',
      end_date_time: '2030-01-10 09:00:00',
      end_times: 2,
    });
    expect(until.starts).toEqual(['2030-01-07 09:00:00', '2030-01-08 09:00:00', '2030-01-09 09:00:00', '2030-01-10 09:00:00']);
    const dateOnly = await schedule({ start_time: '2030-01-07 10:00:00', recurrence_type: '1', end_date_time: '2030-01-08' });
    expect(sandbox.scheduled(String(dateOnly.data?.meeting_id))).toHaveLength(2);
  });

  it('at most 50 meetings: a later end date is cut there, end_times over 50 is refused', async () => {
    const { book, schedule } = await sandboxWith();
    const { starts } = await book({ start_time: '2030-01-07 09:00:00', recurrence_type: '1', end_date_time: '2031-01-01 00:00:00' });
    expect(starts).toHaveLength(50);
    expect(starts?.at(-1)).toBe('2030-02-25 09:00:00');
    expect(await schedule({ start_time: '2030-01-07 11:00:00', recurrence_type: '1', end_times: '51' })).toMatchObject({
      status: 3000,
      message: expect.stringContaining('end_times'),
    });
  });

  it.each([
    [{ start_time: '' }, 'start_time'],
    [{ start_time: '2030-01-07 9:00' }, 'start_time'],
    [{ start_time: '2030-02-30 09:00:00' }, 'start_time'],
    [{ start_time: '2020-01-07 09:00:00' }, 'start_time'],
    [{ start_time: '2030-01-07 09:00:00', duration: '' }, 'duration'],
    [{ start_time: '2030-01-07 09:00:00', duration: '30' }, 'duration'],
    [{ start_time: '2030-01-07 09:00:00', topic: ' ' }, 'topic'],
    [{ start_time: '2030-01-07 09:00:00', meeting_capacity: 'x' }, 'meeting_capacity'],
    [{ start_time: '2030-01-07 09:00:00', waiting_room: 'yes' }, 'waiting_room'],
    [{ start_time: '2030-01-07 09:00:00', recurrence_type: '4', end_times: '2' }, 'recurrence_type'],
    [{ start_time: '2030-01-07 09:00:00', recurrence_type: '1', daily_type: '3', end_times: '2' }, 'daily_type'],
    [{ start_time: '2030-01-07 09:00:00', recurrence_type: '2', weekly_days: '0,8', end_times: '2' }, 'weekly_days'],
    [{ start_time: '2030-01-07 09:00:00', recurrence_type: '2', end_times: '2' }, 'weekly_days'],
    [{ start_time: '2030-01-07 09:00:00', recurrence_type: '3', monthly_day: '32', end_times: '2' }, 'monthly_day'],
    [{ start_time: '2030-01-07 09:00:00', recurrence_type: '3', monthly_week_day: '2', end_times: '2' }, 'monthly_week'],
    [{ start_time: '2030-01-07 09:00:00', recurrence_type: '3', monthly_week: '1', end_times: '2' }, 'monthly_week_day'],
    [{ start_time: '2030-01-07 09:00:00', recurrence_type: '1' }, 'end_times'],
    [{ start_time: '2030-01-07 09:00:00', recurrence_type: '1', end_date_time: '2030-01-06 00:00:00' }, 'end_date_time'],
    [{ start_time: '2030-01-07 09:00:00', recurrence_type: '1', end_date_time: 'soon' }, 'end_date_time'],
  ])('malformed: 3000 naming the field, nothing booked: %j', async (fields, field) => {
    const { schedule, sandbox } = await sandboxWith();
    const answer = await schedule(fields);
    expect(answer).toMatchObject({ status: 3000 });
    expect(answer.message).toContain(field);
    expect(sandbox.state.meetings.size).toBe(0);
  });
});

describe('schedule: rooms for every meeting of the series', () => {
  it('freeRooms and rooms count each meeting of a series in its slot', async () => {
    const { book, free, api, value } = await sandboxWith({ 25: 1 });
    const { id } = await book({ start_time: '2030-01-07 09:00:00', recurrence_type: '1', end_times: 3 });
    expect(await free(25, '2030-01-08 09:30:00')).toEqual({ total: 1, free: 0 });
    expect(await free(25, '2030-01-09 08:30:00')).toEqual({ total: 1, free: 0 });
    expect(await free(25, '2030-01-08 10:00:00')).toEqual({ total: 1, free: 1 });
    expect(await free(25, '2030-01-10 09:00:00')).toEqual({ total: 1, free: 1 });
    const [room] = value(await api.rooms());
    expect(room?.meetings.map((m) => [m.id, m.start_time, m.type, m.status])).toEqual([
      [id, '2030-01-07 09:00:00', 2, 0],
      [id, '2030-01-08 09:00:00', 2, 0],
      [id, '2030-01-09 09:00:00', 2, 0],
    ]);
  });

  it('one meeting without a free room refuses the whole series (3001, naming its time), and nothing is booked', async () => {
    const { sandbox, api, schedule, free } = await sandboxWith({ 25: 1 });
    expect(sandbox.book({ capacity: 25, start: Date.parse('2030-01-09T09:30:00+08:00'), duration: 60 }).ok).toBe(true);
    const answer = await schedule({ start_time: '2030-01-07 09:00:00', recurrence_type: '1', end_times: '5' });
    expect(answer).toEqual({ status: 3001, message: '2030-01-09 09:00:00 当前没有空闲的 25 方会议室' });
    expect(sandbox.state.meetings.size).toBe(1);
    expect(await free(25, '2030-01-07 09:00:00')).toEqual({ total: 1, free: 1 });
    // A size the licence has no rooms of.
    expect(await api.schedule({ topic: 't', meeting_capacity: 200, start_time: '2030-01-07 09:00:00', duration: 60 })).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', status: 3002 },
    });
  });

  it('the series uses another room for a meeting whose usual room is taken', async () => {
    const { sandbox, book } = await sandboxWith({ 25: 2 });
    sandbox.book({ capacity: 25, start: Date.parse('2030-01-08T09:00:00+08:00'), duration: 60 });
    const { id } = await book({ start_time: '2030-01-07 09:00:00', recurrence_type: '1', end_times: 3 });
    expect(sandbox.scheduled(id)?.map((o) => o.room)).toEqual([1, 2, 1]);
  });

  it('the same fault injection as the other calls', async () => {
    const { sandbox, api } = await sandboxWith();
    const input = { topic: 't', meeting_capacity: 25, start_time: '2030-01-07 09:00:00', duration: 60 };
    sandbox.inject({ kind: 'no-free-room', path: '/umeeting/share/schedule' });
    expect(await api.schedule(input)).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 3001 } });
    expect(sandbox.state.meetings.size).toBe(0);
    sandbox.inject({ kind: 'reset', path: '/umeeting/share/schedule' });
    expect(await api.schedule(input)).toMatchObject({ ok: false, failure: { kind: 'network', mayHaveReachedServer: true } });
    // Processed before the connection was cut: the booking exists.
    expect(sandbox.state.meetings.size).toBe(1);
    expect(sandbox.requests.filter((r) => r.path === '/umeeting/share/schedule')).toHaveLength(2);
  });
});

describe('scheduled meetings in list, get, getStartUrl and delete', () => {
  it('list: type 2, status 0 until it starts, start_time of the next meeting not yet over; get: booked', async () => {
    const { sandbox, api, value } = await sandboxWith();
    const first = sandbox.clock.now() + 2 * 3600_000;
    const start = chinaTime(first - (first % 60_000));
    const { meeting_id: id } = value(
      await api.schedule({ topic: '日会', meeting_capacity: 25, start_time: start, duration: 60, recurrence_type: '1', end_times: 3 }),
    );
    const listed = async () => value(await api.list()).meetings.find((m) => m.id === id);
    expect(await listed()).toMatchObject({ type: 2, status: 0, start_time: start, duration: 60 });
    expect(value(await api.get(id))).toMatchObject({ status: 0, start_time: start, del_flag: 0 });
    // The first meeting is over (nobody came): the list shows the second.
    sandbox.clock.advance(3 * 3600_000 + 60_000);
    expect(await listed()).toMatchObject({ status: 0, start_time: chinaTime(Date.parse(`${start.replace(' ', 'T')}+08:00`) + 86_400_000) });
    // Past the last one: gone from the list, ended for get.
    sandbox.clock.advance(3 * 86_400_000);
    expect(await listed()).toBeUndefined();
    expect(value(await api.get(id)).status).toBe(3);
  });

  it('getStartUrl: refused before the early-join window (ready_time before the start), given once in it', async () => {
    const { sandbox, api, value } = await sandboxWith();
    const at = sandbox.clock.now() + 2 * 3600_000;
    const { meeting_id: id } = value(await api.schedule({ topic: 't', meeting_capacity: 25, start_time: chinaTime(at), duration: 45 }));
    const early = await api.getStartUrl(id);
    expect(early).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 3006 } });
    expect(!early.ok && early.failure.kind === 'rejected' && early.failure.message).toMatch(/^会议尚未到可入会时间（.+ 起可入会）$/);
    sandbox.clock.advance(91 * 60_000);
    expect(value(await api.getStartUrl(id)).start_url).toMatch(/\/s\/\d+\?zak=eyJ/);
  });

  it('delete removes the whole series and frees every room it held', async () => {
    const { book, api, value, free } = await sandboxWith({ 25: 1 });
    const { id } = await book({ start_time: '2030-01-07 09:00:00', recurrence_type: '2', weekly_days: '2', end_times: 3 });
    expect(await free(25, '2030-01-14 09:00:00')).toEqual({ total: 1, free: 0 });
    value(await api.delete(id));
    expect(await free(25, '2030-01-07 09:00:00')).toEqual({ total: 1, free: 1 });
    expect(await free(25, '2030-01-14 09:00:00')).toEqual({ total: 1, free: 1 });
    expect(value(await api.rooms())[0]?.meetings).toEqual([]);
    expect(await api.get(id)).toMatchObject({ ok: false, failure: { status: 3004 } });
  });
});

describe('update', () => {
  it('re-plans and rebooks the whole series; without recurrence_type the rule stays', async () => {
    const { book, api, value, free, sandbox } = await sandboxWith({ 25: 1 });
    const { id } = await book({ start_time: '2030-01-07 09:00:00', recurrence_type: '1', end_times: 3 });
    value(await api.update({ id, start_time: '2030-01-07 14:00:00', duration: 90, topic: '改了' }));
    expect(sandbox.scheduled(id)?.map((o) => o.start_time)).toEqual(['2030-01-07 14:00:00', '2030-01-08 14:00:00', '2030-01-09 14:00:00']);
    expect(await free(25, '2030-01-08 09:00:00')).toEqual({ total: 1, free: 1 });
    expect(await free(25, '2030-01-08 15:00:00')).toEqual({ total: 1, free: 0 });
    expect(value(await api.get(id))).toMatchObject({ topic: '改了', duration: 90, start_time: '2030-01-07 14:00:00' });
    // A new rule: weekly on Tuesday, twice.
    value(await api.update({ id, start_time: '2030-01-07 14:00:00', duration: 90, recurrence_type: '2', weekly_days: '3', end_times: 2 }));
    expect(sandbox.scheduled(id)?.map((o) => o.start_time)).toEqual(['2030-01-08 14:00:00', '2030-01-15 14:00:00']);
  });

  it('recurrence_type "" makes a series a single meeting', async () => {
    const { book, api, value, free, sandbox } = await sandboxWith({ 25: 1 });
    const { id } = await book({ start_time: '2030-01-07 09:00:00', recurrence_type: '1', end_times: 3 });
    value(await api.update({ id, start_time: '2030-01-07 09:00:00', duration: 60, recurrence_type: '' }));
    expect(sandbox.scheduled(id)?.map((o) => o.start_time)).toEqual(['2030-01-07 09:00:00']);
    expect(await free(25, '2030-01-08 09:00:00')).toEqual({ total: 1, free: 1 });
  });

  it('a meeting of the new plan without a free room: 3001, and nothing changed', async () => {
    const { book, api, sandbox, free } = await sandboxWith({ 25: 1 });
    const { id } = await book({ start_time: '2030-01-07 09:00:00', recurrence_type: '1', end_times: 3 });
    sandbox.book({ capacity: 25, start: Date.parse('2030-01-09T14:00:00+08:00'), duration: 60 });
    const before = sandbox.scheduled(id);
    expect(await api.update({ id, start_time: '2030-01-07 14:00:00', duration: 60, topic: '不会改' })).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', status: 3001, message: '2030-01-09 14:00:00 当前没有空闲的 25 方会议室' },
    });
    expect(sandbox.scheduled(id)).toEqual(before);
    expect(sandbox.state.find(id)?.topic).toBe('周会');
    expect(await free(25, '2030-01-08 09:00:00')).toEqual({ total: 1, free: 0 });
    expect(await free(25, '2030-01-08 14:00:00')).toEqual({ total: 1, free: 1 });
  });

  it('moving within its own slots is no conflict with itself', async () => {
    const { book, api, value, sandbox } = await sandboxWith({ 25: 1 });
    const { id } = await book({ start_time: '2030-01-07 09:00:00', recurrence_type: '1', end_times: 3 });
    value(await api.update({ id, start_time: '2030-01-07 09:30:00', duration: 60 }));
    expect(sandbox.scheduled(id)?.[0]?.start_time).toBe('2030-01-07 09:30:00');
  });

  it('3000 naming a missing id, start_time or duration; 3004 for an unknown, ended or instant meeting', async () => {
    const { post, api, value, sandbox, book } = await sandboxWith();
    const { id } = await book({ start_time: '2030-01-07 09:00:00' });
    const update = (fields: Record<string, string>) => post('/umeeting/share/update', fields);
    expect((await update({ start_time: '2030-01-07 09:00:00', duration: '60' })).message).toContain('id');
    expect(await update({ id, duration: '60' })).toMatchObject({ status: 3000, message: expect.stringContaining('start_time') });
    expect(await update({ id, start_time: '2030-01-07 09:00:00' })).toMatchObject({
      status: 3000,
      message: expect.stringContaining('duration'),
    });
    expect(await update({ id: '999', start_time: '2030-01-07 09:00:00', duration: '60' })).toMatchObject({ status: 3004 });
    const instant = value(await api.instant({ topic: 'now', meeting_capacity: 10 })).meeting_id;
    expect(await update({ id: instant, start_time: '2030-01-07 09:00:00', duration: '60' })).toMatchObject({ status: 3004 });
    sandbox.clock.advance(Date.parse('2030-01-08T00:00:00+08:00') - sandbox.clock.now());
    expect(await update({ id, start_time: '2030-01-09 09:00:00', duration: '60' })).toMatchObject({ status: 3004 });
  });
});
