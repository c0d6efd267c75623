import { fail, ok } from '../../common/result.js';
import type { Confirm, FileDialogs, OpenPath } from '../ports.js';
import type { AppContext, Feature } from './feature.js';

/**
 * Meetings booked for later (docs/architecture.md, "Scheduling"): the form's channels (free rooms, the
 * series' plan, booking, the fix, the Upcoming list, what was kept of a booking), the `scheduled` command
 * on a booked meeting (from the window and the tray), and Upcoming read in the background as the menu opens.
 * Its code (main/meetings/scheduling/, the schedule's words) loads once the tray shows: Upcoming is empty
 * until its first read, which needs the HTTP client, loaded then too.
 */
export function schedulingFeature(
  ctx: AppContext,
  deps: {
    trusted: (link: string | undefined) => Promise<string | undefined>;
    openChecked: (link: string) => Promise<'opened' | 'refused'>;
    copyChecked: (text: string) => Promise<boolean>;
    openPath: OpenPath;
    tempDir: string;
    files: FileDialogs;
    confirm: Confirm;
    /** Upcoming changed (read, booked, edited, cancelled): the reminders are planned again. */
    upcomingChanged: () => void;
    /** Whether credentials are saved: without them, nothing is read at start or on resume. */
    signedIn: () => boolean;
  },
) {
  const later = ctx.later(async () =>
    (await import('../meetings/scheduling.js')).createScheduling({
      store: ctx.store,
      api: ctx.api,
      ...deps,
      notify: ctx.notify,
      locale: ctx.locale,
      t: ctx.t,
      now: ctx.now,
      log: ctx.log,
      onChange: () => {
        ctx.changed();
        deps.upcomingChanged();
      },
    }),
  );

  return {
    state: () => ({ upcoming: later.ready()?.upcoming() ?? [] }),
    commands: {
      scheduled: async (command) => {
        const scheduling = await later.get();
        if (!scheduling.known(command.meetingId)) return fail('not-found', ctx.t()('schedule.notFound'));
        const id = command.meetingId;
        const act = {
          'open-host': scheduling.openHost,
          'copy-invitation': scheduling.copyInvitation,
          'add-to-calendar': scheduling.addToCalendar,
          'save-ics': scheduling.saveCalendar,
          cancel: scheduling.cancel,
        }[command.action];
        const outcome = await act(id);
        return outcome.ok ? ok({ meetingId: id }) : outcome;
      },
    },
    ipc: {
      freeSlot: async (query) => (await later.get()).freeSlot(query),
      planSeries: async (query) => ok(await (await later.get()).plan(query)),
      schedule: async (request) => (await later.get()).book(request.request, { meetingId: request.meetingId, how: request.how }),
      fixSeries: async (request) => (await later.get()).fixSeries(request.meetingId, request.accept === true),
      upcoming: async () => (await later.get()).read(),
      booking: async (request) => ok(await (await later.get()).bookingView(request.meetingId)),
    },
    // Read once the tray shows, for the tray and the reminders (issue 31), and after a sleep.
    begin: () => later.whenLoaded((scheduling) => deps.signedIn() && scheduling.read()),
    resume: () => later.whenLoaded((scheduling) => deps.signedIn() && scheduling.read()),
    // Today's and tomorrow's booked meetings for the tray: at most every 30 s, never on a click.
    warm: () => later.whenLoaded((scheduling) => scheduling.refreshInBackground()),
  } satisfies Feature<'upcoming'>;
}
