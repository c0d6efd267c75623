import { useEffect, useRef, useState } from 'react';
import type { RecentMeeting } from '../../../common/recent.js';
import { Modal } from '../components/Modal.js';
import { useI18n } from '../i18n.js';

/** The rest of a meeting, for the free rooms of each size: from now to its planned end (more than 30 minutes). */
const restOf = (meeting: RecentMeeting, now: number) =>
  Math.max(31, Math.min(24 * 60, Math.ceil((Date.parse(meeting.createdAt) + (meeting.duration ?? 60) * 60_000 - now) / 60_000)));

/** How many rooms of each size are free for the rest of the meeting, asked when the dialog opens. */
function useFreeBySize(meeting: RecentMeeting | undefined, sizes: readonly number[]) {
  const [free, setFree] = useState<{ meetingId: string; bySize: Map<number, number> }>();
  const key = meeting ? `${meeting.meetingId}|${sizes.join(',')}` : '';
  useEffect(() => {
    if (!meeting) return;
    let current = true;
    const now = Date.now();
    const start = new Date(now + 60_000).toISOString();
    const duration = restOf(meeting, now);
    void Promise.all(
      sizes.map(async (capacity) => {
        const answer = await window.umeet.freeSlot({ capacity, start, duration });
        return [capacity, answer.ok ? answer.value.free : undefined] as const;
      }),
    ).then((answers) => {
      if (current)
        setFree({
          meetingId: meeting.meetingId,
          bySize: new Map(answers.filter((a): a is readonly [number, number] => a[1] !== undefined)),
        });
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` says when the meeting or the sizes changed
  }, [key]);
  return free && free.meetingId === meeting?.meetingId ? free.bySize : undefined;
}

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
  const free = useFreeBySize(meeting, props.sizes);
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
                <span className="size">{t('tray.resizeTo', { capacity })}</span>{' '}
                <span className="free" data-testid="resize-free">
                  {capacity === meeting?.capacity
                    ? t('recent.currentSize')
                    : free?.has(capacity)
                      ? t('recent.sizeFree', { free: free.get(capacity)! })
                      : ''}
                </span>
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
