import { oneLine } from '../../common/display-text.js';
import { localTime } from '../../common/format.js';
import type { UpcomingMeeting } from '../../common/scheduled.js';
import { dueReminders, keyOf, minutesTo, nextWake, occurrencesOf, remindAt, soonOf, type Occurrence } from '../meetings/reminder-plan.js';
import type { AppContext, Feature } from './feature.js';

/** A topic in a notification or the tray's line: the service's text, one bounded line. */
const TOPIC_MAX = 80;

/**
 * Reminders before the meetings in Upcoming, and the tray's top line in the 15 minutes before one
 * (issue 31). One timer, for the next moment something changes (main/meetings/reminder-plan.ts), set
 * again after each and whenever Upcoming or the setting changes: no polling, and with nothing booked no
 * timer at all. A reminder is shown only while its meeting has not started: a machine that slept
 * through a reminder does not show it once the meeting is on.
 */
export function remindersFeature(
  ctx: AppContext,
  deps: {
    /** The last read of Upcoming. */
    upcoming: () => readonly UpcomingMeeting[];
    /** Reads Upcoming again now (a change calls `plan` through the scheduling feature). */
    read: () => Promise<unknown>;
  },
) {
  let handle: unknown;
  let armedFor: number | undefined;
  let stopped = false;
  /** Reminders shown, by meeting and start; forgotten once the meeting has started. */
  const fired = new Set<string>();

  const minutes = () => ctx.store.settings().meetingReminderMinutes;
  const all = () => occurrencesOf(deps.upcoming(), ctx.store.booked());

  function remind(o: Occurrence, now: number): void {
    const t = ctx.t();
    const setting = minutes();
    const lead = Math.round((o.start - remindAt(o, setting)) / 60_000);
    const fields = { time: localTime(new Date(o.start)), minutes: minutesTo(o.start, now), ready: lead };
    ctx.commandNotify({
      title: oneLine(o.topic, TOPIC_MAX) || t('app.title'),
      body: t(lead < setting ? 'reminder.bodyReady' : 'reminder.body', fields),
      command: { type: 'scheduled', meetingId: o.meetingId, action: 'open-host' },
    });
    ctx.log.info('reminder shown', { meetingId: o.meetingId, start: new Date(o.start).toISOString() });
  }

  function arm(at: number | undefined, now: number): void {
    if (at === armedFor && (handle !== undefined || at === undefined)) return;
    if (handle !== undefined) ctx.timers.clearTimeout(handle);
    handle = undefined;
    armedFor = at;
    if (at === undefined || stopped) return;
    handle = ctx.timers.setTimeout(
      () => {
        handle = undefined;
        armedFor = undefined;
        void wake();
      },
      Math.max(0, at - now),
    );
  }

  /** Shows what is due, tells the tray when its line may have changed, and sets the one timer again. */
  function plan(): void {
    if (stopped) return;
    const now = ctx.now().getTime();
    const occurrences = all();
    for (const o of dueReminders(occurrences, minutes(), now, fired)) {
      fired.add(keyOf(o));
      remind(o, now);
    }
    for (const key of fired) if (Number(key.slice(key.lastIndexOf('@') + 1)) <= now) fired.delete(key);
    arm(nextWake(occurrences, minutes(), now, fired), now);
  }

  /** The timer came (or the computer woke): a reminder due is shown from a fresh read of Upcoming, so a meeting cancelled elsewhere is not. */
  async function wake(): Promise<void> {
    if (dueReminders(all(), minutes(), ctx.now().getTime(), fired).length) await deps.read().catch(() => undefined);
    plan();
    // The timer comes only when something changes: the tray's line counts down a minute, comes or goes.
    ctx.changed();
  }

  const feature = {
    state: () => {
      const soon = soonOf(all(), ctx.now().getTime());
      return {
        nextMeeting: soon
          ? { meetingId: soon.meetingId, topic: oneLine(soon.topic, TOPIC_MAX), start: new Date(soon.start).toISOString() }
          : undefined,
      };
    },
    onSettings: (before, after) => {
      if (before.meetingReminderMinutes !== after.meetingReminderMinutes) plan();
    },
    begin: plan,
    resume: () => void wake(),
    stop: () => {
      arm(undefined, 0);
      stopped = true;
    },
  } satisfies Feature<'nextMeeting'>;
  return { feature, plan };
}
