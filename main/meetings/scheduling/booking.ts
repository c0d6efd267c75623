import { expandTopic } from '../../../common/format.js';
import { fail, type Result } from '../../../common/result.js';
import { scheduleFields, type ScheduleRequest } from '../../../common/schedule.js';
import type { BookHow, BookOutcome, SeriesPlanView, SeriesQuery } from '../../../common/scheduled.js';
import { serviceOccurrences } from '../../../core/calendar/occurrences.js';
import { failed, failureMessage, iso, readyMinutesOf, updateFields, type Kept, type SchedulingDeps } from './kept.js';
import { bookOneByOne } from './one-by-one.js';
import { readOccurrences } from './series-fix.js';
import type { UpcomingList } from './upcoming-list.js';

/**
 * Booking a meeting for later, and changing one: a series is planned first (core/calendar/plan.ts), and one the
 * service would not book as asked is sent only once the user chose how; each create or change is sent once;
 * what was booked is compared with what was asked, and kept (never the password).
 */
export function createBooking(deps: SchedulingDeps, kept: Kept, list: UpcomingList) {
  const { store } = deps;

  /** The series as asked against what the service's repeat would book. */
  async function plan(query: SeriesQuery): Promise<SeriesPlanView> {
    const [, , { planSeries }] = await kept.calendar();
    return planSeries(query.recurrence, query.end, new Date(query.start));
  }

  /** A series the service would not book as asked is not sent until the user chose how. Undefined when it may go as it is. */
  async function refusedUnlessChosen(request: ScheduleRequest, how: BookHow): Promise<Result<never> | undefined> {
    if (!request.recurrence || !request.end || how !== 'as-asked') return undefined;
    const planned = await plan({ start: request.start, recurrence: request.recurrence, end: request.end });
    if (!planned.difference) return undefined;
    deps.log?.info('schedule: not as asked; the user is asked how to book it', { why: planned.difference.why });
    const message = deps.t()('schedule.chooseHow');
    return fail('invalid', message, [{ field: 'how', message }]);
  }

  async function book(request: ScheduleRequest, how: BookHow): Promise<Result<BookOutcome>> {
    const refused = await refusedUnlessChosen(request, how);
    if (refused) return refused;
    if (how === 'one-by-one' && request.recurrence && request.end) return bookOneByOne(deps, kept, list, request);
    const start = new Date(request.start);
    const topic = expandTopic(request.topic, start);
    const fields = scheduleFields({ ...request, topic }, store.settings().defaultUserKey, kept.numbering());
    // A create: sent once, never again by itself (the client does not retry it once it may have left).
    const answer = await (await deps.api.click()).schedule(fields);
    if (!answer.ok) {
      deps.log?.warn('schedule: not booked', { kind: answer.failure.kind });
      return failed(failureMessage(answer.failure, deps.t(), true));
    }
    const meeting = answer.value;
    const bookedDates = serviceOccurrences(meeting.occurrences);
    const mismatch = await kept.mismatchOf(request, bookedDates);
    const notAsAsked = await kept.differenceFromAsked(request, bookedDates);
    const joinUrl = await deps.trusted(meeting.join_url);
    if (request.password) kept.passwords.set(meeting.meeting_id, request.password);
    kept.keep(
      meeting.meeting_id,
      { ...request, topic },
      {
        ...(joinUrl ? { joinUrl } : {}),
        ...readyMinutesOf(meeting),
        ...(bookedDates.length ? { occurrences: iso(bookedDates.slice(0, 50)) } : {}),
        ...(how === 'as-booked-in-beijing' && notAsAsked ? { beijingClock: true as const } : {}),
      },
    );
    const invitation = kept.invitationOf({ meetingId: meeting.meeting_id, topic, start, duration: request.duration, joinUrl }, true);
    // Booked on other days than asked: the invitation would name days that are not booked, so it is held (not
    // copied, no calendar file) until the series is fixed or the user accepts it as booked.
    const copied = mismatch ? false : await deps.copyChecked(invitation).catch(() => false);
    if (mismatch) deps.log?.warn('schedule: the service booked other days than asked; the invitation is held');
    list.changed();
    const outcome = { meetingId: meeting.meeting_id, topic, invitation, copied, ...(mismatch ? { held: true as const } : {}) };
    return { ok: true, value: { ...outcome, ...(mismatch ? { mismatch } : {}), ...(notAsAsked ? { notAsAsked } : {}) } };
  }

  async function change(meetingId: string, request: ScheduleRequest, how: BookHow): Promise<Result<BookOutcome>> {
    // A series changed is sent as a whole series (§9): one by one is for new bookings only.
    const refused = await refusedUnlessChosen(request, how === 'one-by-one' ? 'as-asked' : how);
    if (refused) return refused;
    const start = new Date(request.start);
    const topic = expandTopic(request.topic, start);
    const before = kept.bookedOf(meetingId);
    const wasSeries = Boolean(before?.request.recurrence) || Boolean(list.upcoming().find((u) => u.meetingId === meetingId)?.recurrence);
    const fields = updateFields(meetingId, { ...request, topic }, store.settings().defaultUserKey, kept.numbering(), wasSeries);
    const answer = await (await deps.api.click()).update(fields);
    if (!answer.ok) return failed(failureMessage(answer.failure, deps.t(), false));
    if (request.password) kept.passwords.set(meetingId, request.password);
    // What the service booked now, if it says (`get`); the check is the same as after booking.
    const bookedDates = request.recurrence ? await readOccurrences(deps, meetingId) : [];
    const mismatch = await kept.mismatchOf(request, bookedDates);
    const notAsAsked = await kept.differenceFromAsked(request, bookedDates);
    kept.keep(
      meetingId,
      { ...request, topic, capacity: before?.request.capacity ?? request.capacity },
      {
        ...(before?.joinUrl ? { joinUrl: before.joinUrl } : {}),
        ...(before?.readyMinutes !== undefined ? { readyMinutes: before.readyMinutes } : {}),
        ...(bookedDates.length ? { occurrences: iso(bookedDates) } : {}),
        ...(how === 'as-booked-in-beijing' && notAsAsked ? { beijingClock: true as const } : {}),
        ...(before?.group && !request.recurrence ? { group: before.group } : {}),
      },
    );
    const invitation = kept.invitationOf({ meetingId, topic, start, duration: request.duration, joinUrl: before?.joinUrl }, true);
    list.changed();
    const outcome = { meetingId, topic, invitation, copied: false, ...(mismatch ? { held: true as const } : {}) };
    return { ok: true, value: { ...outcome, ...(mismatch ? { mismatch } : {}), ...(notAsAsked ? { notAsAsked } : {}) } };
  }

  return { plan, book, change };
}
