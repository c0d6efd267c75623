import type { Result } from '../../common/result.js';
import type { ScheduleRequest } from '../../common/schedule.js';
import type { BookHow, BookingView, BookOutcome } from '../../common/scheduled.js';
import { createBookedActions } from './scheduling/booked-actions.js';
import { createBooking } from './scheduling/booking.js';
import { createCalendarFiles } from './scheduling/calendar-files.js';
import { createKept, failed, type SchedulingDeps } from './scheduling/kept.js';
import { fixSeries, serviceFactsOf } from './scheduling/series-fix.js';
import { createSlotFree } from './scheduling/slot-free.js';
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
  const slots = createSlotFree(deps, kept);
  let inFlight: Promise<Result<BookOutcome>> | undefined;

  return {
    /** Free rooms of a size for a slot, or for every meeting of a series (scheduling/slot-free.ts). */
    freeSlot: slots.freeSlot,

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
          slots.forget();
        });
      return inFlight;
    },

    fixSeries: (meetingId: string, accept = false) => fixSeries(deps, kept, list, meetingId, accept),

    /** The Upcoming list, read now. */
    read: () => list.refresh(true),
    /** The tray menu is opening: read in the background unless the last read is under 30 s old. */
    refreshInBackground(): void {
      void list.refresh(false);
    },
    upcoming: list.upcoming,
    /** The booking the app kept (the form's values for Edit), without the password. */
    booked: kept.bookedOf,
    /** For Edit: what the app kept, or for a meeting booked elsewhere, what the service says of it (its size, whether a series). */
    async bookingView(meetingId: string): Promise<BookingView> {
      const booked = kept.bookedOf(meetingId);
      return booked ? { kept: booked } : { kept: null, service: await serviceFactsOf(deps, meetingId) };
    },
    known: (meetingId: string) => list.entryOf(meetingId) !== undefined,
    ...createBookedActions(deps, kept, list),
    ...createCalendarFiles(deps, kept, list),
  };
}

export type Scheduling = ReturnType<typeof createScheduling>;
