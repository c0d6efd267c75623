import { useId, useRef } from 'react';
import { Modal } from './Modal.js';

/**
 * Asks before something that cannot be undone (a Modal): focus starts on Cancel, the safe choice.
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
  const cancel = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  return (
    <Modal open={props.open} title={props.title} describedBy={bodyId} onCancel={props.onCancel} initialFocus={cancel}>
      {() => (
        <>
          <p id={bodyId}>{props.body}</p>
          <div className="confirm-dialog-actions">
            <button ref={cancel} type="button" onClick={props.onCancel}>
              {props.cancel}
            </button>
            <button type="button" className={props.danger ? 'confirm-dialog-danger' : 'primary'} onClick={props.onConfirm}>
              {props.confirm}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
