import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ScheduleRequest } from '../../common/schedule.js';
import type { BookHow } from '../../common/scheduled.js';
import { appUnderTest, fromAppWindow, type AppOptions, type AppUnderTest } from './support/app-under-test.js';
import { chinaTimeOf, clockChanges, momentOf, nextYear, nthWeekday } from './support/dates.js';
import { useSandbox } from './support/sandbox.js';

// The app books a series in Los Angeles (the date line and summer time) through its real composition
// root against the sandbox: the window asks first whether the service would book it as asked
// (`planSeries`), a series that would not is not sent until the user chose how, one by one books each
// meeting at the local time asked (one group: one invitation, one calendar file, cancelled together),
// and as the service would keeps Beijing's clock and says so.

process.env.TZ = 'America/Los_Angeles';
const ZONE = 'America/Los_Angeles';
const Y = nextYear();
const SCHEDULE = '/umeeting/share/schedule';
const DELETE = '/umeeting/share/delete';
const sent = (sandbox: AppOptions['sandbox'], path: string) => sandbox.requests.filter((r) => r.path === path);

const tuesdays = Array.from({ length: 12 }, (_, m) => nthWeekday(Y, m + 1, 2, 'tue')!);
/** The 2nd Tuesday of every month next year at 18:00 in Los Angeles. */
const series = (extra: Partial<ScheduleRequest> = {}): ScheduleRequest => ({
  topic: 'Monthly review',
  capacity: 25,
  start: new Date(momentOf(ZONE, tuesdays[0]!, '18:00')).toISOString(),
  duration: 60,
  recurrence: { kind: 'monthly-weekday', week: 2, day: 'tue' },
  end: { times: 12 },
  ...extra,
});
const book = (app: AppUnderTest, request: ScheduleRequest, how?: BookHow) =>
  app.listeners.schedule(fromAppWindow, { request, ...(how ? { how } : {}) });

describe('a series the service would not book as asked', () => {
  const sandbox = useSandbox({ licence: { 25: 30, 50: 3 } });

  it('is told before booking (planSeries), and not sent until the user chose how', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: 'verified' });
    const request = series();
    const plan = await app.listeners.planSeries(fromAppWindow, {
      start: request.start,
      recurrence: request.recurrence!,
      end: request.end!,
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.differences.map((d) => d.why)).toEqual(['clock', 'day']);
    expect(plan.value.beijing).toMatchObject({ rule: { kind: 'monthly-weekday', week: 2, day: 'wed' }, time: '10:00' });
    const before = sent(sandbox(), SCHEDULE).length;
    const refused = await book(app, request);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid', fields: [{ field: 'how' }] } });
    expect(!refused.ok && refused.error.message).toMatch(/would not book this series as you asked/);
    expect(sent(sandbox(), SCHEDULE)).toHaveLength(before);
    await app.close();
  });

  it('one by one: a meeting each 2nd Tuesday at 18:00 here, across both changes; one group in Upcoming; one invitation; cancelled together', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: 'verified' });
    const before = sent(sandbox(), SCHEDULE).length;
    const answer = await book(app, series({ password: 'abc123' }), 'one-by-one');
    expect(answer).toMatchObject({ ok: true });
    if (!answer.ok) return;
    const group = answer.value.group!;
    expect(group.meetingIds).toHaveLength(12);
    expect(answer.value.incomplete).toBeUndefined();
    // Each a single meeting at 18:00 Los Angeles time that day, sent once.
    const fields = sent(sandbox(), SCHEDULE).slice(before);
    expect(fields.map((r) => r.fields.start_time)).toEqual(tuesdays.map((d) => chinaTimeOf(momentOf(ZONE, d, '18:00'))));
    expect(fields.every((r) => r.fields.recurrence_type === undefined)).toBe(true);
    const [spring, autumn] = clockChanges(ZONE, Y) as [string, string];
    expect(tuesdays.some((d) => d > spring && d < autumn)).toBe(true);

    // The invitation names every meeting, each with its own ID (and the password typed this session).
    const invitation = app.clipboard.at(-1)!;
    for (const id of group.meetingIds) expect(invitation.replace(/ /g, '')).toContain(id);
    expect(invitation).toContain('12 meetings, each with its own meeting ID and link:');
    expect(invitation).toContain('Password: abc123');

    // Upcoming: the twelve, each marked with the group, every one at 18:00 here.
    const upcoming = await app.listeners.upcoming(fromAppWindow, undefined);
    const ours = upcoming.ok ? upcoming.value.filter((u) => u.group?.id === group.id) : [];
    expect(ours.map((u) => u.meetingId)).toEqual(group.meetingIds);
    expect(ours.every((u) => new Date(u.start).getHours() === 18)).toBe(true);

    // One calendar file with twelve events.
    expect(await app.run({ type: 'scheduled', meetingId: group.meetingIds[3]!, action: 'add-to-calendar' })).toMatchObject({ ok: true });
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(app.openedPaths.at(-1)!, 'utf8')));
    const starts = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).startDate.toJSDate().getTime());
    expect(starts).toEqual(tuesdays.map((d) => momentOf(ZONE, d, '18:00')));
    expect(readFileSync(app.openedPaths.at(-1)!, 'utf8')).not.toContain('abc123');

    // Cancelling one cancels the group, after one question.
    const asked = app.dialogs.asked.length;
    expect(await app.run({ type: 'scheduled', meetingId: group.meetingIds[5]!, action: 'cancel' })).toMatchObject({ ok: true });
    expect(app.dialogs.asked.length).toBe(asked + 1);
    expect(
      sent(sandbox(), DELETE)
        .map((r) => r.fields.id)
        .filter((id) => group.meetingIds.includes(id!)),
    ).toEqual(group.meetingIds);
    const after = await app.listeners.upcoming(fromAppWindow, undefined);
    expect(after.ok && after.value.filter((u) => u.group?.id === group.id)).toEqual([]);
    expect(JSON.stringify(app.readStoreFile())).not.toContain(group.id);
    await app.close();
  });

  it('one by one, a meeting refused: those before it stay booked and are told; nothing after it is sent', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: 'verified' });
    // Every room of 50 is taken on the third Tuesday (the other tests book rooms of 25).
    for (let i = 0; i < 3; i += 1) sandbox().book({ capacity: 50, start: momentOf(ZONE, tuesdays[2]!, '17:30'), duration: 120 });
    const before = sent(sandbox(), SCHEDULE).length;
    const answer = await book(app, series({ topic: 'Partly', capacity: 50 }), 'one-by-one');
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.incomplete).toMatchObject({ booked: 2, of: 12 });
    expect(answer.value.incomplete?.message).toMatch(/^Meeting 3 could not be booked: /);
    expect(answer.value.group?.meetingIds).toHaveLength(2);
    expect(sent(sandbox(), SCHEDULE).length - before).toBe(3);
    await app.close();
  });

  it('as the service would: one series on Beijing’s clock, kept and worded so (the invitation, Upcoming)', async () => {
    const app = await appUnderTest({ sandbox: sandbox(), credentials: 'verified' });
    const answer = await book(app, series({ topic: 'On Beijing time', capacity: 25 }), 'as-booked-in-beijing');
    expect(answer).toMatchObject({ ok: true });
    if (!answer.ok) return;
    expect(answer.value.notAsAsked).toMatchObject({ why: 'clock' });
    expect(answer.value.mismatch).toBeUndefined();
    expect(sent(sandbox(), SCHEDULE).at(-1)?.fields).toMatchObject({ recurrence_type: '3', monthly_week: '2', monthly_week_day: '4' });
    expect(answer.value.invitation).toContain('Repeats: every month on the 2nd Wednesday, 12 times, at 10:00 Beijing time (UTC+8)');
    const upcoming = await app.listeners.upcoming(fromAppWindow, undefined);
    const listed = upcoming.ok ? upcoming.value.find((u) => u.meetingId === answer.value.meetingId) : undefined;
    expect(listed?.beijingClock).toBe(true);
    await app.close();
  });
});
