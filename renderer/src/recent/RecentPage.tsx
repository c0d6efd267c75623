import type { z } from 'zod';
import type { RecentAction, WindowSnapshot } from '../../../common/window-state.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import { groupMeetingId, localDate, localTime } from '../../../common/format.js';
import { recentStateText } from '../../../common/recent.js';
import { useI18n } from '../i18n.js';
import { call } from '../ipc.js';
import type { ToastMessage } from '../components/Toast.js';

type Action = z.infer<typeof RecentAction>;

const actionLabels: [Action, MessageKey][] = [
  ['open-participant', 'tray.openAsParticipant'],
  ['open-host', 'tray.openAsHost'],
  ['copy-join-link', 'tray.copyJoinLink'],
  ['copy-meeting-id', 'tray.copyMeetingId'],
  ['copy-host-key', 'tray.copyHostKey'],
  ['copy-invitation', 'tray.copyInvitation'],
  ['open-live', 'tray.openLive'],
  ['end', 'tray.endMeeting'],
];

/** The recent meetings, with the same actions as the tray. */
export function RecentPage({ snapshot, toast }: { snapshot: WindowSnapshot; toast: (message: Omit<ToastMessage, 'id'>) => void }) {
  const { t } = useI18n();
  const act = async (meetingId: string, action: Action) => {
    try {
      const answer = await call(window.umeet.recentAction({ meetingId, action }), t);
      if (answer.ok && action.startsWith('copy-')) toast({ text: t('meeting.copied'), tone: 'info' });
    } catch (error) {
      toast({ text: (error as Error).message, tone: 'error' });
    }
  };
  return (
    <section className="recent-page" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('tray.recent')}</h2>
      {snapshot.pendingChecks.map((check) => (
        <p key={check.id} className="warning">
          <button type="button" onClick={() => void call(window.umeet.checkCreated({ id: check.id }), t)}>
            {t('tray.checkCreated', { topic: check.topic })}
          </button>
        </p>
      ))}
      {snapshot.recent.length === 0 ? (
        <p className="empty">{t('tray.recentEmpty')}</p>
      ) : (
        <ul className="recent-list">
          {snapshot.recent.map((meeting) => {
            const created = new Date(meeting.createdAt);
            const live = meeting.state === 'waiting' || meeting.state === 'in-progress' || meeting.state === 'unknown';
            const stateText = recentStateText(meeting, t);
            return (
              <li key={meeting.meetingId} className="card">
                <h3>{meeting.topic}</h3>
                <p className="summary">
                  {groupMeetingId(meeting.meetingId)} · {localDate(created)} {localTime(created)} · <span className={`state state-${meeting.state}`}>{stateText}</span>
                </p>
                <div className="actions wrap">
                  {actionLabels
                    .filter(([action]) => (action === 'open-live' ? Boolean(meeting.watchUrl) : action === 'copy-host-key' ? Boolean(meeting.hostKey) : true))
                    .map(([action, label]) => (
                      <button
                        key={action}
                        type="button"
                        className={action === 'end' ? 'danger' : undefined}
                        disabled={!live && (action === 'open-participant' || action === 'open-host' || action === 'open-live' || action === 'end')}
                        onClick={() => void act(meeting.meetingId, action)}
                      >
                        {t(label)}
                      </button>
                    ))}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
