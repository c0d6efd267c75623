import { afterEach, describe, expect, it } from 'vitest';
import { createUmeetClient } from '../../core/api/client.js';
import { scheduleFields, ScheduleRequest } from '../../common/schedule.js';
import { InstantInput, ScheduleInput, UpdateInput } from '../../common/umeet-api.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { chinaTimeOf, isoIn, momentOf, nextYear, nthWeekday } from './support/dates.js';
import { umeet } from './support/umeet-cli.js';

// Only parameters the call's page lists are sent. The lists below are the parameter tables of the service's
// documentation (SYSTECdev/Umeeting-Share-Rooms-API, the pages named in test/fixtures/umeet-docs/manifest.json),
// less api_key and api_secret. option_jbh is on the instant page only: schedule and update never send it.

/** hui-yi-guan-li-api/ji-shi-hui-yi-jie-kou.md */
const INSTANT_PAGE = [
  'topic',
  'option_jbh',
  'meeting_capacity',
  'user_key',
  'duration',
  'mute_upon_entry',
  'use_pmi',
  'option_host_video',
  'option_participants_video',
  'recording',
  'allow_live_streaming',
  'host_name',
  'waiting_room',
];
/** hui-yi-guan-li-api/yu-yue-hui-yi-jie-kou.md */
const SCHEDULE_PAGE = [
  'topic',
  'meeting_capacity',
  'start_time',
  'duration',
  'password',
  'user_key',
  'mute_upon_entry',
  'use_pmi',
  'option_host_video',
  'option_participants_video',
  'recording',
  'host_name',
  'allow_live_streaming',
  'waiting_room',
  'enable_webinar',
  'recurrence_type',
  'daily_type',
  'weekly_days',
  'monthly_week',
  'monthly_week_day',
  'monthly_day',
  'end_times',
  'end_date_time',
];
/** hui-yi-guan-li-api/xiu-gai-hui-yi-jie-kou.md */
const UPDATE_PAGE = [
  'id',
  'topic',
  'start_time',
  'duration',
  'password',
  'user_key',
  'mute_upon_entry',
  'recording',
  'allow_live_streaming',
  'host_name',
  'waiting_room',
  'recurrence_type',
  'daily_type',
  'weekly_days',
  'monthly_week',
  'monthly_week_day',
  'monthly_day',
  'end_times',
  'end_date_time',
];

const unlisted = (shape: object, page: string[]) => Object.keys(shape).filter((name) => !page.includes(name));

const ZONE = 'Asia/Shanghai';
const day = () => nthWeekday(nextYear(), 1, 2, 'tue')!;
const moment = () => momentOf(ZONE, day(), '10:00');

describe('the parameters each call may send', () => {
  it('are those its page lists: instant, schedule, update', () => {
    expect(unlisted(InstantInput.shape, INSTANT_PAGE)).toEqual([]);
    expect(unlisted(ScheduleInput.shape, SCHEDULE_PAGE)).toEqual([]);
    expect(unlisted(UpdateInput.shape, UPDATE_PAGE)).toEqual([]);
  });

  it('a request with join-before-host (a booking stored while the window offered it) gives no option_jbh', () => {
    const request = ScheduleRequest.parse({
      topic: 'Weekly sync',
      capacity: 25,
      start: isoIn(ZONE, moment()),
      duration: 60,
      joinBeforeHost: true,
      muteOnEntry: true,
    });
    const fields = scheduleFields(request);
    expect(fields).not.toHaveProperty('option_jbh');
    expect(fields).toMatchObject({ mute_upon_entry: true, start_time: chinaTimeOf(moment()) });
  });
});

describe('option_jbh to the schedule call', () => {
  const started: Sandbox[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });
  async function sandbox() {
    const s = await startSandbox({ licence: { 25: 2 } });
    started.push(s);
    return s;
  }
  const scheduled = (s: Sandbox) => s.requests.filter((r) => r.path === '/umeeting/share/schedule');

  it('is refused by the client before anything is sent', async () => {
    const s = await sandbox();
    const client = createUmeetClient({ baseUrl: s.url, credentials: () => s.credentials });
    const input = { topic: 'Weekly sync', meeting_capacity: 25, start_time: chinaTimeOf(moment()), duration: 60, option_jbh: true };
    const result = await client.schedule(input as never);
    await client.close();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'invalid-input' } });
    expect(s.requests).toHaveLength(0);
  });

  it.each(['--join-before-host', '--no-join-before-host'])(
    'umeet schedule %s: booked without it, one warning line, exit 0',
    async (flag) => {
      const s = await sandbox();
      const args = ['schedule', '--topic', 'Weekly sync', '--capacity', '25', '--start', `${day()} 10:00`, '--duration', '60'];
      const run = await umeet(s, [...args, flag, '--mute-on-entry', '--json'], { TZ: ZONE });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`umeet: warning: ${flag} is not sent: the service's schedule call has no such option\n`);
      expect(JSON.parse(run.stdout)).toMatchObject({ topic: 'Weekly sync', start: `${day()}T10:00:00+08:00` });
      expect(scheduled(s)).toHaveLength(1);
      expect(scheduled(s)[0]!.fields).not.toHaveProperty('option_jbh');
      expect(scheduled(s)[0]!.fields).toMatchObject({ mute_upon_entry: 'true' });
    },
  );

  it('umeet schedule --help says the flag is not sent; instant --help still sends it', async () => {
    const s = await sandbox();
    const schedule = (await umeet(s, ['schedule', '--help'])).stdout;
    expect(schedule).toMatch(/^ {2}--join-before-host +not sent: the service's schedule call has no such\s+option/m);
    expect(schedule).toContain('--join-before-host and --no-join-before-host are accepted but not sent');
    expect((await umeet(s, ['instant', '--help'])).stdout).toMatch(/^ {2}--join-before-host +let participants join before the host/m);
    expect(s.requests).toHaveLength(0);
  });
});
