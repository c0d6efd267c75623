import { afterEach, describe, expect, it } from 'vitest';
import { chinaTime } from '../../sandbox/china-time.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.js';
import { sandboxClient } from './support/sandbox-client.js';

// The sandbox's rooms, slots, resizing and participants, through the real client where it can send
// the request, and as raw form posts where the client would refuse to (bad input) or would hide the
// service's loose types. Each test gets its own sandbox: they move its clock and fill its rooms.

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function sandboxWith(licence: Record<string, number>, options: SandboxOptions = {}) {
  const sandbox = await startSandbox({ licence, ...options });
  started.push(sandbox);
  const { api, value, post } = sandboxClient(sandbox);
  const minutes = (n: number) => sandbox.clock.now() + n * 60_000;
  /** Free rooms of a size for `duration` minutes from `from` minutes from now. */
  const free = async (capacity: number, from = 0, duration = 60) =>
    value(await api.freeRooms({ meeting_capacity: capacity, start_time: chinaTime(minutes(from)), duration }));
  const create = async (capacity: number, extra: { duration?: number; topic?: string } = {}) =>
    value(await api.instant({ topic: extra.topic ?? `t${capacity}`, meeting_capacity: capacity, duration: extra.duration })).meeting_id;
  return { sandbox, api, value, post, minutes, free, create };
}

describe('free rooms per slot', () => {
  it('a booking later today does not take a room now; a slot that overlaps it does', async () => {
    const { sandbox, free, minutes, api } = await sandboxWith({ 10: 2, 25: 1 });
    expect(await free(25)).toEqual({ total: 1, free: 1 });
    const booked = sandbox.book({ topic: '下午的会', capacity: 25, start: minutes(180), duration: 60 });
    expect(booked.ok).toBe(true);
    expect(await free(25)).toEqual({ total: 1, free: 1 });
    expect(await free(25, 150, 60)).toEqual({ total: 1, free: 0 }); // 150–210 overlaps 180–240
    expect(await free(25, 200, 45)).toEqual({ total: 1, free: 0 });
    // The clock runs on between calls, and the service's times are whole seconds: a minute clear of the edges.
    expect(await free(25, 119, 60)).toEqual({ total: 1, free: 1 }); // ends just before the booking starts
    expect(await free(25, 241, 60)).toEqual({ total: 1, free: 1 }); // starts just after it ends
    // An instant meeting for the next hour fits before the booking, in the same room; a long one does not.
    expect(await api.instant({ topic: '太长', meeting_capacity: 25, duration: 240 })).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', status: 3001, message: '当前没有空闲的 25 方会议室' },
    });
    expect(await api.instant({ topic: '现在', meeting_capacity: 25 })).toMatchObject({ ok: true });
    expect(await free(25)).toEqual({ total: 1, free: 0 });
    expect(await free(25, 241)).toEqual({ total: 1, free: 1 });
  });

  it('counts the size that fits the capacity, and reads start_time as China time', async () => {
    const { free, create, sandbox, post } = await sandboxWith({ 10: 2, 25: 3, 50: 0, 100: 1 });
    await create(20);
    expect(await free(20)).toEqual({ total: 3, free: 2 });
    expect(await free(25)).toEqual({ total: 3, free: 2 });
    expect(await free(10)).toEqual({ total: 2, free: 2 });
    expect(await free(30)).toEqual({ total: 0, free: 0 }); // 50 is the size, and it has no rooms
    // The same instant written as UTC instead of UTC+8 is 8 hours later: past the meeting's hour.
    const utc = new Date(sandbox.clock.now()).toISOString().slice(0, 19).replace('T', ' ');
    const answer = await post('/umeeting/share/freeRooms', { meeting_capacity: '25', start_time: utc, duration: '60' });
    expect(answer).toMatchObject({ status: 200, data: { total: 3, free: 3 } });
  });

  it('an instant meeting without a duration holds its room for 60 minutes; a released one frees it', async () => {
    const { free, create, sandbox } = await sandboxWith({ 10: 1 });
    await create(10);
    expect(await free(10, 58, 31)).toEqual({ total: 1, free: 0 });
    expect(await free(10, 61, 31)).toEqual({ total: 1, free: 1 });
    sandbox.clock.advance(31 * 60_000); // nobody joined: released
    expect(await free(10)).toEqual({ total: 1, free: 1 });
  });

  it('refuses a start_time or a duration the service would not take', async () => {
    const { post } = await sandboxWith({ 10: 1 });
    const now = chinaTime(Date.now());
    for (const [fields, message] of [
      [{ meeting_capacity: '10', start_time: '2026-11-26 10:00', duration: '60' }, /start_time/],
      [{ meeting_capacity: '10', start_time: '2026-02-30 10:00:00', duration: '60' }, /start_time/],
      [{ meeting_capacity: '10', start_time: now, duration: '30' }, /duration/],
      [{ meeting_capacity: '10', start_time: now }, /duration/],
      [{ meeting_capacity: '0', start_time: now, duration: '60' }, /meeting_capacity/],
    ] as const) {
      const answer = await post('/umeeting/share/freeRooms', fields);
      expect(answer.status).toBe(3000);
      expect(answer.message).toMatch(message);
    }
  });
});

describe('rooms and their bookings', () => {
  it('lists one entry per room, named, with its bookings in loose types, and the client reads it', async () => {
    const { sandbox, post, create, api, value, minutes } = await sandboxWith({ 10: 2, 25: 1, 50: 0 });
    const now = await create(10, { topic: '周会' });
    const running = await create(10, { topic: '评审', duration: 45 });
    sandbox.join(running);
    // Its start, taken once: the sandbox's clock runs on, and under load a second may pass before the check below.
    const laterStart = minutes(180);
    const later = sandbox.book({ topic: '下午', capacity: 25, start: laterStart, duration: 90 });
    if (!later.ok) throw new Error(later.message);

    const raw = await post('/umeeting/share/rooms');
    expect(raw.status).toBe(200);
    const listed = raw.data as { first_name: string; meeting_capacity: unknown; meetings: unknown[] }[];
    expect(listed.map((r) => r.first_name)).toEqual(['10方会议室 1', '10方会议室 2', '25方会议室 1']);
    // Mixed types, as the documentation's examples have them.
    expect(listed.map((r) => typeof r.meeting_capacity)).toEqual(['number', 'string', 'number']);
    expect(listed[0]?.meetings).toEqual([
      expect.objectContaining({
        topic: '周会',
        start_time: chinaTime(sandbox.state.find(now)!.start),
        duration: 60,
        status: '0',
        type: '1',
      }),
    ]);
    expect(listed[1]?.meetings).toEqual([expect.objectContaining({ topic: '评审', duration: 45, status: '1', type: '1' })]);
    expect(listed[2]?.meetings).toEqual([
      expect.objectContaining({ topic: '下午', start_time: chinaTime(laterStart), duration: 90, status: '0', type: '2' }),
    ]);

    const rooms = value(await api.rooms());
    expect(rooms.map((r) => [r.id, r.meeting_capacity, r.meetings.map((m) => [m.id, m.status, m.type])])).toEqual([
      ['room-10-1', 10, [[now, 0, 1]]],
      ['room-10-2', 10, [[running, 1, 1]]],
      ['room-25-1', 25, [[later.value.id, 0, 2]]],
    ]);

    // An ended meeting is no longer in its room.
    await api.end(running);
    expect(value(await api.rooms())[1]?.meetings).toEqual([]);
  });

  it('lists at most 100 rooms of a size in a load run, plus any that holds a booking', async () => {
    const { value, api, create } = await sandboxWith({ 10: 1_000_000 });
    await create(10);
    const rooms = value(await api.rooms());
    expect(rooms).toHaveLength(100);
    expect(rooms[0]?.meetings).toHaveLength(1);
  });
});

describe('resize (resetCapacity/{meetingId})', () => {
  it('moves the meeting to a free room of the new size: its old room is free, get and list report the size', async () => {
    const { api, value, create, free, post } = await sandboxWith({ 10: 1, 25: 1, 50: 1 });
    const id = await create(10);
    expect(await free(10)).toEqual({ total: 1, free: 0 });
    expect(value(await api.resize(id, 40))).toBeUndefined();
    expect(await free(10)).toEqual({ total: 1, free: 1 });
    expect(await free(50)).toEqual({ total: 1, free: 0 });
    expect(value(await api.get(id)).meeting_capacity).toBe(40);
    const listed = (await post('/umeeting/share/list')).data as { meetings: { id: string; meeting_capacity: unknown }[] };
    expect(listed.meetings.find((m) => m.id === id)?.meeting_capacity).toBe(40);
    const rooms = value(await api.rooms());
    expect(rooms.find((r) => r.id === 'room-50-1')?.meetings.map((m) => m.id)).toEqual([id]);
    expect(rooms.find((r) => r.id === 'room-10-1')?.meetings).toEqual([]);
    // The 10 room is free again: another meeting can take it.
    expect(await api.instant({ topic: 'next', meeting_capacity: 10 })).toMatchObject({ ok: true });
  });

  it('within the same size, stays in its room and changes only the capacity', async () => {
    const { api, value, create, free } = await sandboxWith({ 10: 1, 25: 1 });
    const id = await create(20);
    expect(value(await api.resize(id, 25))).toBeUndefined();
    expect(value(await api.get(id)).meeting_capacity).toBe(25);
    expect(await free(25)).toEqual({ total: 1, free: 0 });
  });

  it('is refused, in Chinese, when no room of the new size is free for the rest of the slot; nothing changes', async () => {
    const { sandbox, api, value, create, minutes } = await sandboxWith({ 10: 1, 50: 1, 100: 1, 200: 0 });
    const id = await create(10, { duration: 90 });
    // The 50 room is free now, but booked 45 minutes from now, within this meeting's 90.
    expect(sandbox.book({ capacity: 50, start: minutes(45), duration: 60 }).ok).toBe(true);
    expect(await api.resize(id, 50)).toEqual({
      ok: false,
      failure: { kind: 'rejected', status: 3001, message: '当前没有空闲的 50 方会议室' },
    });
    expect(await api.resize(id, 200)).toEqual({
      ok: false,
      failure: { kind: 'rejected', status: 3002, message: '没有 200 方的会议室授权' },
    });
    expect(value(await api.get(id)).meeting_capacity).toBe(10);
    // A size with a room free for the whole rest of the slot is taken.
    expect(value(await api.resize(id, 100))).toBeUndefined();
    expect(value(await api.get(id)).meeting_capacity).toBe(100);
  });

  it('is refused for an unknown meeting and for one that has ended', async () => {
    const { api, create } = await sandboxWith({ 10: 2, 25: 1 });
    expect(await api.resize('999', 25)).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 3004 } });
    const id = await create(10);
    await api.end(id);
    expect(await api.resize(id, 25)).toMatchObject({ ok: false, failure: { kind: 'rejected', message: '会议不存在或已结束' } });
  });

  it('takes the meeting from the path and the size from the body; a bad size is refused', async () => {
    const { sandbox, post, create, api } = await sandboxWith({ 10: 1, 25: 1 });
    const id = await create(10);
    expect(await post(`/umeeting/share/resetCapacity/${id}`, { meeting_capacity: 'big' })).toMatchObject({ status: 3000 });
    expect(await post('/umeeting/share/resetCapacity/', { meeting_capacity: '25' })).toMatchObject({ status: 3004 });
    expect(await api.resize(id, 25)).toEqual({ ok: true, value: undefined });
    const sent = sandbox.requests.at(-1)!;
    expect(sent.path).toBe(`/umeeting/share/resetCapacity/${id}`);
    expect(sent.fields).toEqual({ api_key: sandbox.credentials.apiKey, api_secret: sandbox.credentials.apiSecret, meeting_capacity: '25' });
  });

  it('takes faults: by the path without the id for any meeting, or with it for that meeting only', async () => {
    const { sandbox, api, create } = await sandboxWith({ 10: 2, 25: 2 });
    const a = await create(10);
    const b = await create(10);
    sandbox.inject({ kind: 'no-free-room', path: '/umeeting/share/resetCapacity' });
    expect(await api.resize(a, 25)).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 3001 } });
    sandbox.inject({ kind: 'http-502-html', path: `/umeeting/share/resetCapacity/${b}` });
    expect(await api.resize(a, 25)).toEqual({ ok: true, value: undefined });
    expect(await api.resize(b, 25)).toMatchObject({ ok: false, failure: { kind: 'http', httpStatus: 502 } });
  });
});

describe('participants (meetingdetail)', () => {
  it('opening /j/<id> joins one guest, on the device its browser says, and the meeting is in progress', async () => {
    const { sandbox, api, value, create } = await sandboxWith({ 10: 1 });
    const id = await create(10);
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15';
    expect((await fetch(`${sandbox.url}/j/${id}`, { headers: { 'user-agent': iphone } })).status).toBe(200);
    expect(value(await api.get(id)).status).toBe(1);
    await fetch(`${sandbox.url}/j/${id}`, { headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' } });
    const detail = value(await api.meetingDetail(id, 'online'));
    expect(detail.participants_count).toBe(2);
    expect(detail.participants.map((p) => [p.user_name, p.device, p.leave_time])).toEqual([
      ['访客 1', 'iOS', undefined],
      ['访客 2', 'Windows', undefined],
    ]);
    expect(detail.participants[0]?.join_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(detail.start_time).toMatch(/Z$/);
    // The host page is joining too, as the host.
    const start = value(await api.getStartUrl(id)).start_url;
    await fetch(start);
    expect(value(await api.meetingDetail(id)).participants.at(-1)?.user_name).toBe('主持人');
  });

  it('the test helper adds named participants with their devices and addresses, and lets them leave', async () => {
    const { sandbox, api, value, post, create } = await sandboxWith({ 10: 1 });
    const id = await create(10);
    sandbox.join(id, { name: '张三', device: 'Mac', ip: '10.1.2.3', city: '北京' });
    sandbox.clock.advance(5 * 60_000);
    sandbox.join(id, { name: 'Li Si', device: 'Android', ip: '10.1.2.4' });
    expect(sandbox.leave(id, '张三')).toBe(true);
    expect(sandbox.leave(id, '张三')).toBe(false);
    expect(sandbox.leave(id, 'nobody')).toBe(false);

    const raw = (await post('/umeeting/share/meetingdetail', { meeting_id: id, type: '1' })).data as {
      participants_count: unknown;
      participants: Record<string, unknown>[];
    };
    expect(raw.participants_count).toBe('2'); // a string, as loose as the docs
    expect(raw.participants[0]).toMatchObject({ user_name: '张三', device: 'Mac', ip_address: '10.1.2.3', city: '北京' });
    expect(raw.participants[0]?.leave_time).toMatch(/Z$/);
    expect(raw.participants[1]).toMatchObject({ user_name: 'Li Si', leave_time: '', city: null });
    const parsed = value(await api.meetingDetail(id));
    expect(parsed.participants[1]).toMatchObject({ user_name: 'Li Si', ip_address: '10.1.2.4', leave_time: undefined });
    const joined = parsed.participants.map((p) => Date.parse(p.join_time!));
    expect(joined[1]! - joined[0]!).toBe(5 * 60_000);
  });

  it('online detail is for a meeting not over, past detail for one that is; whoever was in left when it ended', async () => {
    const { sandbox, api, value, create } = await sandboxWith({ 10: 1 });
    const id = await create(10);
    sandbox.join(id, { name: 'A' });
    expect(await api.meetingDetail(id, 'past')).toMatchObject({ ok: false, failure: { kind: 'rejected' } });
    sandbox.clock.advance(10 * 60_000);
    value(await api.end(id));
    expect(await api.meetingDetail(id, 'online')).toMatchObject({ ok: false, failure: { kind: 'rejected' } });
    const past = value(await api.meetingDetail(id, 'past'));
    expect(past.end_time).toMatch(/Z$/);
    expect(past.duration).toBe(10);
    expect(past.participants[0]?.leave_time).toBe(past.end_time);
    // Nobody joins a meeting that is over.
    sandbox.join(id, { name: 'late' });
    expect(value(await api.meetingDetail(id, 'past')).participants_count).toBe(1);
    expect(await api.meetingDetail('999')).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 3004 } });
  });

  it('pages the participants', async () => {
    const { sandbox, api, value, create } = await sandboxWith({ 10: 1 });
    const id = await create(10);
    for (let i = 1; i <= 7; i += 1) sandbox.join(id, { name: `p${i}` });
    const pages = [];
    for (let number = 1; number <= 4; number += 1) pages.push(value(await api.meetingDetail(id, 'online', { size: 3, number })));
    expect(pages.map((p) => p.participants.map((x) => x.user_name))).toEqual([['p1', 'p2', 'p3'], ['p4', 'p5', 'p6'], ['p7'], []]);
    expect(pages[0]).toMatchObject({ participants_count: 7, page_count: 3, page_number: 1, page_size: 3 });
    // Without paging fields: the first 30.
    expect(value(await api.meetingDetail(id)).page_size).toBe(30);
  });

  it('takes the same faults as the other calls', async () => {
    const { sandbox, api, create } = await sandboxWith({ 10: 1 });
    const id = await create(10);
    sandbox.inject({ kind: 'http-502-html', path: '/umeeting/share/meetingdetail' });
    sandbox.inject({ kind: 'bad-credentials', path: '/umeeting/share/rooms' });
    expect(await api.meetingDetail(id)).toMatchObject({ ok: false, failure: { kind: 'http' } });
    expect(await api.meetingDetail(id)).toMatchObject({ ok: true });
    expect(await api.rooms()).toMatchObject({ ok: false, failure: { kind: 'auth' } });
  });

  it('joins, leaves and books through the control endpoints, for a sandbox in another process', async () => {
    const { sandbox, api, value, create } = await sandboxWith({ 10: 1, 25: 1 });
    const id = await create(10);
    const control = async (path: string, body: unknown) =>
      (await fetch(`${sandbox.url}/_sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) })).json();
    expect(await control('join', { meeting_id: id, name: '王五', device: 'Linux' })).toEqual({ joined: true });
    expect(await control('leave', { meeting_id: id, name: '王五' })).toEqual({ left: true });
    const booked = await control('book', { capacity: 25, start_time: chinaTime(sandbox.clock.now() + 3_600_000), duration: 45 });
    expect(booked).toEqual({ meeting_id: expect.stringMatching(/^\d+$/) });
    const detail = value(await api.meetingDetail(id));
    expect(detail.participants).toMatchObject([{ user_name: '王五', device: 'Linux' }]);
    expect(detail.participants[0]?.leave_time).toBeTruthy();
    expect(
      value(await api.rooms())
        .find((r) => r.id === 'room-25-1')
        ?.meetings.map((m) => m.id),
    ).toEqual([booked.meeting_id]);
  });
});
