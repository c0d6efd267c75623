import type { Command } from '../../../common/commands.js';
import type { RecentMeeting } from '../../../common/recent.js';
import type { WindowSnapshot } from '../../../common/window-state.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import { groupMeetingId, localDate, localTime } from '../../../common/format.js';
import { recentStateText } from '../../../common/recent.js';
import { useI18n } from '../i18n.js';
import { useAct } from '../ipc.js';
import { useToast } from '../components/Toast.js';
import { say } from '../messages.js';

/** A recent meeting's actions, the same commands as the tray's; `live` ones only while it can still change. */
function actions(meeting: RecentMeeting): { key: string; label: MessageKey; command: Command; live?: boolean; danger?: boolean }[] {
  const { meetingId } = meeting;
  return [
    {
      key: 'open-participant',
      label: 'tray.openAsParticipant',
      command: { type: 'open-meeting', meetingId, as: 'participant' },
      live: true,
    },
    { key: 'open-host', label: 'tray.openAsHost', command: { type: 'open-meeting', meetingId, as: 'host' }, live: true },
    { key: 'copy-join-link', label: 'tray.copyJoinLink', command: { type: 'copy', meetingId, what: 'join-link' } },
    { key: 'copy-meeting-id', label: 'tray.copyMeetingId', command: { type: 'copy', meetingId, what: 'meeting-id' } },
    ...(meeting.hostKey
      ? [{ key: 'copy-host-key', label: 'tray.copyHostKey' as const, command: { type: 'copy', meetingId, what: 'host-key' } as const }]
      : []),
    { key: 'copy-invitation', label: 'tray.copyInvitation', command: { type: 'copy', meetingId, what: 'invitation' } },
    ...(meeting.watchUrl
      ? [{ key: 'open-live', label: 'tray.openLive' as const, command: { type: 'open-live', meetingId } as const, live: true }]
      : []),
    { key: 'end', label: 'tray.endMeeting', command: { type: 'end-meeting', meetingId }, live: true, danger: true },
  ];
}

/** The recent meetings, with the same actions as the tray. */
export function RecentPage({ snapshot }: { snapshot: WindowSnapshot }) {
  const { t } = useI18n();
  const toast = useToast();
  const run = useAct();
  const act = async (command: Command) => {
    const done = await run(window.umeet.run(command));
    if (done && command.type === 'copy') toast({ message: say('meeting.copied'), tone: 'info' });
  };
  return (
    <section className="recent-page" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('tray.recent')}</h2>
      {snapshot.pendingChecks.map((check) => (
        <p key={check.id} className="warning">
          <button type="button" onClick={() => void act({ type: 'check-created', checkId: check.id })}>
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
                  {groupMeetingId(meeting.meetingId)} · {localDate(created)} {localTime(created)} ·{' '}
                  <span className={`state state-${meeting.state}`}>{stateText}</span>
                </p>
                <div className="actions wrap">
                  {actions(meeting).map((action) => (
                    <button
                      key={action.key}
                      type="button"
                      className={action.danger ? 'danger' : undefined}
                      disabled={!live && action.live}
                      onClick={() => void act(action.command)}
                    >
                      {t(action.label)}
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
