import { afterEach, describe, expect, it } from 'vitest';
import { chinaTime } from '../../sandbox/china-time.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { parseLocalMinute } from '../../cli/local-time.js';
import { meetingListLines, participantsLines } from '../../cli/output.js';
import { zoneOfTimes } from '../../common/schedule-words.js';
import { isoTime } from '../../cli/participants.js';
import { displayWidth, table } from '../../cli/table.js';
import { toServiceTime } from '../../core/meetings/meeting-state.js';
import { day, isoIn, momentOf, nextYear } from './support/dates.js';
import { umeet } from './support/umeet-cli.js';

// `umeet rooms`, `resize` and `participants` as scripts run them (the program in this process, with an
// environment of its own: support/umeet-cli.ts), against a real sandbox, one per test, since the tests fill
// its rooms and join its meetings.

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function sandboxWith(licence: Record<string, number>): Promise<Sandbox> {
  const sandbox = await startSandbox({ licence });
  started.push(sandbox);
  return sandbox;
}

function instant(sandbox: Sandbox, capacity: number, duration?: number): string {
  const created = sandbox.state.create({
    topic: 't',
    meeting_capacity: String(capacity),
    ...(duration ? { duration: String(duration) } : {}),
  });
  if (!created.ok) throw new Error(created.message);
  return created.value.id;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const sent = (sandbox: Sandbox, path: string) => sandbox.requests.filter((r) => r.path === path);

describe('umeet rooms', () => {
  it('--json: every licensed size with rooms, smallest first, free for the slot from now for 60 minutes', async () => {
    const sandbox = await sandboxWith({ 100: 1, 10: 2, 25: 3, 50: 0 });
    instant(sandbox, 20);
    const run = await umeet(sandbox, ['rooms', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual([
      { capacity: 10, total: 2, free: 2 },
      { capacity: 25, total: 3, free: 2 },
      { capacity: 100, total: 1, free: 1 },
    ]);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const asked = sent(sandbox, '/umeeting/share/freeRooms');
    expect(asked.map((r) => [r.fields.meeting_capacity, r.fields.duration])).toEqual([
      ['10', '60'],
      ['25', '60'],
      ['100', '60'],
    ]);
    // Now, in China time: within a minute of the sandbox's clock.
    const start = Date.parse(`${asked[0]!.fields.start_time!.replace(' ', 'T')}+08:00`);
    expect(Math.abs(start - sandbox.clock.now())).toBeLessThan(60_000);
  });

  it('--at is local time, sent as China time; --duration sets the slot', async () => {
    const sandbox = await sandboxWith({ 25: 2 });
    // 09:00 in Tokyo (UTC+9) on next year's 2 January is 08:00 in China.
    const date = day(nextYear(), 1, 2);
    const slotStart = momentOf('Asia/Tokyo', date, '09:00');
    expect(sandbox.book({ capacity: 25, start: slotStart + 30 * 60_000, duration: 60 }).ok).toBe(true);
    const at = await umeet(sandbox, ['rooms', '--at', `${date} 09:00`, '--duration', '90', '--json'], { TZ: 'Asia/Tokyo' });
    expect(at).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(at.stdout)).toEqual([{ capacity: 25, total: 2, free: 1 }]);
    expect(sent(sandbox, '/umeeting/share/freeRooms').at(-1)?.fields).toMatchObject({ start_time: `${date} 08:00:00`, duration: '90' });
    // The booking does not take a room now.
    expect(JSON.parse((await umeet(sandbox, ['rooms', '--json'])).stdout)).toEqual([{ capacity: 25, total: 2, free: 2 }]);
  });

  it('for people: a small aligned table, the slot in local time with its zone', async () => {
    const sandbox = await sandboxWith({ 10: 12, 100: 1 });
    instant(sandbox, 10);
    const date = day(nextYear(), 5, 6);
    const run = await umeet(sandbox, ['rooms', '--at', `${date} 14:30`, '--duration', '45'], { TZ: 'Asia/Shanghai' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        `Free rooms from ${date} 14:30 for 45 minutes (Asia/Shanghai, UTC+8):`,
        'Size  Rooms  Free',
        '  10     12    12',
        ' 100      1     1',
        '',
      ].join('\n'),
    );
    const now = await umeet(sandbox, ['rooms']);
    expect(now.stdout).toMatch(/^ {2}10 {5}12 {4}11$/m);
  });

  it.each([
    [['rooms', '--at', 'tomorrow'], /^umeet: invalid-input: --at: must be a local date and time "YYYY-MM-DD HH:mm", not "tomorrow"\n$/],
    [['rooms', '--at', '2026-02-30 10:00'], /^umeet: invalid-input: --at: "2026-02-30 10:00" is not a date and time that exists/],
    [['rooms', '--at', '2026-11-26 10:00:00'], /^umeet: invalid-input: --at: must be a local date and time/],
    [['rooms', '--duration', '30'], /^umeet: invalid-input: --duration: must be greater than 30 minutes\n$/],
    [['rooms', '--duration', 'an hour'], /^umeet: invalid-input: --duration: must be a whole number, not "an hour"\n$/],
    [['rooms', '--at'], /^umeet: usage: option '--at <time>' argument missing \(see umeet rooms --help\)\n$/],
    [['rooms', '--free'], /^umeet: usage: unknown option '--free' \(see umeet rooms --help\)\n$/],
  ])('exits 2 on bad input, with one line and nothing sent: %j', async (args, stderr) => {
    const sandbox = await sandboxWith({ 10: 1 });
    const run = await umeet(sandbox, args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(stderr);
    expect(sandbox.requests).toHaveLength(0);
  });

  it.each([
    ['a day ago', 86_400_000],
    ['five minutes ago', 5 * 60_000],
  ])('--at %s is refused like a past --start: exit 2, one line, nothing sent', async (_, ago) => {
    const sandbox = await sandboxWith({ 10: 1 });
    const zone = 'America/New_York';
    const past = isoIn(zone, Date.now() - ago)
      .slice(0, 16)
      .replace('T', ' ');
    const run = await umeet(sandbox, ['rooms', '--at', past, '--json'], { TZ: zone });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(
      new RegExp(`^umeet: invalid-input: --at: ${past} is in the past \\(now \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\)\n$`),
    );
    expect(sandbox.requests).toHaveLength(0);
  });

  it('--at the current minute asks from now, as no --at does', async () => {
    const sandbox = await sandboxWith({ 10: 1 });
    const zone = 'Asia/Tokyo';
    const now = new Date();
    // Within the same minute as the CLI's own clock, but for a run that crosses into the next one.
    const minute = isoIn(zone, now.getTime()).slice(0, 16).replace('T', ' ');
    const run = await umeet(sandbox, ['rooms', '--at', minute, '--json'], { TZ: zone });
    if (new Date().getUTCMinutes() !== now.getUTCMinutes()) return;
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual([{ capacity: 10, total: 1, free: 1 }]);
  });

  it('a failure on any size is the answer: exit 1, one line, no partial table', async () => {
    const sandbox = await sandboxWith({ 10: 1, 25: 1 });
    sandbox.inject({ kind: 'http-502-html', path: '/umeeting/share/freeRooms' });
    const run = await umeet(sandbox, ['rooms', '--json']);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/^umeet: http: 127\.0\.0\.1:\d+ answered HTTP 502\n$/);
  });
});

describe('umeet resize', () => {
  it('exit 0: the meeting moves to a room of the new size; --json says which meeting and what size', async () => {
    const sandbox = await sandboxWith({ 10: 1, 25: 1, 50: 1 });
    const id = instant(sandbox, 10);
    const run = await umeet(sandbox, ['resize', id, '--capacity', '50', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({ meeting_id: id, capacity: 50 });
    const request = sandbox.requests.at(-1)!;
    expect(request.path).toBe(`/umeeting/share/resetCapacity/${id}`);
    expect(request.fields.meeting_capacity).toBe('50');
    expect(sandbox.state.find(id)).toMatchObject({ capacity: 50, tier: 50 });

    const human = await umeet(sandbox, ['resize', id, '--capacity', '40']);
    expect(human).toEqual({ code: 0, stdout: `Resized: meeting ${id} now has room for 40 people.\n`, stderr: '' });
  });

  it("exit 1 with the service's own message when it refuses; nothing on stdout", async () => {
    const sandbox = await sandboxWith({ 10: 1, 50: 1 });
    const id = instant(sandbox, 10);
    instant(sandbox, 50);
    const run = await umeet(sandbox, ['resize', id, '--capacity', '50', '--json']);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'umeet: rejected: no room of that size is free for that time (当前没有空闲的 50 方会议室)\n',
    });
    const unknown = await umeet(sandbox, ['resize', '999', '--capacity', '10']);
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'umeet: rejected: 会议不存在或已结束\n' });
  });

  it.each([
    [['resize', '1591620888', '--capacity', 'abc'], /^umeet: invalid-input: --capacity: must be a whole number, not "abc"\n$/],
    [['resize', '1591620888', '--capacity', '0'], /^umeet: invalid-input: --capacity: must be positive\n$/],
    [['resize', 'x y', '--capacity', '10'], /^umeet: invalid-input: <meeting-id>: must be a meeting number or uuid\n$/],
    [['resize', '1591620888'], /^umeet: usage: required option '--capacity <n>' not specified \(see umeet resize --help\)\n$/],
    [['resize', '--capacity', '10'], /^umeet: usage: missing required argument 'meeting-id'/],
  ])('exits 2 on bad input, with one line and nothing sent: %j', async (args, stderr) => {
    const sandbox = await sandboxWith({ 10: 1 });
    const run = await umeet(sandbox, args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(stderr);
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('umeet participants', () => {
  async function meetingWithPeople() {
    const sandbox = await sandboxWith({ 10: 1 });
    const id = instant(sandbox, 10);
    sandbox.join(id, { name: '张三丰', device: 'Mac', ip: '10.9.8.7' });
    sandbox.clock.advance(2 * 60_000);
    sandbox.join(id, { name: 'Ann', device: 'Android', ip: '10.9.8.6' });
    sandbox.clock.advance(3 * 60_000);
    sandbox.leave(id, 'Ann');
    return { sandbox, id, meeting: sandbox.state.find(id)! };
  }

  it('--json: names, devices, ISO-8601 times, left_at null while present, and no address', async () => {
    const { sandbox, id, meeting } = await meetingWithPeople();
    const run = await umeet(sandbox, ['participants', id, '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [zhang, ann] = meeting.participants;
    expect(JSON.parse(run.stdout)).toEqual({
      meeting_id: id,
      count: 2,
      participants: [
        { name: '张三丰', device: 'Mac', joined_at: new Date(Math.floor(zhang!.joinedAt / 1000) * 1000).toISOString(), left_at: null },
        {
          name: 'Ann',
          device: 'Android',
          joined_at: new Date(Math.floor(ann!.joinedAt / 1000) * 1000).toISOString(),
          left_at: new Date(Math.floor(ann!.leftAt! / 1000) * 1000).toISOString(),
        },
      ],
    });
    expect(run.stdout).not.toMatch(/10\.9\.8|address|ip_address/);
    expect(sent(sandbox, '/umeeting/share/meetingdetail').at(-1)?.fields).toMatchObject({ meeting_id: id, type: '1' });
  });

  it('--with-addresses adds each address, in JSON and in the table', async () => {
    const { sandbox, id } = await meetingWithPeople();
    const json = JSON.parse((await umeet(sandbox, ['participants', id, '--json', '--with-addresses'])).stdout);
    expect(json.participants.map((p: { address: string }) => p.address)).toEqual(['10.9.8.7', '10.9.8.6']);
    const table = await umeet(sandbox, ['participants', id, '--with-addresses']);
    expect(table.stdout.split('\n')[1]).toMatch(/^Name +Device +Joined +Left +Address$/);
    expect(table.stdout).toContain('10.9.8.6');
  });

  it('for people: a table in local time, aligned under Chinese names too, without addresses', async () => {
    const { sandbox, id, meeting } = await meetingWithPeople();
    const run = await umeet(sandbox, ['participants', id], { TZ: 'Asia/Shanghai' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const local = (ms: number) => chinaTime(ms).slice(0, 16);
    const [zhang, ann] = meeting.participants;
    expect(run.stdout).toBe(
      [
        `Meeting ${id}: 2 participants (times in Asia/Shanghai, UTC+8):`,
        'Name    Device   Joined            Left',
        `张三丰  Mac      ${local(zhang!.joinedAt)}  still in`,
        `Ann     Android  ${local(ann!.joinedAt)}  ${local(ann!.leftAt!)}`,
        '',
      ].join('\n'),
    );
    expect(run.stdout).not.toContain('10.9.8');
  });

  it('fetches every page', async () => {
    const sandbox = await sandboxWith({ 10: 1 });
    const id = instant(sandbox, 10);
    for (let i = 1; i <= 301; i += 1) sandbox.join(id, { name: `p${i}` });
    const run = await umeet(sandbox, ['participants', id, '--json']);
    const list = JSON.parse(run.stdout);
    expect(list.count).toBe(301);
    expect(list.participants).toHaveLength(301);
    expect(list.participants.at(-1).name).toBe('p301');
    expect(sent(sandbox, '/umeeting/share/meetingdetail').map((r) => [r.fields.page_number, r.fields.page_size])).toEqual([
      ['1', '300'],
      ['2', '300'],
    ]);
  });

  it('--past asks about a meeting that is over; everyone left when it ended', async () => {
    const { sandbox, id } = await meetingWithPeople();
    const early = await umeet(sandbox, ['participants', id, '--past']);
    expect(early).toEqual({ code: 1, stdout: '', stderr: 'umeet: rejected: 会议尚未结束\n' });
    sandbox.state.end(id);
    const run = await umeet(sandbox, ['participants', id, '--past', '--json']);
    expect(run.code).toBe(0);
    expect(sent(sandbox, '/umeeting/share/meetingdetail').at(-1)?.fields.type).toBe('2');
    const list = JSON.parse(run.stdout);
    for (const p of list.participants) {
      expect(p.joined_at).toMatch(ISO);
      expect(p.left_at).toMatch(ISO);
    }
  });

  it('says when nobody has joined', async () => {
    const sandbox = await sandboxWith({ 10: 1 });
    const id = instant(sandbox, 10);
    expect((await umeet(sandbox, ['participants', id])).stdout).toBe(`Meeting ${id}: nobody has joined.\n`);
    expect(JSON.parse((await umeet(sandbox, ['participants', id, '--json'])).stdout)).toEqual({
      meeting_id: id,
      count: 0,
      participants: [],
    });
  });

  it.each([
    [['participants', 'x y'], /^umeet: invalid-input: <meeting-id>: must be a meeting number or uuid\n$/],
    [['participants'], /^umeet: usage: missing required argument 'meeting-id' \(see umeet participants --help\)\n$/],
    [['participants', '1', '--addresses'], /^umeet: usage: unknown option '--addresses'/],
  ])('exits 2 on bad input, with one line and nothing sent: %j', async (args, stderr) => {
    const sandbox = await sandboxWith({ 10: 1 });
    const run = await umeet(sandbox, args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(stderr);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('an unknown meeting is the service’s refusal, exit 1', async () => {
    const sandbox = await sandboxWith({ 10: 1 });
    expect(await umeet(sandbox, ['participants', '42'])).toEqual({ code: 1, stdout: '', stderr: 'umeet: rejected: 会议不存在\n' });
  });
});

describe('umeet --help', () => {
  it('lists the three commands, and each documents its options, JSON and exit codes', async () => {
    const sandbox = await sandboxWith({ 10: 1 });
    const root = await umeet(sandbox, ['--help']);
    expect(root.stdout).toMatch(/^ {2}rooms /m);
    expect(root.stdout).toMatch(/^ {2}resize /m);
    expect(root.stdout).toMatch(/^ {2}participants /m);
    const rooms = (await umeet(sandbox, ['rooms', '--help'])).stdout;
    expect(rooms).toContain('--at <time>');
    expect(rooms).toContain('--at is read on your own clock');
    expect(rooms).toContain('Exit codes: 0 success; 1 failure; 2 invalid input or usage');
    expect((await umeet(sandbox, ['participants', '--help'])).stdout).toContain('--with-addresses');
    expect((await umeet(sandbox, ['resize', '--help'])).stdout).toContain('umeet: rejected:');
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('the pieces', () => {
  it('reads the service’s two forms of time as ISO-8601, and writes China time', () => {
    expect(isoTime('2026-11-26 11:21:05')).toBe('2026-11-26T03:21:05.000Z');
    expect(isoTime('2026-11-26T03:21:05Z')).toBe('2026-11-26T03:21:05.000Z');
    expect(isoTime('')).toBeNull();
    expect(isoTime(undefined)).toBeNull();
    expect(isoTime('soon')).toBeNull();
    expect(toServiceTime(new Date('2026-11-26T20:30:00Z'))).toBe('2026-11-27 04:30:00');
  });

  it('reads --at on the local clock and refuses a date that does not exist', () => {
    expect(parseLocalMinute('2026-11-26 09:30')).toEqual({ ok: true, at: new Date(2026, 10, 26, 9, 30) });
    expect(parseLocalMinute('2026-11-26T09:30')).toEqual({ ok: true, at: new Date(2026, 10, 26, 9, 30) });
    expect(parseLocalMinute('2026-13-01 09:30').ok).toBe(false);
    expect(parseLocalMinute('2026-11-26 24:00').ok).toBe(false);
  });

  it('names the offsets a list’s times are at, not today’s, and each one across a change of the clocks', () => {
    const original = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const winter = new Date('2027-01-05T01:00:00Z'); // 20:00 on the 4th, UTC-5
      const summer = new Date('2027-07-06T01:00:00Z'); // 21:00 on the 5th, UTC-4
      expect(zoneOfTimes([summer, winter])).toEqual({ zone: 'America/New_York', eachOffset: true });
      expect(zoneOfTimes([summer])).toEqual({ zone: 'America/New_York, UTC−4', eachOffset: false });
      const list = meetingListLines([
        { id: '1', topic: 'winter', start_time: '2027-01-05 09:00:00' },
        { id: '2', topic: 'summer', start_time: '2027-07-06 09:00:00' },
      ]);
      expect(list).toContain('1  2027-01-04 20:00 UTC−5  winter');
      expect(list).toContain('2  2027-07-05 21:00 UTC−4  summer');
      expect(list).toContain('\n(times in America/New_York)\n');
      const people = participantsLines({
        meeting_id: '1',
        count: 1,
        participants: [{ name: 'a', device: 'iOS', joined_at: winter.toISOString(), left_at: null }],
      });
      expect(people).toMatch(/^Meeting 1: 1 participant \(times in America\/New_York, UTC−5\):/);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('measures Chinese as two columns on screen', () => {
    expect(displayWidth('访客 1')).toBe(6);
    expect(table(['A', 'B'], [['访客', 'x']])).toBe('A     B\n访客  x\n');
  });
});
