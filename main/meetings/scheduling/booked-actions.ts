import { localDate, localTime } from '../../../common/format.js';
import type { Result } from '../../../common/result.js';
import { slotWords } from '../../../common/schedule-words.js';
import { failureText } from '../../../core/meetings/failure-text.js';
import { failed, type Kept, type SchedulingDeps } from './kept.js';
import type { UpcomingList } from './upcoming-list.js';

/** A time on the local clock, with the date when it is not today. */
function whenText(at: Date, now: Date): string {
  return localDate(at) === localDate(now) ? localTime(at) : `${localDate(at)} ${localTime(at)}`;
}

/**
 * What can be done to a meeting booked for later (the `scheduled` command, from the window and the tray):
 * cancel it (after asking; a series booked one by one together), copy its invitation, open it as host.
 */
export function createBookedActions(deps: SchedulingDeps, kept: Kept, list: UpcomingList) {
  const notFound = () => failed(deps.t()('schedule.notFound'), 'not-found');

  return {
    /** Cancels a meeting, after asking; a meeting booked one by one with others is cancelled with them, each once. */
    async cancel(meetingId: string): Promise<Result<Record<string, never>>> {
      const t = deps.t();
      const entry = list.entryOf(meetingId);
      if (!entry) return notFound();
      const group = kept.bookedOf(meetingId)?.group;
      const ids = group ? kept.membersOf(group).map((m) => m.meetingId) : [meetingId];
      const detail = group
        ? t('schedule.cancelDetailGroup', { count: ids.length })
        : t(entry.recurrence ? 'schedule.cancelDetailSeries' : 'schedule.cancelDetail', {
            when: slotWords(new Date(entry.start), entry.duration),
          });
      const sure = await deps.confirm({
        title: t('schedule.cancelTitle'),
        message: t('schedule.cancelMessage', { topic: entry.topic }),
        detail,
        confirm: t('schedule.cancelConfirm'),
        cancel: t('schedule.cancelKeep'),
      });
      if (!sure) return failed(t('schedule.cancelKept'), 'cancelled');
      const client = await deps.api.click();
      const notCancelled: string[] = [];
      for (const id of ids) {
        // A delete is sent once; one that fails is told, and the others still go (each its own meeting).
        const answer = await client.delete(id);
        if (!answer.ok) {
          notCancelled.push(failureText(answer.failure, t));
          continue;
        }
        deps.store.forgetBooked(id);
        kept.passwords.delete(id);
        list.forget(id);
      }
      deps.onChange();
      list.changed();
      if (notCancelled.length === ids.length && ids.length === 1) return failed(notCancelled[0]!);
      if (notCancelled.length)
        return failed(t('schedule.cancelPartly', { failed: notCancelled.length, count: ids.length, reason: notCancelled[0]! }));
      return { ok: true, value: {} };
    },

    async copyInvitation(meetingId: string): Promise<Result<{ invitation: string }>> {
      const entry = list.entryOf(meetingId);
      if (!entry) return notFound();
      if (await kept.heldMismatch(meetingId)) return failed(deps.t()('schedule.held'));
      const invitation = kept.invitationOf({ ...entry, start: new Date(entry.start) }, true);
      const copied = await deps.copyChecked(invitation).catch(() => false);
      return copied ? { ok: true, value: { invitation } } : failed(deps.t()('command.notCopied'));
    },

    /** A fresh host link; before the early-join window the service refuses, and the user is told when it opens. */
    async openHost(meetingId: string): Promise<Result<Record<string, never>>> {
      const t = deps.t();
      const entry = list.entryOf(meetingId);
      if (!entry) return notFound();
      const answer = await (await deps.api.click()).getStartUrl(meetingId);
      if (!answer.ok) {
        const start = new Date(entry.start);
        const ready = kept.bookedOf(meetingId)?.readyMinutes;
        const now = deps.now();
        const said = answer.failure.kind === 'rejected' ? answer.failure.message : '';
        const message =
          answer.failure.kind === 'rejected' && start > now
            ? ready !== undefined
              ? t('schedule.notOpenYet', { time: whenText(new Date(start.getTime() - ready * 60_000), now), said })
              : t('schedule.notOpenYetUnknown', { time: whenText(start, now), said })
            : t('meeting.hostLinkFailed', { error: failureText(answer.failure, t) });
        deps.notify({ title: entry.topic || t('app.title'), body: message });
        return failed(message);
      }
      const opened = await deps.openChecked(answer.value.start_url);
      return opened === 'opened' ? { ok: true, value: {} } : failed(t('command.notOpened'));
    },
  };
}
