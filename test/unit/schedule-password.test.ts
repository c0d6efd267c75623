import { afterEach, describe, expect, it } from 'vitest';
import { ScheduleRequest } from '../../common/schedule.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { chinaTimeOf, isoIn, momentOf, nextYear, nthWeekday } from './support/dates.js';
import { umeet } from './support/umeet-cli.js';

// The meeting password: the documentation gives no rule, so the app sends what was typed (up to 10
// characters, the length of the API the service copies) and shows the service's refusal in its own words.
// The sandbox stands for the service: letters, digits and @ - _ *, at most 10, else a refusal in Chinese.

const ZONE = 'Asia/Shanghai';
const day = () => nthWeekday(nextYear(), 1, 2, 'tue')!;
const REFUSAL = '会议密码只能包含字母、数字和 @ - _ *，且不能超过 10 位';

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});
async function sandbox() {
  const s = await startSandbox({ licence: { 25: 2 } });
  started.push(s);
  return s;
}
const sent = (s: Sandbox, path = '/umeeting/share/schedule') => s.requests.filter((r) => r.path === path);
const book = ['schedule', '--topic', 'Weekly sync', '--capacity', '25', '--duration', '60'];

describe('umeet schedule --password', () => {
  it('p@ss-1_* is booked, sent as typed', async () => {
    const s = await sandbox();
    const run = await umeet(s, [...book, '--start', `${day()} 10:00`, '--password', 'p@ss-1_*', '--json'], { TZ: ZONE });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ topic: 'Weekly sync' });
    expect(sent(s)[0]?.fields.password).toBe('p@ss-1_*');
  });

  it.each(['pass word', 'p#ss', '密码123'])('%j, which the service refuses: its own words, exit 1, sent once', async (password) => {
    const s = await sandbox();
    const run = await umeet(s, [...book, '--start', `${day()} 10:00`, '--password', password], { TZ: ZONE });
    expect(run).toEqual({ code: 1, stdout: '', stderr: `umeet: rejected: ${REFUSAL}\n` });
    expect(sent(s)).toHaveLength(1);
    expect(sent(s)[0]?.fields.password).toBe(password);
  });

  it('over 10 characters: refused before sending, exit 2', async () => {
    const s = await sandbox();
    const run = await umeet(s, [...book, '--start', `${day()} 10:00`, '--password', 'abcdefghijk'], { TZ: ZONE });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'umeet: invalid-input: --password: at most 10 characters\n' });
    expect(s.requests).toHaveLength(0);
  });

  it('--help says what is sent and who refuses', async () => {
    const s = await sandbox();
    const help = (await umeet(s, ['schedule', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--password <password> the meeting password, at most 10 characters, sent as typed');
    expect(help).toContain(
      'A --password the service refuses (a character it does not take) is its refusal: "umeet: rejected: <its message>", exit 1.',
    );
  });
});

describe('the request', () => {
  it('takes any characters up to 10, and no more', () => {
    const base = { topic: 'T', capacity: 25, start: isoIn(ZONE, momentOf(ZONE, day(), '10:00')), duration: 60 };
    for (const password of ['p@ss-1_*', 'with space', '密码', 'abcdefghij'])
      expect(ScheduleRequest.safeParse({ ...base, password }).success).toBe(true);
    expect(ScheduleRequest.safeParse({ ...base, password: 'abcdefghijk' }).success).toBe(false);
  });
});

describe('the sandbox, as the service', () => {
  /** A form POST as any client would send it, past the app's own checks. */
  async function post(s: Sandbox, path: string, fields: Record<string, string>) {
    const body = new URLSearchParams({ api_key: s.credentials.apiKey, api_secret: s.credentials.apiSecret, ...fields });
    const answer = await fetch(`${s.url}${path}`, { method: 'POST', body });
    return (await answer.json()) as { status: number; message: string };
  }
  const slot = () => ({ start_time: chinaTimeOf(momentOf(ZONE, day(), '10:00')), duration: '60' });

  it.each(['p#ss', 'abcdefghijk', 'pass word'])('schedule refuses %j: not 200, a Chinese message, nothing booked', async (password) => {
    const s = await sandbox();
    const answer = await post(s, '/umeeting/share/schedule', { topic: 'T', meeting_capacity: '25', ...slot(), password });
    expect(answer.status).not.toBe(200);
    expect(answer.message).toBe(REFUSAL);
    expect(s.state.meetings.size).toBe(0);
  });

  it('schedule takes letters, digits and @ - _ * up to 10; update refuses as schedule does', async () => {
    const s = await sandbox();
    const booked = await post(s, '/umeeting/share/schedule', { topic: 'T', meeting_capacity: '25', ...slot(), password: 'aZ9@-_*xyz' });
    expect(booked.status).toBe(200);
    const id = [...s.state.meetings.keys()][0]!;
    const update = await post(s, '/umeeting/share/update', { id, ...slot(), password: 'p#ss' });
    expect(update).toEqual({ status: 3000, message: REFUSAL });
    expect((await post(s, '/umeeting/share/update', { id, ...slot(), password: 'new-1' })).status).toBe(200);
  });
});
