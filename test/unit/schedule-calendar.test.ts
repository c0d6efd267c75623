import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { recurrenceFields, ScheduleRequest, scheduleFields, type Recurrence, type RecurrenceEnd } from '../../common/schedule.js';
import { recurrenceWords } from '../../common/schedule-words.js';
import { calendarFile } from '../../core/calendar/ics.js';
import { expectedOccurrences } from '../../core/calendar/series.js';
import { scheduledInvitationText } from '../../core/meetings/invitation.js';

// The booked meeting's pure pieces: the service's fields (China time, days numbered 1 = Sunday), the
// series' meetings, and the .ics file, read back by an independent parser (ical.js, not the
// generator) for a user in a zone with daylight saving time and one in China.

const original = process.env.TZ;
/** Node reads TZ again when it changes (the forks pool gives each file its own process). */
const inZone = (zone: string) => void (process.env.TZ = zone);
afterEach(() => void (process.env.TZ = original));

/** The meetings an .ics file makes, as an independent reader expands them (RRULE, RDATE, DTSTART). */
function readBack(text: string) {
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  const starts: string[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && starts.length < 60; next = iterator.next()) starts.push(next.toJSDate().toISOString());
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    location: event.location,
    url: vevent.getFirstPropertyValue('url'),
    minutes: event.duration.toSeconds() / 60,
    starts,
    rrule: vevent.getFirstPropertyValue('rrule')?.toString(),
  };
}

function file(start: Date, rule?: Recurrence, end?: RecurrenceEnd, occurrences?: Date[]) {
  return calendarFile({
    meetingId: '8801234567',
    topic: '产品评审, weekly; review',
    start,
    duration: 90,
    joinUrl: 'https://meeting.systeccloud.com/j/8801234567',
    invitation: 'line one\nline two',
    ...(rule && end ? { recurrence: { rule, end } } : {}),
    ...(occurrences ? { occurrences } : {}),
    now: new Date('2026-11-26T00:00:00Z'),
  });
}

describe('the service’s fields', () => {
  it('a single meeting: the start in China time, options unset left out', () => {
    inZone('America/New_York');
    // Tuesday 1 December 2026, 20:00 in New York (EST, UTC−5) is Wednesday 09:00 in Beijing.
    const request = ScheduleRequest.parse({
      topic: 'Review',
      capacity: 25,
      start: new Date(2026, 11, 1, 20, 0).toISOString(),
      duration: 60,
      password: 'abc123',
      waitingRoom: true,
      muteOnEntry: true,
    });
    expect(scheduleFields(request)).toEqual({
      topic: 'Review',
      meeting_capacity: 25,
      start_time: '2026-12-02 09:00:00',
      duration: 60,
      password: 'abc123',
      waiting_room: true,
      mute_upon_entry: true,
    });
  });

  it('weekly days are numbered 1 = Sunday, and moved to China’s day when it is already tomorrow there', () => {
    inZone('Asia/Shanghai');
    const monday = new Date(2026, 11, 7, 9, 0);
    expect(recurrenceFields({ kind: 'weekly', days: ['mon', 'wed'] }, { times: 4 }, monday)).toEqual({
      recurrence_type: '2',
      weekly_days: '2,4',
      end_times: 4,
    });
    inZone('America/New_York');
    // Monday 20:00 in New York is Tuesday 09:00 in Beijing: the service's series runs Tuesday and Thursday.
    const mondayEvening = new Date(2026, 11, 7, 20, 0);
    expect(recurrenceFields({ kind: 'weekly', days: ['mon', 'wed'] }, { times: 4 }, mondayEvening)).toMatchObject({ weekly_days: '3,5' });
    expect(recurrenceFields({ kind: 'weekdays' }, { times: 5 }, mondayEvening)).toMatchObject({
      recurrence_type: '2',
      weekly_days: '3,4,5,6,7',
    });
  });

  it('each kind of recurrence, and both ends', () => {
    inZone('Asia/Shanghai');
    const start = new Date(2026, 11, 8, 10, 0); // Tuesday 8 December, the 2nd Tuesday
    expect(recurrenceFields({ kind: 'daily' }, { times: 3 }, start)).toEqual({ recurrence_type: '1', daily_type: '1', end_times: 3 });
    expect(recurrenceFields({ kind: 'weekdays' }, { until: '2026-12-31' }, start)).toEqual({
      recurrence_type: '1',
      daily_type: '2',
      end_date_time: '2026-12-31 23:59:59',
    });
    expect(recurrenceFields({ kind: 'monthly-day', day: 8 }, { times: 3 }, start)).toEqual({
      recurrence_type: '3',
      monthly_day: 8,
      end_times: 3,
    });
    expect(recurrenceFields({ kind: 'monthly-weekday', week: 2, day: 'tue' }, { times: 3 }, start)).toEqual({
      recurrence_type: '3',
      monthly_week: 2,
      monthly_week_day: 3,
      end_times: 3,
    });
  });

  it('refuses a series without an end, an end without a series, and a first meeting the series would not make', () => {
    inZone('Asia/Shanghai');
    const base = { topic: 'x', capacity: 10, start: new Date(2026, 11, 8, 10).toISOString(), duration: 45 };
    const issues = (input: unknown) => ScheduleRequest.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ ...base, recurrence: { kind: 'daily' } })).toEqual(['end']);
    expect(issues({ ...base, end: { times: 3 } })).toEqual(['end']);
    expect(issues({ ...base, recurrence: { kind: 'weekly', days: ['mon'] }, end: { times: 3 } })).toEqual(['recurrence']);
    expect(issues({ ...base, duration: 30 })).toEqual(['duration']);
    expect(issues({ ...base, recurrence: { kind: 'daily' }, end: { times: 51 } })).toEqual(['end.times']);
    expect(ScheduleRequest.safeParse({ ...base, recurrence: { kind: 'weekly', days: ['tue'] }, end: { times: 3 } }).success).toBe(true);
  });
});

describe('the .ics file, read back by ical.js', () => {
  it('a single meeting, for a user in New York: the right moment, its length, link, description and UID', () => {
    inZone('America/New_York');
    const start = new Date(2026, 11, 1, 20, 0); // 20:00 EST = 01:00Z the next day
    const back = readBack(file(start));
    expect(back).toMatchObject({
      uid: '8801234567@umeet-tray',
      summary: '产品评审, weekly; review',
      description: 'line one\nline two',
      location: 'https://meeting.systeccloud.com/j/8801234567',
      url: 'https://meeting.systeccloud.com/j/8801234567',
      minutes: 90,
      starts: ['2026-12-02T01:00:00.000Z'],
    });
  });

  it('a weekly series across New York’s change of clocks keeps Beijing’s 09:00 (the service’s), so New York’s hour moves', () => {
    inZone('America/New_York');
    // Thursday 25 February 2027, 20:00 EST = Friday 26 February 09:00 in Beijing; DST starts in New York on 14 March.
    const start = new Date(2027, 1, 25, 20, 0);
    const rule: Recurrence = { kind: 'weekly', days: ['thu'] };
    const back = readBack(file(start, rule, { times: 4 }));
    expect(back.rrule?.split(';').sort()).toEqual(['BYDAY=FR', 'COUNT=4', 'FREQ=WEEKLY']);
    expect(back.starts).toEqual([
      '2027-02-26T01:00:00.000Z',
      '2027-03-05T01:00:00.000Z',
      '2027-03-12T01:00:00.000Z',
      '2027-03-19T01:00:00.000Z',
    ]);
    // On the New York clock: 20:00 on Thursdays, then 21:00 once its clocks went forward.
    expect(back.starts.map((s) => new Date(s).getHours())).toEqual([20, 20, 20, 21]);
    expect(back.starts.map((s) => new Date(s).toISOString())).toEqual(
      expectedOccurrences(rule, { times: 4 }, start).map((d) => d.toISOString()),
    );
  });

  it('in Asia/Shanghai: each recurrence kind makes the meetings the service books', () => {
    inZone('Asia/Shanghai');
    const at = (d: number, m = 12, y = 2026) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T02:00:00.000Z`;
    const start = new Date(2026, 11, 8, 10, 0); // Tuesday 8 December 10:00 = 02:00Z
    const cases: [Recurrence, RecurrenceEnd, string[]][] = [
      [{ kind: 'daily' }, { times: 3 }, [at(8), at(9), at(10)]],
      [{ kind: 'weekdays' }, { until: '2026-12-14' }, [at(8), at(9), at(10), at(11), at(14)]],
      [{ kind: 'weekly', days: ['tue', 'thu'] }, { times: 4 }, [at(8), at(10), at(15), at(17)]],
      [{ kind: 'monthly-day', day: 8 }, { times: 3 }, [at(8), at(8, 1, 2027), at(8, 2, 2027)]],
      [{ kind: 'monthly-weekday', week: 2, day: 'tue' }, { times: 3 }, [at(8), at(12, 1, 2027), at(9, 2, 2027)]],
    ];
    for (const [rule, end, starts] of cases) {
      expect(readBack(file(start, rule, end)).starts, rule.kind).toEqual(starts);
      expect(
        expectedOccurrences(rule, end, start).map((d) => d.toISOString()),
        rule.kind,
      ).toEqual(starts);
    }
  });

  it('an early meeting (before 08:00 in Beijing, the day before in UTC) lists its meetings rather than a rule a day off', () => {
    inZone('Asia/Shanghai');
    const start = new Date(2026, 11, 7, 7, 30); // Monday 07:30 = Sunday 23:30Z
    const text = file(start, { kind: 'weekly', days: ['mon'] }, { times: 3 });
    expect(text).not.toContain('RRULE');
    expect(readBack(text).starts).toEqual(['2026-12-06T23:30:00.000Z', '2026-12-13T23:30:00.000Z', '2026-12-20T23:30:00.000Z']);
  });

  it('when the service booked other meetings than the rule makes, the file holds what it booked', () => {
    inZone('Asia/Shanghai');
    const start = new Date(2026, 11, 7, 9, 0);
    const booked = [start, new Date(2026, 11, 8, 9, 0), new Date(2026, 11, 14, 9, 0)];
    const text = file(start, { kind: 'weekly', days: ['mon'] }, { times: 3 }, booked);
    expect(text).not.toContain('RRULE');
    expect(readBack(text).starts).toEqual(booked.map((d) => d.toISOString()));
  });
});

describe('in words', () => {
  it('the series and the invitation, in both languages, with the zone named', () => {
    inZone('America/New_York');
    expect(recurrenceWords({ kind: 'weekly', days: ['wed', 'mon'] }, { times: 10 }, 'en')).toBe(
      'every week on Monday and Wednesday, 10 times',
    );
    expect(recurrenceWords({ kind: 'weekly', days: ['wed', 'mon'] }, { times: 10 }, 'zh-CN')).toBe('每周一、周三，共 10 次');
    expect(recurrenceWords({ kind: 'monthly-weekday', week: 2, day: 'tue' }, { until: '2027-06-30' }, 'en')).toBe(
      'every month on the 2nd Tuesday, until 2027-06-30',
    );
    const invitation = scheduledInvitationText(
      {
        topic: 'Review',
        start: new Date(2026, 11, 1, 20, 0),
        duration: 60,
        meetingId: '8801234567',
        joinUrl: 'https://meeting.systeccloud.com/j/8801234567',
        password: '4321',
        recurrence: { rule: { kind: 'weekly', days: ['tue'] }, end: { times: 3 } },
      },
      'en',
    );
    expect(invitation).toBe(
      [
        'You are invited to a meeting: Review',
        'Time: 2026-12-01 20:00–21:00 (America/New_York, UTC−5)',
        'Repeats: every week on Tuesday, 3 times',
        'Meeting ID: 880 123 4567',
        'Password: 4321',
        'Join: https://meeting.systeccloud.com/j/8801234567',
      ].join('\n'),
    );
  });
});
