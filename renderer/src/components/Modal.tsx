import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import './confirm-dialog.css';

/**
 * A dialog inside the window: a native <dialog> opened with showModal(), so the browser makes the rest
 * of the page inert, keeps focus inside, and closes it on Escape (which counts as Cancel). Focus starts
 * on `initialFocus` (else the dialog's first control) and goes back to whatever had it before (the
 * button that asked) when the dialog closes.
 */
export function Modal(props: {
  open: boolean;
  title: string;
  /** Read out with the title. */
  describedBy?: string;
  onCancel: () => void;
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: (titleId: string) => ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const { open, initialFocus } = props;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      initialFocus?.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open, initialFocus]);

  const closed = () => {
    // The close event is queued as a task of its own: a quick user (Cancel, then Enter on the button that asked)
    // can show the dialog again before the event of the last closing arrives. That event is not this dialog's.
    if (dialog.current?.open) return;
    // Closed by Escape (the browser's own cancel) while still meant to be open: that is Cancel. (A close
    // asked for by the effect above comes after the render that set `open` to false, so it is not.)
    if (props.open) props.onCancel();
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus();
  };

  return (
    <dialog
      ref={dialog}
      className={`confirm-dialog ${props.className ?? ''}`.trim()}
      aria-labelledby={titleId}
      aria-describedby={props.describedBy}
      onClose={closed}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.open && props.children(titleId)}
    </dialog>
  );
}
