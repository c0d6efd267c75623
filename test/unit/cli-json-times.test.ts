import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServiceTime } from '../../common/service-time.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { addDays, chinaTimeOf, clockChanges, isoIn, momentOf, nextYear, nthWeekday } from './support/dates.js';
import { umeet } from './support/umeet-cli.js';

// Every time in `umeet … --json` is ISO-8601 with an offset: the local one (TZ honoured), as `upcoming` and
// `schedule` always did, or Z where the command says UTC (participants). `list` and `info` passed the service's
// China time through without an offset; they no longer do.

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});
async function sandbox() {
  const s = await startSandbox({ licence: { 25: 4 } });
  started.push(s);
  return s;
}

const NEW_YORK = 'America/New_York';
const env = { TZ: NEW_YORK };
const [spring] = clockChanges(NEW_YORK, nextYear()) as [string, string];
const winter = momentOf(NEW_YORK, addDays(spring, -2), '10:00');
const summer = momentOf(NEW_YORK, addDays(spring, 2), '10:00');

/** Something shaped like a date and a time. */
const TIME_LIKE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;

/** Every string in a JSON value that reads as a time, with where it is. */
function timesIn(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return TIME_LIKE.test(value) ? [[at, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => timesIn(item, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => timesIn(item, `${at}.${key}`));
  return [];
}

describe('umeet --json', () => {
  it('list: start_time in ISO-8601 with the offset of each time, on both sides of a clock change', async () => {
    const s = await sandbox();
    s.book({ capacity: 25, start: winter, duration: 60, topic: 'Winter' });
    s.book({ capacity: 25, start: summer, duration: 60, topic: 'Summer' });
    const run = await umeet(s, ['list', '--json'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const page = JSON.parse(run.stdout) as { meetings: { topic: string; start_time: string }[] };
    expect(page.meetings.map((m) => [m.topic, m.start_time])).toEqual([
      ['Winter', isoIn(NEW_YORK, winter)],
      ['Summer', isoIn(NEW_YORK, summer)],
    ]);
    expect(isoIn(NEW_YORK, winter)).toMatch(/-05:00$/);
    expect(isoIn(NEW_YORK, summer)).toMatch(/-04:00$/);
  });

  it('info: start_time in ISO-8601 with its offset', async () => {
    const s = await sandbox();
    const booked = s.book({ capacity: 25, start: summer, duration: 60, topic: 'Summer' });
    const id = booked.ok ? booked.value.id : '';
    const json = JSON.parse((await umeet(s, ['info', id, '--json'], env)).stdout);
    expect(json.start_time).toBe(isoIn(NEW_YORK, summer));
    // For people, as before: the local clock, the zone named.
    expect((await umeet(s, ['info', id], env)).stdout).toContain(
      `Starts: ${isoIn(NEW_YORK, summer).slice(0, 16).replace('T', ' ')} (America/New_York, UTC−4)`,
    );
  });

  it('no command prints a time without an offset', async () => {
    const s = await sandbox();
    const day = nthWeekday(nextYear(), 1, 2, 'tue')!;
    const instant = JSON.parse((await umeet(s, ['instant', '--topic', 'Now', '--capacity', '25', '--json'], env)).stdout);
    s.join(instant.meeting_id, { name: 'Ann' });
    const series = ['schedule', '--topic', 'Series', '--capacity', '25', '--start', `${day} 10:00`, '--duration', '60'];
    const outputs: Record<string, unknown> = {
      instant,
      schedule: JSON.parse((await umeet(s, [...series, '--repeat', 'daily', '--times', '3', '--json'], env)).stdout),
      info: JSON.parse((await umeet(s, ['info', instant.meeting_id, '--json'], env)).stdout),
      list: JSON.parse((await umeet(s, ['list', '--json'], env)).stdout),
      upcoming: JSON.parse((await umeet(s, ['upcoming', '--json'], env)).stdout),
      participants: JSON.parse((await umeet(s, ['participants', instant.meeting_id, '--json'], env)).stdout),
      licence: JSON.parse((await umeet(s, ['licence', '--json'], env)).stdout),
      rooms: JSON.parse((await umeet(s, ['rooms', '--json'], env)).stdout),
    };
    const times = timesIn(outputs);
    // Enough to mean something: the list's and upcoming's starts, the series, a participant's join.
    expect(times.length).toBeGreaterThanOrEqual(8);
    for (const [where, time] of times) expect(`${where} ${time}`).toMatch(new RegExp(`^\\S+ ${WITH_OFFSET.source.slice(1)}`));
  });

  it('licence: an expire_date the service gives in China time is read as one', async () => {
    const expires = momentOf(NEW_YORK, addDays(spring, 10), '11:00');
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ status: 200, message: 'OK', data: { payType: '1', expire_date: chinaTimeOf(expires), capacity: { 25: 1 } } }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = await umeet({ url, credentials: { apiKey: 'k', apiSecret: 'secret-1' } }, ['licence', '--json'], env);
      expect(JSON.parse(run.stdout)).toEqual({ payType: '1', expire_date: isoIn(NEW_YORK, expires), capacity: { 25: 1 } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('the help says so', async () => {
    const s = await sandbox();
    for (const command of ['list', 'info', 'instant', 'licence']) {
      const help = (await umeet(s, [command, '--help'])).stdout.replace(/\s+/g, ' ');
      expect(help).toContain('Times in --json are ISO-8601 with an offset');
    }
  });
});

describe('parseServiceTime', () => {
  it('reads the service’s two forms of time, and nothing else as a time', () => {
    expect(parseServiceTime('2027-01-04 09:00:00')?.toISOString()).toBe('2027-01-04T01:00:00.000Z');
    expect(parseServiceTime('2027-01-04T01:00:00Z')?.toISOString()).toBe('2027-01-04T01:00:00.000Z');
    expect(parseServiceTime('2027-01-04T09:00:00+08:00')?.toISOString()).toBe('2027-01-04T01:00:00.000Z');
    // The schedule answer's documented start_time; V8's Date reads it as July 2001.
    expect(parseServiceTime('7')).toBeUndefined();
    expect(parseServiceTime('tomorrow')).toBeUndefined();
  });
});
