import type { Result } from '../../common/result.js';
import type { ScheduleRequest } from '../../common/schedule.js';
import type { BookHow, BookOutcome, SlotFree } from '../../common/scheduled.js';
import { toServiceTime } from '../../common/service-time.js';
import { failureText } from '../../core/meetings/failure-text.js';
import { createBookedActions } from './scheduling/booked-actions.js';
import { createBooking } from './scheduling/booking.js';
import { createCalendarFiles } from './scheduling/calendar-files.js';
import { createKept, failed, type SchedulingDeps } from './scheduling/kept.js';
import { fixSeries } from './scheduling/series-fix.js';
import { createUpcomingList } from './scheduling/upcoming-list.js';

export type { SchedulingDeps } from './scheduling/kept.js';
export { UPCOMING_MIN_INTERVAL_MS } from './scheduling/upcoming-list.js';

/**
 * Meetings booked for later (main/meetings/scheduling/): booking and changing (once: a create is never
 * resent; a series planned first), the check of the series the service booked against the one asked for
 * (and its fix), cancelling, the Upcoming list, the invitation, and the calendar file; composed here, with
 * one booking at a time.
 */
export function createScheduling(deps: SchedulingDeps) {
  const kept = createKept(deps);
  const list = createUpcomingList(deps, kept);
  const booking = createBooking(deps, kept, list);
  let inFlight: Promise<Result<BookOutcome>> | undefined;

  return {
    /** Free rooms of a size for a slot (the service's `freeRooms`, on the background connection). */
    async freeSlot(query: { capacity: number; start: string; duration: number }): Promise<Result<SlotFree>> {
      const client = await deps.api.background();
      const answer = await client.freeRooms({
        meeting_capacity: query.capacity,
        start_time: toServiceTime(new Date(query.start)),
        duration: query.duration,
      });
      if (!answer.ok) return failed(failureText(answer.failure, deps.t()));
      return { ok: true, value: { capacity: query.capacity, total: answer.value.total, free: answer.value.free } };
    },

    /** The series asked for against what the service's repeat would book, before booking. */
    plan: booking.plan,

    /**
     * Books (or, with `meetingId`, changes) a meeting; one booking at a time: a second while one is on its
     * way is refused. A series the service would not book as asked needs `how` (core/calendar/plan.ts).
     */
    async book(
      request: ScheduleRequest,
      options: { meetingId?: string | undefined; how?: BookHow | undefined } = {},
    ): Promise<Result<BookOutcome>> {
      if (inFlight) return failed(deps.t()('schedule.alreadyBooking'));
      const how = options.how ?? 'as-asked';
      inFlight = (options.meetingId ? booking.change(options.meetingId, request, how) : booking.book(request, how))
        .catch((error: unknown) => {
          deps.log?.error('schedule failed unexpectedly', { error: String(error) });
          return failed(deps.t()('ipc.internal'));
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },

    fixSeries: (meetingId: string) => fixSeries(deps, kept, list, meetingId),

    /** The Upcoming list, read now. */
    read: () => list.refresh(true),
    /** The tray menu is opening: read in the background unless the last read is under 30 s old. */
    refreshInBackground(): void {
      void list.refresh(false);
    },
    upcoming: list.upcoming,
    /** The booking the app kept (the form's values for Edit), without the password. */
    booked: kept.bookedOf,
    known: (meetingId: string) => list.entryOf(meetingId) !== undefined,
    ...createBookedActions(deps, kept, list),
    ...createCalendarFiles(deps, kept, list),
  };
}

export type Scheduling = ReturnType<typeof createScheduling>;
