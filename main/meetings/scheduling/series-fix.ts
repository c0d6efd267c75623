import type { Result } from '../../../common/result.js';
import { otherNumbering, type ScheduleRequest } from '../../../common/schedule.js';
import type { BookedMeeting, SeriesMismatch } from '../../../common/scheduled.js';
import { parseServiceTime } from '../../../common/service-time.js';
import { serviceOccurrences } from '../../../core/calendar/occurrences.js';
import { failed, failureMessage, iso, updateFields, type Kept, type SchedulingDeps } from './kept.js';
import type { UpcomingList } from './upcoming-list.js';

/**
 * The series' meetings as the service holds them now. `update` answers no data and `get` (as documented)
 * no occurrences, so when `get` does not say, the rooms say: each meeting of a series holds a room for
 * its slot, and `rooms` lists every booking with its start (§12).
 */
export async function readOccurrences(deps: Pick<SchedulingDeps, 'api'>, meetingId: string): Promise<Date[]> {
  const client = await deps.api.background();
  const answer = await client.get(meetingId);
  if (answer.ok && answer.value.occurrences?.length) return serviceOccurrences(answer.value.occurrences);
  const rooms = await client.rooms();
  if (!rooms.ok) return [];
  const starts = rooms.value.flatMap((room) => room.meetings.filter((b) => b.id === meetingId).map((b) => parseServiceTime(b.start_time)));
  return [...new Set(starts.filter((d): d is Date => d !== undefined).map((d) => d.getTime()))]
    .sort((a, b) => a - b)
    .map((ms) => new Date(ms));
}

/**
 * What the service says of a meeting booked elsewhere, for its Edit form: its room size (`get`, else the room
 * that holds it) and whether it is a series (its occurrences, else how many slots the rooms hold for it).
 * Undefined where neither says: the form then keeps the repeat "as booked".
 */
export async function serviceFactsOf(deps: Pick<SchedulingDeps, 'api'>, meetingId: string) {
  const client = await deps.api.background();
  const got = await client.get(meetingId);
  let capacity = got.ok ? got.value.meeting_capacity : undefined;
  let series = got.ok && got.value.occurrences?.length ? got.value.occurrences.length > 1 : undefined;
  if (capacity === undefined || series === undefined) {
    const rooms = await client.rooms();
    const holding = rooms.ok ? rooms.value.filter((room) => room.meetings.some((b) => b.id === meetingId)) : [];
    capacity ??= holding[0]?.meeting_capacity;
    const slots = holding.flatMap((room) => room.meetings.filter((b) => b.id === meetingId)).length;
    if (series === undefined && slots > 0) series = slots > 1;
  }
  return {
    ...(capacity !== undefined && capacity > 0 ? { capacity } : {}),
    ...(series !== undefined ? { series } : {}),
  };
}

const withoutRequest = ({ request: _request, meetingId: _id, ...rest }: BookedMeeting): Partial<BookedMeeting> => rest;

/**
 * "Fix the series": the recurrence sent again with the other numbering of days, then compared again.
 * When that agrees, the numbering is proven: the store remembers it for later bookings.
 */
export async function fixSeries(
  deps: SchedulingDeps,
  kept: Kept,
  list: UpcomingList,
  meetingId: string,
  accept = false,
): Promise<Result<{ mismatch?: SeriesMismatch }>> {
  const t = deps.t();
  const booked = kept.bookedOf(meetingId);
  if (!booked?.request.recurrence) return failed(t('schedule.notBookedHere'), 'not-found');
  if (accept) return acceptAsBooked(deps, kept, list, booked);
  const password = kept.passwords.get(meetingId);
  const request = { ...booked.request, ...(password ? { password } : {}) } as ScheduleRequest;
  const other = otherNumbering(kept.numbering());
  const answer = await (await deps.api.click()).update(updateFields(meetingId, request, deps.store.settings().defaultUserKey, other, true));
  if (!answer.ok) return failed(failureMessage(answer.failure, t, false));
  const bookedDates = await readOccurrences(deps, meetingId);
  if (bookedDates.length === 0) return failed(t('schedule.fixUnknown'));
  const mismatch = await kept.mismatchOf(request, bookedDates);
  kept.keep(meetingId, request, { ...withoutRequest(booked), occurrences: iso(bookedDates) });
  if (!mismatch) {
    deps.log?.info('schedule: the service numbers days differently; remembered', { numbering: other });
    deps.store.setServiceFacts({ dayNumbering: other });
  }
  list.changed();
  return { ok: true, value: mismatch ? { mismatch } : {} };
}

/**
 * The series kept as the service booked it (the user accepted it): the kept request says the days booked, so
 * the card's words, the invitation and the calendar file agree with the service; nothing is sent.
 */
async function acceptAsBooked(
  deps: SchedulingDeps,
  kept: Kept,
  list: UpcomingList,
  booked: BookedMeeting,
): Promise<Result<{ mismatch?: SeriesMismatch }>> {
  const dates = booked.occurrences?.map((d) => new Date(d)) ?? [];
  if (dates.length === 0 || !booked.request.recurrence) return failed(deps.t()('schedule.fixUnknown'));
  const [, , { ruleOfBooked }] = await kept.calendar();
  const request = { ...booked.request, start: dates[0]!.toISOString(), recurrence: ruleOfBooked(booked.request.recurrence, dates) };
  kept.keep(booked.meetingId, request as ScheduleRequest, { ...withoutRequest(booked), acceptedAsBooked: true });
  deps.log?.info('schedule: a series other than asked was accepted as booked');
  deps.onChange();
  list.changed();
  return { ok: true, value: {} };
}
