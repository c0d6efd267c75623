import type { CommandValue, CopyWhat } from '../../common/commands.js';
import { groupMeetingId } from '../../common/format.js';
import type { Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';
import type { RecentMeeting } from '../../common/recent.js';
import { fail, ok, type Result } from '../../common/result.js';
import { failureText } from '../../core/meetings/failure-text.js';
import { invitationText } from '../../core/meetings/invitation.js';
import type { CommandNotify, Confirm } from '../ports.js';
import type { AppStore } from '../store/app-store.js';
import type { ApiClients } from './api-clients.js';
import type { CheckedLinks } from './checked-links.js';

/**
 * What can be done to a meeting in Recent meetings, from the tray or the window: open it (as participant,
 * or as host with a fresh host link), its live page, copy what it has, end it for everyone (after asking),
 * move it to a room of another size. Each answer in the one result shape; the service's refusals are told
 * in a notification too (the tray's click waits for no answer).
 */
export function createRecentActions(deps: {
  store: Pick<AppStore, 'recent' | 'updateRecent'>;
  api: Pick<ApiClients, 'click'>;
  links: CheckedLinks;
  notify: CommandNotify;
  confirm: Confirm;
  locale: () => Locale;
  t: () => Translate;
  now: () => Date;
  /** The meeting ended: its status refresh stops. */
  ended: (meetingId: string) => void;
  changed: () => void;
}) {
  const { t, links } = deps;
  const recentById = (id: string) => deps.store.recent().find((m) => m.meetingId === id);
  const notInRecent = () => fail('not-found', t()('command.notInRecent'));
  const opened = (verdict: 'opened' | 'refused' | 'none'): Result<CommandValue> =>
    verdict === 'opened' ? ok({}) : fail('failed', t()('command.notOpened'));
  const tell = (body: string) => deps.notify({ title: t()('app.title'), body });

  const copyTexts = (meeting: RecentMeeting): Record<CopyWhat, () => string | undefined> => ({
    'join-link': () => meeting.joinUrl,
    'meeting-id': () => meeting.meetingId,
    'host-key': () => meeting.hostKey,
    invitation: () =>
      invitationText(
        {
          topic: meeting.topic,
          startedAt: new Date(meeting.createdAt),
          meetingId: meeting.meetingId,
          ...(meeting.joinUrl ? { joinUrl: meeting.joinUrl } : {}),
        },
        deps.locale(),
      ),
  });

  return {
    /** As participant: the stored join link. As host: a fresh host link (start_url is never stored). */
    async open(meetingId: string, as: 'participant' | 'host'): Promise<Result<CommandValue>> {
      const meeting = recentById(meetingId);
      if (!meeting) return notInRecent();
      if (as === 'participant') return opened(meeting.joinUrl ? await links.openChecked(meeting.joinUrl) : 'none');
      const answer = await (await deps.api.click()).getStartUrl(meetingId);
      if (!answer.ok) {
        const message = t()('meeting.hostLinkFailed', { error: failureText(answer.failure, t()) });
        tell(message);
        return fail('failed', message);
      }
      return opened(await links.openChecked(answer.value.start_url));
    },

    async openLive(meetingId: string): Promise<Result<CommandValue>> {
      const meeting = recentById(meetingId);
      if (!meeting) return notInRecent();
      return opened(meeting.watchUrl ? await links.openChecked(meeting.watchUrl) : 'none');
    },

    async copy(meetingId: string, what: CopyWhat): Promise<Result<CommandValue>> {
      const meeting = recentById(meetingId);
      if (!meeting) return notInRecent();
      const text = copyTexts(meeting)[what]();
      if (!text) return fail('failed', t()('command.nothingToCopy'));
      return (await links.copyChecked(text)) ? ok({}) : fail('failed', t()('command.notCopied'));
    },

    /** Ends a meeting for everyone, after the user confirmed. Never retried on its own. */
    async end(meetingId: string): Promise<Result<CommandValue>> {
      const meeting = recentById(meetingId);
      if (!meeting) return notInRecent();
      const words = t();
      const confirmed = await deps.confirm({
        message: words('meeting.endConfirm', { topic: meeting.topic, id: groupMeetingId(meeting.meetingId) }),
        detail: words('meeting.endConfirmDetail'),
        confirm: words('meeting.endButton'),
        cancel: words('meeting.cancelButton'),
      });
      if (!confirmed) return fail('cancelled', words('command.notEnded'));
      const answer = await (await deps.api.click()).end(meetingId);
      if (!answer.ok) {
        tell(words('meeting.endFailed', { error: failureText(answer.failure, words) }));
        return fail('failed', words('command.notEnded'));
      }
      deps.store.updateRecent(meetingId, { state: 'ended', checkedAt: deps.now().toISOString() });
      deps.ended(meetingId);
      deps.notify({ title: words('meeting.endedTitle'), body: `${meeting.topic} · ${groupMeetingId(meeting.meetingId)}` });
      deps.changed();
      return ok({});
    },

    /**
     * A room of another size for a recent meeting that can still change. The service decides (it may have no
     * room of that size free); its refusal is told in its own words, and the recent entry follows a yes.
     */
    async resize(meetingId: string, capacity: number): Promise<Result<CommandValue>> {
      const meeting = recentById(meetingId);
      if (!meeting) return notInRecent();
      const words = t();
      const answer = await (await deps.api.click()).resize(meetingId, capacity);
      if (!answer.ok) {
        const message = words('meeting.resizeFailed', { topic: meeting.topic, error: failureText(answer.failure, words) });
        tell(message);
        return fail('failed', message);
      }
      deps.store.updateRecent(meetingId, { capacity });
      deps.notify({ title: words('meeting.resizedTitle'), body: words('meeting.resizedBody', { topic: meeting.topic, capacity }) });
      deps.changed();
      return ok({});
    },
  };
}
