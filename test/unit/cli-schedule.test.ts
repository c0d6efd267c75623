import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isoLocal } from '../../cli/local-time.js';
import { parseRepeat } from '../../cli/schedule.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.js';
import {
  addDays,
  at,
  chinaTimeOf,
  clockChanges,
  day,
  isoIn,
  momentOf,
  nextYear,
  nthWeekday,
  onOrAfter,
  weekdayOf,
} from './support/dates.js';
import { umeet } from './support/umeet-cli.js';

// `umeet schedule`, `upcoming` and `cancel` as scripts run them (the program in this process, with an
// environment and a zone of its own: support/umeet-cli.ts) against a real sandbox (one per test: they fill its rooms), in New York (a start that is the next day in China,
// a series across the US change to summer time on 14 March 2027) and in Shanghai. The .ics is read
// back with ical.js, a parser independent of the generator that wrote it.

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});
const folder = mkdtempSync(join(tmpdir(), 'umeet-schedule-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function sandboxWith(licence: Record<string, number> = { 10: 2, 25: 2 }, options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ licence, ...options });
  started.push(sandbox);
  return sandbox;
}

const NEW_YORK = { TZ: 'America/New_York' };
const SHANGHAI = { TZ: 'Asia/Shanghai' };
const sent = (sandbox: Sandbox, path = '/umeeting/share/schedule') => sandbox.requests.filter((r) => r.path === path);
const base = (start: string) => ['schedule', '--topic', 'Weekly sync', '--capacity', '20', '--start', start, '--duration', '60'];

/** The moments of the calendar file's event, as ical.js expands it. */
function icsMoments(file: string): { starts: string[]; minutes: number; summary: string; description: string } {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const iterator = event.iterator();
  const starts: string[] = [];
  for (let next = iterator.next(); next && starts.length < 60; next = iterator.next()) starts.push(next.toJSDate().toISOString());
  return { starts, minutes: event.duration.toSeconds() / 60, summary: event.summary, description: event.description };
}
const utc = (iso: string) => new Date(iso).toISOString();

// Dates from the clock: next year's, so every one is in the future whenever the suite runs.
const Y = nextYear();
const NY = 'America/New_York';
const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
/** Next year's first Monday from 4 January (a working week in January, far from any clock change). */
const MONDAY = onOrAfter(day(Y, 1, 4), 'mon');
/** New York's change to summer time next year (a Sunday). */
const [NY_SPRING] = clockChanges(NY, Y) as [string];

describe('umeet schedule', () => {
  it('New York, one meeting: the local moment sent as China time (the next day there), start from what was sent', async () => {
    const sandbox = await sandboxWith();
    const date = day(Y, 1, 12);
    const run = await umeet(sandbox, [...base(at(date, '20:00')), '--json'], NEW_YORK);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(run.stdout);
    expect(json).toEqual({
      meeting_id: expect.stringMatching(/^\d+$/),
      topic: 'Weekly sync',
      join_url: `${sandbox.url}/j/${json.meeting_id}`,
      start: `${date}T20:00:00-05:00`,
      duration: 60,
      host_key: expect.stringMatching(/^\d{6}$/),
    });
    expect(sent(sandbox)[0]?.fields).toMatchObject({ start_time: `${addDays(date, 1)} 09:00:00`, duration: '60', meeting_capacity: '20' });
    expect(sent(sandbox)[0]?.fields).not.toHaveProperty('recurrence_type');
  });

  it('New York, weekly on Monday at 20:00 across the change to summer time: told before booking, nothing sent, exit 2', async () => {
    const sandbox = await sandboxWith();
    const monday = addDays(NY_SPRING, -6);
    const run = await umeet(sandbox, [...base(at(monday, '20:00')), '--repeat', 'weekly:mon', '--times', '3', '--json'], NEW_YORK);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      `umeet: not-as-asked: the service would not book this series as asked: meeting 2: asked Mon ${addDays(monday, 7)} 20:00, ` +
        `would be Mon ${addDays(monday, 7)} 21:00 (America/New_York, UTC−4): Beijing keeps no daylight saving time, so the service ` +
        'holds every meeting at 09:00 Beijing time; add --as-booked-in-beijing to book it as the service would, or --one-by-one to ' +
        'book the 3 meetings each on its own at 20:00 your time; or choose another --start\n',
    );
    expect(sandbox.requests).toHaveLength(0);
  });

  it('New York, the same series --as-booked-in-beijing: Tuesday 09:00 in China, 21:00 here after the change; told as not as asked', async () => {
    const sandbox = await sandboxWith();
    const ics = join(folder, 'weekly.ics');
    const monday = addDays(NY_SPRING, -6);
    const run = await umeet(
      sandbox,
      [...base(at(monday, '20:00')), '--repeat', 'weekly:mon', '--times', '3', '--as-booked-in-beijing', '--ics', ics, '--json'],
      NEW_YORK,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `umeet: warning: the service booked other meetings than asked: 3 meetings for 3; meeting 2: asked Mon ${addDays(monday, 7)} 20:00, ` +
        `booked Mon ${addDays(monday, 7)} 21:00 (America/New_York, UTC−4)\n`,
    );
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      start: `${monday}T20:00:00-05:00`,
      repeat: 'every week on Tuesday, 3 times, at 09:00 Beijing time (UTC+8)',
      // The series runs on China's clock, which does not change: 21:00 in New York after the change.
      occurrences: [`${monday}T20:00:00-05:00`, `${addDays(monday, 7)}T21:00:00-04:00`, `${addDays(monday, 14)}T21:00:00-04:00`],
      occurrences_as_asked: false,
    });
    // Tuesday in China is day 3 (1 = Sunday).
    expect(sent(sandbox)[0]?.fields).toMatchObject({
      start_time: `${addDays(monday, 1)} 09:00:00`,
      recurrence_type: '2',
      weekly_days: '3',
      end_times: '3',
    });
    const read = icsMoments(ics);
    expect(read.starts).toEqual(json.occurrences.map(utc));
    expect(read).toMatchObject({ minutes: 60, summary: 'Weekly sync' });
    expect(read.description).toContain('You are invited to a meeting: Weekly sync');
    expect(read.description).toContain('Repeats: every week on Tuesday, 3 times, at 09:00 Beijing time (UTC+8)');
  });

  it('New York, the same series --one-by-one: three meetings, each at 20:00 here; one calendar file with each', async () => {
    const sandbox = await sandboxWith();
    const ics = join(folder, 'one-by-one.ics');
    const monday = addDays(NY_SPRING, -6);
    const mondays = [monday, addDays(monday, 7), addDays(monday, 14)];
    const run = await umeet(
      sandbox,
      [...base(at(monday, '20:00')), '--repeat', 'weekly:mon', '--times', '3', '--one-by-one', '--ics', ics, '--json'],
      NEW_YORK,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(run.stdout);
    const starts = mondays.map((d) => isoIn(NY, momentOf(NY, d, '20:00')));
    expect(json).toMatchObject({
      booked_one_by_one: true,
      occurrences: starts,
      occurrences_as_asked: true,
      repeat: 'every week on Monday, 3 times',
    });
    expect(json.meetings.map((m: { start: string }) => m.start)).toEqual(starts);
    expect(json.meeting_id).toBe(json.meetings[0].meeting_id);
    expect(new Set(json.meetings.map((m: { meeting_id: string }) => m.meeting_id)).size).toBe(3);
    // Three single meetings, each sent once, each at 20:00 New York time in China time; no series fields.
    expect(sent(sandbox).map((r) => r.fields.start_time)).toEqual(mondays.map((d) => chinaTimeOf(momentOf(NY, d, '20:00'))));
    expect(sent(sandbox).every((r) => r.fields.recurrence_type === undefined)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(ics, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(starts.map(utc));
    expect(events[0]!.description).toContain('3 meetings, each with its own meeting ID and link');
    // For people: a line each.
    const human = await umeet(
      sandbox,
      [...base(at(addDays(monday, 21), '20:00')), '--repeat', 'weekly:mon', '--times', '2', '--one-by-one'],
      NEW_YORK,
    );
    expect(human.stdout).toMatch(/^Meetings: 2, each booked on its own \(its own meeting ID and link\)$/m);
    expect(human.stdout).toMatch(new RegExp(`^Mon ${addDays(monday, 21)} 20:00  \\d{10}  ${sandbox.url}/j/\\d{10}$`, 'm'));
  });

  it('--one-by-one: a refusal after the first stops the rest; those booked are printed, one error line, exit 1', async () => {
    const sandbox = await sandboxWith({ 25: 1 });
    const monday = addDays(NY_SPRING, -6);
    // The second Monday's room is taken.
    sandbox.book({ capacity: 25, start: momentOf(NY, addDays(monday, 7), '20:00'), duration: 60 });
    const run = await umeet(
      sandbox,
      [...base(at(monday, '20:00')), '--repeat', 'weekly:mon', '--times', '3', '--one-by-one', '--json'],
      NEW_YORK,
    );
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ complete: false, occurrences_as_asked: false, booked_one_by_one: true });
    expect(json.meetings).toHaveLength(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^umeet: rejected: meeting 2 of 3 not booked; the 1 before it stay booked \\(umeet cancel ${json.meeting_id}\\): no room of that size is free for that time \\(.*会议室\\)\\n$`,
      ),
    );
    // Nothing after the refusal is sent, and nothing twice.
    expect(sent(sandbox)).toHaveLength(2);
  });

  it.each([
    ['Los Angeles', LA, '18:00'],
    ['Berlin', BERLIN, '19:00'],
  ])(
    '%s, monthly on the 2nd Tuesday for a year: told before booking; --one-by-one books every 2nd Tuesday at the local time, across both changes',
    async (_city, zone, time) => {
      const sandbox = await sandboxWith({ 10: 20 });
      const tuesdays = Array.from({ length: 12 }, (_, m) => nthWeekday(Y, m + 1, 2, 'tue')!);
      const args = [...base(at(tuesdays[0]!, time)), '--capacity', '10', '--repeat', 'monthly:2nd-tue', '--times', '12'];
      const told = await umeet(sandbox, [...args, '--json'], { TZ: zone });
      expect(told).toMatchObject({ code: 2, stdout: '' });
      expect(told.stderr).toMatch(/^umeet: not-as-asked: the service would not book this series as asked: meeting \d+: asked Tue /);
      expect(told.stderr).toContain('Beijing keeps no daylight saving time');
      expect(sandbox.requests).toHaveLength(0);

      const run = await umeet(sandbox, [...args, '--one-by-one', '--json'], { TZ: zone });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const json = JSON.parse(run.stdout);
      const asked = tuesdays.map((d) => isoIn(zone, momentOf(zone, d, time)));
      expect(json.occurrences).toEqual(asked);
      expect(json.occurrences_as_asked).toBe(true);
      // What the service holds: each meeting at the moment asked, whatever the offset that day.
      const held = sent(sandbox).map((r) => r.fields.start_time);
      expect(held).toEqual(tuesdays.map((d) => chinaTimeOf(momentOf(zone, d, time))));
      const [spring, autumn] = clockChanges(zone, Y) as [string, string];
      // Both changes are crossed: meetings before, between and after them.
      expect(tuesdays.some((d) => d < spring) && tuesdays.some((d) => d > spring && d < autumn) && tuesdays.some((d) => d > autumn)).toBe(
        true,
      );
    },
  );

  it('Los Angeles, monthly on the 2nd Tuesday at 18:00: the 2nd Wednesday in Beijing books 1st Tuesdays where a month begins on a Wednesday', async () => {
    const sandbox = await sandboxWith({ 10: 20 });
    const tuesdays = Array.from({ length: 12 }, (_, m) => nthWeekday(Y, m + 1, 2, 'tue')!);
    const run = await umeet(
      sandbox,
      [
        ...base(at(tuesdays[0]!, '18:00')),
        '--capacity',
        '10',
        '--repeat',
        'monthly:2nd-tue',
        '--times',
        '12',
        '--as-booked-in-beijing',
        '--json',
      ],
      { TZ: LA },
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.occurrences_as_asked).toBe(false);
    expect(json.repeat).toBe('every month on the 2nd Wednesday, 12 times, at 10:00 Beijing time (UTC+8)');
    expect(sent(sandbox)[0]?.fields).toMatchObject({ recurrence_type: '3', monthly_week: '2', monthly_week_day: '4' });
    // Every meeting the service booked that is not on a 2nd Tuesday here is on the day before a month's 2nd Wednesday in Beijing.
    const localDays = (json.occurrences as string[]).map((iso) => iso.slice(0, 10));
    const offDay = localDays.filter((d) => !tuesdays.includes(d));
    const monthsStartingWednesday = Array.from({ length: 12 }, (_, m) => day(Y, m + 1, 1)).filter((d) => weekdayOf(d) === 3);
    expect(offDay).toEqual(monthsStartingWednesday.map((first) => addDays(first, 6)));
    expect(run.stderr).toMatch(/^umeet: warning: the service booked other meetings than asked: 12 meetings for 12; meeting \d+: /);
  });

  it('Shanghai, daily until a date: end_date_time is the last second of that day; a few lines for people', async () => {
    const sandbox = await sandboxWith();
    const run = await umeet(sandbox, [...base(at(MONDAY, '09:00')), '--repeat', 'daily', '--until', addDays(MONDAY, 2)], SHANGHAI);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(sent(sandbox)[0]?.fields).toMatchObject({
      start_time: `${MONDAY} 09:00:00`,
      recurrence_type: '1',
      daily_type: '1',
      end_date_time: `${addDays(MONDAY, 2)} 23:59:59`,
    });
    const id = sandbox.state.meetings.keys().next().value!;
    expect(run.stdout).toBe(
      [
        'Topic: Weekly sync',
        `Time: ${MONDAY} 09:00–10:00 (Asia/Shanghai, UTC+8)`,
        `Repeats: every day, until ${addDays(MONDAY, 2)}`,
        'Meetings: 3',
        `Meeting ID: ${id}`,
        `Join link: ${sandbox.url}/j/${id}`,
        '',
      ].join('\n'),
    );
    expect(run.stdout).not.toMatch(/zak|Host link|Token/);
  });

  const FRIDAY = addDays(MONDAY, 4);
  const MONTHLY_15 = day(Y, 1, 15);
  const tuesday2 = (month: number) => nthWeekday(Y, month, 2, 'tue')!;
  it.each([
    ['weekdays', FRIDAY, { recurrence_type: '1', daily_type: '2' }, [FRIDAY, addDays(FRIDAY, 3), addDays(FRIDAY, 4)]],
    ['weekly:mon,wed', MONDAY, { recurrence_type: '2', weekly_days: '2,4' }, [MONDAY, addDays(MONDAY, 2), addDays(MONDAY, 7)]],
    ['monthly:15', MONTHLY_15, { recurrence_type: '3', monthly_day: '15' }, [MONTHLY_15, day(Y, 2, 15), day(Y, 3, 15)]],
    ['monthly:2nd-tue', tuesday2(1), { recurrence_type: '3', monthly_week: '2', monthly_week_day: '3' }, [1, 2, 3].map(tuesday2)],
  ])('Shanghai, --repeat %s: the fields sent, the meetings booked as asked', async (repeat, start, fields, days) => {
    const sandbox = await sandboxWith();
    const run = await umeet(sandbox, [...base(at(start, '09:00')), '--repeat', repeat, '--times', '3', '--json'], SHANGHAI);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(sent(sandbox)[0]?.fields).toMatchObject({ ...fields, end_times: '3' });
    const json = JSON.parse(run.stdout);
    expect(json.occurrences).toEqual(days.map((d) => `${d}T09:00:00+08:00`));
    expect(json.occurrences_as_asked).toBe(true);
  });

  it('a service that reads the days otherwise: one warning line, "occurrences_as_asked": false, exit 0', async () => {
    const sandbox = await sandboxWith({ 25: 1 }, { firstWeekday: 'monday' });
    const run = await umeet(sandbox, [...base(at(MONDAY, '09:00')), '--repeat', 'weekly:mon', '--times', '2', '--json'], SHANGHAI);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `umeet: warning: the service booked other meetings than asked: 2 meetings for 2; meeting 1: asked Mon ${MONDAY} 09:00, booked Tue ${addDays(MONDAY, 1)} 09:00 (Asia/Shanghai, UTC+8)\n`,
    );
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      occurrences_as_asked: false,
      occurrences: [`${addDays(MONDAY, 1)}T09:00:00+08:00`, `${addDays(MONDAY, 8)}T09:00:00+08:00`],
    });
  });

  it('--ics in Chinese when LANG says zh; the series the service booked; --reveal-secrets adds start_url and token', async () => {
    const sandbox = await sandboxWith();
    const ics = join(folder, 'zh.ics');
    const args = [...base(at(MONDAY, '09:00')), '--repeat', 'weekdays', '--times', '2', '--ics', ics, '--password', 'abc123', '--json'];
    const run = await umeet(sandbox, [...args, '--reveal-secrets'], { ...SHANGHAI, LANG: 'zh_CN.UTF-8' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(run.stdout);
    expect(json.start_url).toMatch(/\?zak=eyJ/);
    expect(json.token).toEqual(expect.any(String));
    const read = icsMoments(ics);
    expect(read.description).toMatch(/^邀请您参加会议：Weekly sync\n/);
    expect(read.description).toContain('密码：abc123');
    expect(read.starts).toEqual([`${MONDAY}T01:00:00.000Z`, `${addDays(MONDAY, 1)}T01:00:00.000Z`]);
    expect(readFileSync(ics, 'utf8')).not.toMatch(/zak|host_key/);
  });

  it('a refusal is one line with the service’s message, exit 1, sent once; nothing written', async () => {
    const sandbox = await sandboxWith({ 25: 1 });
    sandbox.book({ capacity: 25, start: Date.parse(`${addDays(MONDAY, 1)}T09:30:00+08:00`), duration: 60 });
    const ics = join(folder, 'refused.ics');
    const run = await umeet(sandbox, [...base(at(MONDAY, '09:00')), '--repeat', 'daily', '--times', '3', '--ics', ics], SHANGHAI);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `umeet: rejected: no room of that size is free for that time (${addDays(MONDAY, 1)} 09:00:00 当前没有空闲的 25 方会议室)\n`,
    });
    expect(sent(sandbox)).toHaveLength(1);
    expect(() => readFileSync(ics)).toThrow();
  });

  it('a connection cut after sending is not retried', async () => {
    const sandbox = await sandboxWith();
    sandbox.inject({ kind: 'reset', path: '/umeeting/share/schedule' });
    const run = await umeet(sandbox, base(at(MONDAY, '09:00')), SHANGHAI);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^umeet: network: .*may have reached the server\n$/);
    expect(sent(sandbox)).toHaveLength(1);
  });

  const past = isoLocal(new Date(Date.now() - 86_400_000))
    .slice(0, 16)
    .replace('T', ' ');
  it.each([
    [['--duration', '30'], /^umeet: invalid-input: --duration: must be greater than 30 minutes\n$/],
    [['--start', '2020-01-06 09:00'], /^umeet: invalid-input: --start: 2020-01-06 09:00 is in the past/],
    [['--start', past], /^umeet: invalid-input: --start: .* is in the past/],
    [
      ['--start', at(NY_SPRING, '02:30')],
      new RegExp(`^umeet: invalid-input: --start: "${NY_SPRING} 02:30" is not a date and time that exists`),
    ],
    [
      ['--repeat', 'daily', '--times', '3', '--until', day(Y, 2, 1)],
      /^umeet: invalid-input: --times: give --times or --until, not both\n$/,
    ],
    [['--repeat', 'fortnightly', '--times', '3'], /^umeet: invalid-input: --repeat: must be daily, weekdays, .*not "fortnightly"\n$/],
    [['--repeat', 'weekly:mon,xyz', '--times', '3'], /^umeet: invalid-input: --repeat: must be/],
    [['--repeat', 'monthly:32', '--times', '3'], /^umeet: invalid-input: --repeat: must be/],
    [['--repeat', 'daily'], /^umeet: invalid-input: --repeat: a series needs an end: --times N or --until YYYY-MM-DD\n$/],
    [['--repeat', 'daily', '--times', '1'], /^umeet: invalid-input: --times: must be from 2 to 50, not 1\n$/],
    [['--repeat', 'daily', '--times', '51'], /^umeet: invalid-input: --times: must be from 2 to 50, not 51\n$/],
    [
      ['--repeat', 'daily', '--until', addDays(MONDAY, -1)],
      new RegExp(`^umeet: invalid-input: --until: ${addDays(MONDAY, -1)} is before the first meeting \\(${MONDAY}\\)\\n$`),
    ],
    [['--repeat', 'daily', '--until', `${Y}-02-30`], /^umeet: invalid-input: --until: must be a date "YYYY-MM-DD" that exists/],
    [['--times', '3'], /^umeet: invalid-input: --times: only a series has an end: give --repeat too\n$/],
    [
      ['--repeat', 'weekly:tue', '--times', '3'],
      new RegExp(
        `^umeet: invalid-input: --start: ${MONDAY} is a Monday, a day --repeat weekly:tue does not make: start on one it does\\n$`,
      ),
    ],
    [['--one-by-one'], /^umeet: invalid-input: --one-by-one: only a series is booked so: give --repeat too\n$/],
    [
      ['--repeat', 'daily', '--times', '3', '--one-by-one', '--as-booked-in-beijing'],
      /^umeet: invalid-input: --one-by-one: give --one-by-one or --as-booked-in-beijing, not both\n$/,
    ],
    [['--ics', '/nonexistent-folder/x.ics'], /^umeet: invalid-input: --ics: the folder \/nonexistent-folder does not exist\n$/],
  ])('exit 2 on bad input, the option named, nothing sent: %j', async (extra, stderr) => {
    const sandbox = await sandboxWith();
    const args = base(at(MONDAY, '09:00'));
    // A later --start or --duration replaces the one in `base`.
    const run = await umeet(sandbox, [...args, ...extra], NEW_YORK);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(stderr);
    expect(sandbox.requests).toHaveLength(0);
  });

  it.each(['--topic', '--capacity', '--start', '--duration'])('exit 2 when %s is missing, naming it, nothing sent', async (option) => {
    const sandbox = await sandboxWith();
    const args = base(at(MONDAY, '09:00'));
    const at_ = args.indexOf(option);
    args.splice(at_, 2);
    const run = await umeet(sandbox, args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(
      new RegExp(`^umeet: usage: required option '${option} <[a-z]+>' not specified \\(see umeet schedule --help\\)\\n$`),
    );
    expect(sandbox.requests).toHaveLength(0);
  });

  it('--repeat forms read as the recurrence of common/schedule.ts', () => {
    expect(parseRepeat('Weekly:MON,wed')).toEqual({ ok: true, value: { kind: 'weekly', days: ['mon', 'wed'] } });
    expect(parseRepeat('monthly:5th-fri')).toEqual({ ok: true, value: { kind: 'monthly-weekday', week: 5, day: 'fri' } });
    expect(parseRepeat('monthly:6th-fri').ok).toBe(false);
  });
});

describe('umeet upcoming', () => {
  it('every page of the list: scheduled meetings not yet started, soonest first, on the local clock', async () => {
    const { isoIn, momentOf, nextYear, nthWeekday } = await import('./support/dates.js');
    const sandbox = await sandboxWith({ 10: 200 });
    const hour = 3600_000;
    // Next year's first Monday, 09:00 in China: the Sunday evening before in New York (winter time, UTC-5).
    const soon = momentOf('Asia/Shanghai', nthWeekday(nextYear(), 1, 1, 'mon')!, '09:00');
    const newYork = isoIn('America/New_York', soon);
    // 104 bookings (two pages of 100), an instant meeting, and one already started.
    for (let i = 103; i >= 0; i -= 1) sandbox.book({ capacity: 10, start: soon + i * hour, duration: 45, topic: `会 ${i}` });
    sandbox.state.create({ topic: 'now', meeting_capacity: '10' });
    const running = sandbox.book({ capacity: 10, start: sandbox.clock.now(), duration: 60 });
    sandbox.join(running.ok ? running.value.id : '');
    const run = await umeet(sandbox, ['upcoming', '--json'], NEW_YORK);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const rows = JSON.parse(run.stdout);
    expect(rows).toHaveLength(104);
    expect(newYork).toMatch(/T20:00:00-05:00$/);
    expect(rows[0]).toEqual({
      meeting_id: expect.any(String),
      topic: '会 0',
      start: newYork,
      duration: 45,
      join_url: expect.stringContaining('/j/'),
    });
    expect(rows.at(-1).topic).toBe('会 103');
    expect(sent(sandbox, '/umeeting/share/list').map((r) => r.fields.page_number)).toEqual(['1', '2']);
    const human = await umeet(sandbox, ['upcoming'], NEW_YORK);
    const lines = human.stdout.split('\n');
    expect(lines[0]).toBe('Upcoming meetings (times in America/New_York, UTC−5):');
    expect(lines[1]).toMatch(/^Start {13}Length {2}Meeting ID {2}Topic$/);
    expect(lines[2]).toMatch(new RegExp(`^${newYork.slice(0, 10)} 20:00 {2}45 min {2}\\d{10} {2}会 0$`));
  });

  it('for people: the header names the zone and the offset the times are at; across a change of the clocks, each time’s', async () => {
    const { day, isoIn, momentOf, nextYear } = await import('./support/dates.js');
    const sandbox = await sandboxWith({ 10: 2 });
    // Next year in New York: a meeting in January (winter time, UTC-5) and one in July (summer time, UTC-4),
    // whatever the offset is on the day the test runs.
    const winter = momentOf('Asia/Shanghai', day(nextYear(), 1, 6), '09:00');
    const summer = momentOf('Asia/Shanghai', day(nextYear(), 7, 6), '09:00');
    sandbox.book({ capacity: 10, start: winter, duration: 45, topic: 'winter' });
    sandbox.book({ capacity: 10, start: summer, duration: 45, topic: 'summer' });
    const human = await umeet(sandbox, ['upcoming'], NEW_YORK);
    expect(human).toMatchObject({ code: 0, stderr: '' });
    const lines = human.stdout.split('\n');
    // The zone alone in the header, each time with its own offset.
    expect(lines[0]).toBe('Upcoming meetings (times in America/New_York):');
    expect(lines[2]).toMatch(new RegExp(`^${isoIn('America/New_York', winter).slice(0, 10)} 20:00 UTC−5 .* winter$`));
    expect(lines[3]).toMatch(new RegExp(`^${isoIn('America/New_York', summer).slice(0, 10)} 21:00 UTC−4 .* summer$`));
  });

  it('none: an empty array, or a sentence', async () => {
    const sandbox = await sandboxWith();
    expect(await umeet(sandbox, ['upcoming', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect((await umeet(sandbox, ['upcoming'])).stdout).toBe('No upcoming scheduled meetings.\n');
  });
});

describe('umeet cancel', () => {
  it('deletes the series and frees its rooms; JSON says so; a refusal is the service’s message, exit 1', async () => {
    const { addDays, momentOf, nextYear, nthWeekday } = await import('./support/dates.js');
    const sandbox = await sandboxWith({ 25: 1 });
    // Daily from next year's first Monday, three times: the third is on the Wednesday.
    const monday = nthWeekday(nextYear(), 1, 1, 'mon')!;
    const third = momentOf('Asia/Shanghai', addDays(monday, 2), '09:00');
    const booked = await umeet(sandbox, [...base(`${monday} 09:00`), '--repeat', 'daily', '--times', '3', '--json'], SHANGHAI);
    const id = JSON.parse(booked.stdout).meeting_id as string;
    expect(sandbox.state.rooms(25, { from: third, to: third + 3600_000 }).free).toBe(0);
    expect(await umeet(sandbox, ['cancel', id, '--json'])).toEqual({
      code: 0,
      stdout: `{"meeting_id":"${id}","cancelled":true}\n`,
      stderr: '',
    });
    expect(sandbox.state.rooms(25, { from: third, to: third + 3600_000 }).free).toBe(1);
    expect(await umeet(sandbox, ['cancel', id])).toEqual({ code: 1, stdout: '', stderr: 'umeet: rejected: 会议不存在\n' });
  });

  it('for people: one line; a connection cut after sending is not retried', async () => {
    const sandbox = await sandboxWith();
    // A meeting booked for a day from now.
    const id = sandbox.book({ capacity: 10, start: sandbox.clock.now() + 86_400_000 });
    const meetingId = id.ok ? id.value.id : '';
    sandbox.inject({ kind: 'reset', path: '/umeeting/share/delete' });
    const cut = await umeet(sandbox, ['cancel', meetingId]);
    expect(cut.code).toBe(1);
    expect(sent(sandbox, '/umeeting/share/delete')).toHaveLength(1);
    expect(await umeet(sandbox, ['cancel', 'not a meeting'])).toMatchObject({ code: 2 });
    expect(sent(sandbox, '/umeeting/share/delete')).toHaveLength(1);
  });

  it('--help of each new command documents its options, JSON and exit codes; umeet --help lists them', async () => {
    const sandbox = await sandboxWith();
    const root = await umeet(sandbox, ['--help']);
    for (const name of ['schedule', 'upcoming', 'cancel']) expect(root.stdout).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
    const schedule = await umeet(sandbox, ['schedule', '--help']);
    expect(schedule.code).toBe(0);
    for (const flag of [
      '--topic',
      '--capacity',
      '--start',
      '--duration',
      '--password',
      '--waiting-room',
      '--host-name',
      '--repeat',
      '--times',
      '--until',
      '--ics',
      '--json',
      '--reveal-secrets',
      '--user-key',
      '--recording',
      '--mute-on-entry',
      '--no-mute-on-entry',
      '--host-video',
      '--participants-video',
      '--join-before-host',
      '--live-streaming',
    ])
      expect(schedule.stdout).toMatch(new RegExp(`^\\s+${flag}\\b`, 'm'));
    for (const command of ['schedule', 'upcoming', 'cancel']) {
      const help = await umeet(sandbox, [command, '--help']);
      expect(help.stdout).toContain('JSON:');
      expect(help.stdout).toContain('Exit codes');
    }
  });
});
