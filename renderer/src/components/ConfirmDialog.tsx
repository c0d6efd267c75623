import { useEffect, useId, useRef } from 'react';
import './confirm-dialog.css';

/**
 * Asks before something that cannot be undone, inside the window: a native <dialog> opened with
 * showModal(), so the browser makes the rest of the page inert, keeps focus inside, and closes it
 * on Escape (which counts as Cancel). Focus starts on Cancel, the safe choice, and goes back to
 * whatever had it before (the button that asked) when the dialog closes.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  /** One sentence: what will happen. */
  body: string;
  confirm: string;
  cancel: string;
  /** The confirm button is styled as destructive. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      cancel.current?.focus();
    } else if (!props.open && element.open) {
      element.close();
    }
  }, [props.open]);

  const closed = () => {
    // Closed by Escape (the browser's own cancel) while still meant to be open: that is Cancel. (A close
    // asked for by the effect above comes after the render that set `open` to false, so it is not.)
    if (props.open) props.onCancel();
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus();
  };

  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId} onClose={closed}>
      <h2 id={titleId}>{props.title}</h2>
      <p id={bodyId}>{props.body}</p>
      <div className="confirm-dialog-actions">
        <button ref={cancel} type="button" onClick={props.onCancel}>
          {props.cancel}
        </button>
        <button type="button" className={props.danger ? 'confirm-dialog-danger' : 'primary'} onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}
