import { randomUUID } from 'node:crypto';
import { expandTopic } from '../../../common/format.js';
import type { Result } from '../../../common/result.js';
import { scheduleFields, type ScheduleRequest } from '../../../common/schedule.js';
import type { BookingGroup, BookOutcome } from '../../../common/scheduled.js';
import { failed, failureMessage, readyMinutesOf, type Kept, type SchedulingDeps } from './kept.js';
import type { UpcomingList } from './upcoming-list.js';

/** A series' request as one meeting of it. */
const withoutSeries = ({ recurrence: _recurrence, end: _end, ...rest }: ScheduleRequest): ScheduleRequest => rest;

/**
 * The series as single meetings, each at the local time asked, booked one after the other. Each is a
 * create, sent once: the first that fails stops the rest (nothing is retried), and those booked before it
 * stay booked and are told, kept as one group (Upcoming shows them as one, and cancels them together).
 */
export async function bookOneByOne(
  deps: SchedulingDeps,
  kept: Kept,
  list: UpcomingList,
  request: ScheduleRequest,
): Promise<Result<BookOutcome>> {
  const t = deps.t();
  const [{ askedOccurrences }] = await kept.calendar();
  const moments = askedOccurrences(request.recurrence!, request.end!, new Date(request.start));
  const group: BookingGroup = { id: randomUUID(), index: 0, count: moments.length, recurrence: request.recurrence!, end: request.end! };
  const client = await deps.api.click();
  const meetingIds: string[] = [];
  let incomplete: { booked: number; of: number; message: string } | undefined;
  for (const [index, at] of moments.entries()) {
    const single: ScheduleRequest = { ...withoutSeries(request), start: at.toISOString(), topic: expandTopic(request.topic, at) };
    const answer = await client.schedule(scheduleFields(single, deps.store.settings().defaultUserKey, kept.numbering()));
    if (!answer.ok) {
      deps.log?.warn('schedule: one by one, a meeting not booked', { index, kind: answer.failure.kind });
      const message = failureMessage(answer.failure, t, true);
      if (index === 0) return failed(message);
      incomplete = { booked: index, of: moments.length, message: t('schedule.oneByOneStopped', { n: index + 1, reason: message }) };
      break;
    }
    const meeting = answer.value;
    const joinUrl = await deps.trusted(meeting.join_url);
    if (request.password) kept.passwords.set(meeting.meeting_id, request.password);
    meetingIds.push(meeting.meeting_id);
    kept.keep(meeting.meeting_id, single, { ...(joinUrl ? { joinUrl } : {}), ...readyMinutesOf(meeting), group: { ...group, index } });
  }
  const first = new Date(request.start);
  const topic = expandTopic(request.topic, first);
  const invitation = kept.invitationOf({ meetingId: meetingIds[0]!, topic, start: first, duration: request.duration }, true);
  const copied = await deps.copyChecked(invitation).catch(() => false);
  list.changed();
  const value = { meetingId: meetingIds[0]!, topic, invitation, copied, group: { id: group.id, meetingIds, count: moments.length } };
  return { ok: true, value: { ...value, ...(incomplete ? { incomplete } : {}) } };
}
