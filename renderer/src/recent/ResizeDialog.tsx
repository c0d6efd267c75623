import { useRef, useState } from 'react';
import type { RecentMeeting } from '../../../common/recent.js';
import { Modal } from '../components/Modal.js';
import { useI18n } from '../i18n.js';

/**
 * "Resize room…": the licensed sizes, the meeting's own checked; the service decides (it may have no
 * room of that size free, and then says so, in a toast).
 */
export function ResizeDialog(props: {
  meeting: RecentMeeting | undefined;
  sizes: readonly number[];
  onResize: (meeting: RecentMeeting, capacity: number) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { meeting } = props;
  const [chosen, setChosen] = useState<number>();
  const first = useRef<HTMLInputElement>(null);
  const size = chosen ?? meeting?.capacity;
  return (
    <Modal
      open={Boolean(meeting)}
      title={meeting ? t('recent.resizeTitle', { topic: meeting.topic }) : ''}
      onCancel={() => {
        setChosen(undefined);
        props.onCancel();
      }}
      initialFocus={first}
    >
      {(titleId) => (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (meeting && size && size !== meeting.capacity) props.onResize(meeting, size);
            setChosen(undefined);
          }}
        >
          <div role="radiogroup" aria-labelledby={titleId} className="resize-sizes">
            {props.sizes.map((capacity, index) => (
              <label key={capacity}>
                <input
                  ref={index === 0 || capacity === meeting?.capacity ? first : undefined}
                  type="radio"
                  name="capacity"
                  value={capacity}
                  checked={size === capacity}
                  onChange={() => setChosen(capacity)}
                />
                {t('tray.resizeTo', { capacity })}
                {capacity === meeting?.capacity && <span className="hint"> {t('recent.currentSize')}</span>}
              </label>
            ))}
          </div>
          <p className="hint">{t('recent.resizeHint')}</p>
          <div className="confirm-dialog-actions">
            <button
              type="button"
              onClick={() => {
                setChosen(undefined);
                props.onCancel();
              }}
            >
              {t('meeting.cancelButton')}
            </button>
            <button type="submit" className="primary" disabled={!size || size === meeting?.capacity}>
              {t('recent.resize')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
