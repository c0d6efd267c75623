import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { addDays, clockChanges, momentOf, nextYear, nthWeekday } from './support/dates.js';
import { umeet } from './support/umeet-cli.js';

// One way to name a time zone across `umeet` (common/schedule-words.ts zoneName): rooms, info, list, upcoming,
// participants, schedule and the .ics invitation say the same. A list names its times' zone, with the offset
// when they share one; when summer and winter times are listed together, each time says its own offset.

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});
const folder = mkdtempSync(join(tmpdir(), 'umeet-zones-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function sandbox() {
  const s = await startSandbox({ licence: { 25: 4 } });
  started.push(s);
  return s;
}

const NEW_YORK = 'America/New_York';
const year = nextYear();
/** Next year's change to summer time in New York, and a day on each side of it. */
const [spring] = clockChanges(NEW_YORK, year) as [string, string];
const winterDay = addDays(spring, -2);
const summerDay = addDays(spring, 2);

/** The zone the CLI's process has with TZ unset: the machine's own (UTC on servers and CI). */
const unsetZone = execFileSync(process.execPath, ['-e', 'process.stdout.write(Intl.DateTimeFormat().resolvedOptions().timeZone)'], {
  env: { PATH: process.env.PATH ?? '' },
}).toString();

/** The zone named in parentheses at the end of a line: `(… (UTC))` → `UTC`. */
const lastParenthesis = (line: string) => /\(([^()]*)\)\)?:?$/.exec(line.trim())?.[1];

describe('with TZ unset (or empty)', () => {
  it.each([{}, { TZ: '' }] as Record<string, string>[])(
    '%j: rooms, info, list, upcoming, schedule and the .ics invitation name the zone alike',
    async (env) => {
      const s = await sandbox();
      const start = nthWeekday(year, 1, 2, 'tue')!;
      const ics = join(folder, `unset-${Object.keys(env).length}.ics`);
      const booked = await umeet(
        s,
        ['schedule', '--topic', 'Sync', '--capacity', '25', '--start', `${start} 10:00`, '--duration', '60', '--ics', ics],
        env,
      );
      expect(booked).toMatchObject({ code: 0, stderr: '' });
      const id = /^Meeting ID: (\d+)$/m.exec(booked.stdout)![1]!;
      const labels = {
        schedule: lastParenthesis(/^Time: .*$/m.exec(booked.stdout)![0]),
        rooms: lastParenthesis((await umeet(s, ['rooms', '--at', `${start} 09:00`], env)).stdout.split('\n')[0]!),
        info: lastParenthesis(/^Starts: .*$/m.exec((await umeet(s, ['info', id], env)).stdout)![0]),
        list: lastParenthesis((await umeet(s, ['list'], env)).stdout.trim().split('\n').at(-1)!)?.replace(/^times in /, ''),
        upcoming: lastParenthesis((await umeet(s, ['upcoming'], env)).stdout.split('\n')[0]!)?.replace(/^times in /, ''),
        ics: lastParenthesis(
          new ICAL.Event(new ICAL.Component(ICAL.parse(readFileSync(ics, 'utf8'))).getFirstSubcomponent('vevent')!).description
            .split('\n')
            .find((line) => line.includes(' 10:00–11:00'))!,
        ),
      };
      const zone = 'TZ' in env || ['UTC', 'Etc/UTC'].includes(unsetZone) ? 'UTC' : undefined;
      expect(new Set(Object.values(labels)).size).toBe(1);
      if (zone) expect(labels).toEqual({ schedule: zone, rooms: zone, info: zone, list: zone, upcoming: zone, ics: zone });
      for (const label of Object.values(labels)) expect(label).not.toMatch(/UTC, UTC|UTC\+00:00|Unknown/);
    },
  );
});

describe('with TZ=America/New_York, times on both sides of the change to summer time', () => {
  const env = { TZ: NEW_YORK };
  const book = (s: Sandbox, day: string, topic: string) =>
    s.book({ capacity: 25, start: momentOf(NEW_YORK, day, '10:00'), duration: 60, topic });

  it('list and upcoming: the zone named without an offset, each time with its own', async () => {
    const s = await sandbox();
    book(s, winterDay, 'Winter');
    book(s, summerDay, 'Summer');
    const list = (await umeet(s, ['list'], env)).stdout.trim().split('\n');
    expect(list.at(-1)).toBe('(times in America/New_York)');
    expect(list.find((l) => l.includes('Winter'))).toContain(`${winterDay} 10:00 UTC−5`);
    expect(list.find((l) => l.includes('Summer'))).toContain(`${summerDay} 10:00 UTC−4`);
    const upcoming = (await umeet(s, ['upcoming'], env)).stdout.split('\n');
    expect(upcoming[0]).toBe('Upcoming meetings (times in America/New_York):');
    expect(upcoming[2]).toMatch(new RegExp(`^${winterDay} 10:00 UTC−5 +60 min`));
    expect(upcoming[3]).toMatch(new RegExp(`^${summerDay} 10:00 UTC−4 +60 min`));
  });

  it('list: times that share an offset are listed under it, and it is theirs, not today’s', async () => {
    const s = await sandbox();
    book(s, summerDay, 'Summer');
    book(s, addDays(summerDay, 1), 'Later');
    const list = (await umeet(s, ['list'], env)).stdout.trim().split('\n');
    expect(list.at(-1)).toBe('(times in America/New_York, UTC−4)');
    expect(list.find((l) => l.includes('Summer'))).toMatch(new RegExp(`  ${summerDay} 10:00  `));
  });

  it('participants: one who joined in winter, one in summer', async () => {
    const s = await sandbox();
    // A meeting without a duration, in progress from a winter noon: it runs on into the summer.
    s.clock.advance(momentOf(NEW_YORK, winterDay, '12:00') - s.clock.now());
    const created = s.state.create({ topic: 'Long one', meeting_capacity: '25' });
    if (!created.ok) throw new Error(created.message);
    const id = created.value.id;
    s.join(id, { name: 'Ann' });
    s.clock.advance(momentOf(NEW_YORK, summerDay, '12:00') - s.clock.now());
    s.join(id, { name: 'Bo' });
    const run = await umeet(s, ['participants', id], env);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`Meeting ${id}: 2 participants (times in America/New_York):`);
    expect(lines.find((l) => l.startsWith('Ann'))).toContain(`${winterDay} 12:00 UTC−5`);
    expect(lines.find((l) => l.startsWith('Bo'))).toContain(`${summerDay} 12:00 UTC−4`);
  });

  it('rooms, info and schedule name the offset of the time they show', async () => {
    const s = await sandbox();
    const rooms = (await umeet(s, ['rooms', '--at', `${summerDay} 09:00`], env)).stdout.split('\n')[0];
    expect(rooms).toBe(`Free rooms from ${summerDay} 09:00 for 60 minutes (America/New_York, UTC−4):`);
    const booked = await umeet(
      s,
      ['schedule', '--topic', 'Sync', '--capacity', '25', '--start', `${winterDay} 10:00`, '--duration', '60'],
      env,
    );
    expect(booked.stdout).toContain(`Time: ${winterDay} 10:00–11:00 (America/New_York, UTC−5)`);
    const id = /^Meeting ID: (\d+)$/m.exec(booked.stdout)![1]!;
    expect((await umeet(s, ['info', id], env)).stdout).toContain(`Starts: ${winterDay} 10:00 (America/New_York, UTC−5)`);
  });
});
