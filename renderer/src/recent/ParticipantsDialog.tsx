import { useEffect, useRef, useState } from 'react';
import { localDate, localTime } from '../../../common/format.js';
import type { RecentMeeting } from '../../../common/recent.js';
import type { ParticipantsView } from '../../../common/window-state.js';
import { Modal } from '../components/Modal.js';
import { useI18n } from '../i18n.js';
import { ask } from '../ipc.js';

type Loaded = { state: 'loading' } | { state: 'ready'; view: ParticipantsView } | { state: 'failed'; message: string };

const clock = (iso: string | undefined) => (iso ? localTime(new Date(iso)) : '');

/**
 * Who is in a meeting (or was, once it is over), asked of the service when opened: names, devices and
 * times. Personal data: shown here, on request, and kept nowhere (not in the store, not in the log).
 */
export function ParticipantsDialog(props: { meeting: RecentMeeting | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const { meeting } = props;
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const close = useRef<HTMLButtonElement>(null);
  const meetingId = meeting?.meetingId;
  const past = meeting ? meeting.state === 'ended' || meeting.state === 'released' : false;

  useEffect(() => {
    if (!meetingId) return;
    let live = true;
    void ask(window.umeet.participants({ meetingId, past }), t).then((answer) => {
      if (!live) return;
      setLoaded(answer.ok ? { state: 'ready', view: answer.value } : { state: 'failed', message: answer.error.message });
    });
    return () => {
      live = false;
      setLoaded({ state: 'loading' });
    };
  }, [meetingId, past, t]);

  return (
    <Modal
      open={Boolean(meeting)}
      title={meeting ? t('recent.participantsTitle', { topic: meeting.topic }) : ''}
      onCancel={props.onClose}
      initialFocus={close}
      className="participants-dialog"
    >
      {() => (
        <>
          <div aria-live="polite" data-testid="participants">
            {loaded.state === 'loading' && <p>{t('about.loading')}</p>}
            {loaded.state === 'failed' && <p className="error">{loaded.message}</p>}
            {loaded.state === 'ready' && loaded.view.participants.length === 0 && <p>{t('recent.nobodyJoined')}</p>}
            {loaded.state === 'ready' && loaded.view.participants.length > 0 && (
              <table className="participants">
                <caption>{t('recent.participantsCount', { count: loaded.view.count })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('recent.participantName')}</th>
                    <th scope="col">{t('recent.participantDevice')}</th>
                    <th scope="col">{t('recent.participantTime')}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.view.participants.map((p, index) => (
                    <tr key={`${p.name}-${p.joinedAt ?? index}`}>
                      <td>{p.name}</td>
                      <td>{p.device ?? ''}</td>
                      <td>
                        {p.joinedAt && localDate(new Date(p.joinedAt)) !== localDate(new Date())
                          ? `${localDate(new Date(p.joinedAt))} `
                          : ''}
                        {clock(p.joinedAt)}
                        {p.leftAt ? `–${clock(p.leftAt)}` : ` ${t('recent.stillIn')}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <div className="confirm-dialog-actions">
            <button ref={close} type="button" onClick={props.onClose}>
              {t('recent.close')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
