import { afterEach, describe, expect, it } from 'vitest';
import { csvField } from '../../core/usage/csv.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { holdMeetings } from './support/held-meetings.js';
import { umeet } from './support/umeet-cli.js';

// `umeet usage` as scripts run it (issue 31; in this process: support/umeet-cli.ts) against a sandbox that held
// meetings, in Berlin's zone (dates are the user's; the service's are China's, and Berlin changes its
// clocks on 31 March 2030).

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});
const TZ = { TZ: 'Europe/Berlin' };
const DETAIL = '/umeeting/share/detail';

async function heldSandbox() {
  const sandbox = await startSandbox({ licence: { 10: 1, 25: 1 }, clockStart: Date.parse('2030-02-20T08:00:00+01:00'), extraRooms: true });
  started.push(sandbox);
  // 20 February 09:00 Berlin: two at once in the one room of 10 (the second beyond the licence, no room free).
  holdMeetings(sandbox, Date.parse('2030-02-20T09:00:00+01:00'), [
    { minutes: 45, people: 3, phone: 1 },
    { minutes: 60, people: 2 },
  ]);
  // 2 March 23:30 Berlin is 3 March 06:30 in Beijing: the user's 2 March.
  holdMeetings(sandbox, Date.parse('2030-03-02T23:30:00+01:00'), [{ capacity: 25, minutes: 40, people: 4 }]);
  // 1 April 10:00 Berlin (summer time now).
  holdMeetings(sandbox, Date.parse('2030-04-01T10:00:00+02:00'), [{ minutes: 50, people: 1 }]);
  return sandbox;
}

describe('umeet usage', () => {
  it('--json: the contract for scripts, numbers as numbers, days on the local calendar', async () => {
    const sandbox = await heldSandbox();
    const run = await umeet(sandbox, ['usage', '--from', '2030-03-01', '--to', '2030-03-03', '--json'], TZ);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({
      from: '2030-03-01',
      to: '2030-03-03',
      totals: { meetings: 1, participants: 4, minutes: 40, audio_fee: 0, no_room: 0 },
      rooms: [{ host_id: 'room-25-1', meetings: 1, participants: 4, minutes: 40, audio_fee: 0, no_room: 0 }],
      days: [
        { date: '2030-03-01', meetings: 0, minutes: 0 },
        { date: '2030-03-02', meetings: 1, minutes: 40 },
        { date: '2030-03-03', meetings: 0, minutes: 0 },
      ],
    });
  });

  it('a period over a month is read a calendar month at a time, in turn, and added up', async () => {
    const sandbox = await heldSandbox();
    const before = sandbox.requests.filter((r) => r.path === DETAIL).length;
    const run = await umeet(sandbox, ['usage', '--from', '2030-02-15', '--to', '2030-04-10', '--json'], TZ);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const asked = sandbox.requests.filter((r) => r.path === DETAIL).slice(before);
    // The China dates that cover Berlin's 15 February 00:00 to 10 April 24:00 (06:00 on the 11th in Beijing), a month at a time.
    expect(asked.map((r) => [r.fields.from, r.fields.to, r.fields.show_participants, r.fields.show_telephony_usage])).toEqual([
      ['2030-02-15', '2030-02-28', 'true', 'true'],
      ['2030-03-01', '2030-03-31', 'true', 'true'],
      ['2030-04-01', '2030-04-11', 'true', 'true'],
    ]);
    const report = JSON.parse(run.stdout) as { totals: unknown; rooms: { host_id: string }[]; days: unknown[] };
    expect(report.totals).toEqual({ meetings: 4, participants: 10, minutes: 195, audio_fee: 6.75, no_room: 1 });
    expect(report.rooms.map((r) => r.host_id)).toEqual(['room-10-1', 'room-10-2', 'room-25-1']);
    expect(report.rooms[1]).toEqual({ host_id: 'room-10-2', meetings: 1, participants: 2, minutes: 60, audio_fee: 0, no_room: 1 });
    expect(report.days).toHaveLength(14 + 31 + 10);
    expect(report.days).toContainEqual({ date: '2030-04-01', meetings: 1, minutes: 50 });
  });

  it('--csv: one row per day, a header first', async () => {
    const sandbox = await heldSandbox();
    const run = await umeet(sandbox, ['usage', '--from', '2030-02-19', '--to', '2030-02-21', '--csv'], TZ);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('date,meetings,minutes\r\n2030-02-19,0,0\r\n2030-02-20,2,105\r\n2030-02-21,0,0\r\n');
  });

  it('bad input is exit 2 with one line, nothing sent: --from after --to, a date that is none, --json with --csv', async () => {
    const sandbox = await heldSandbox();
    const before = sandbox.requests.length;
    expect(await umeet(sandbox, ['usage', '--from', '2030-03-02', '--to', '2030-03-01'], TZ)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'umeet: invalid-input: --from 2030-03-02 is after --to 2030-03-01\n',
    });
    expect(await umeet(sandbox, ['usage', '--from', '2030-02-30'], TZ)).toMatchObject({
      code: 2,
      stderr: 'umeet: invalid-input: --from: must be a date YYYY-MM-DD, not "2030-02-30"\n',
    });
    expect(await umeet(sandbox, ['usage', '--json', '--csv'], TZ)).toMatchObject({
      code: 2,
      stderr: 'umeet: invalid-input: --json and --csv: choose one\n',
    });
    expect(sandbox.requests.length).toBe(before);
  });

  it('by default the last 30 days, today included', async () => {
    const sandbox = await heldSandbox();
    const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
    const was = today();
    const run = await umeet(sandbox, ['usage', '--json'], TZ);
    const report = JSON.parse(run.stdout) as { from: string; to: string; days: unknown[] };
    expect([was, today()]).toContain(report.to);
    expect(report.days).toHaveLength(30);
    expect(report.from).toBe((report.days[0] as { date: string }).date);
  });
});

describe('CSV fields (core/usage/csv.ts)', () => {
  it('quotes commas, quotes and line breaks; a text that a spreadsheet would run as a formula stays text', () => {
    expect(['a,b', 'say "hi"', 'x\ny', '=HYPERLINK("http://x")', '+1', 42].map(csvField)).toEqual([
      '"a,b"',
      '"say ""hi"""',
      '"x\ny"',
      `"'=HYPERLINK(""http://x"")"`,
      "'+1",
      '42',
    ]);
  });
});
