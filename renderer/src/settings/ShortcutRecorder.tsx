import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n.js';

/** Turns a key press into an Electron accelerator, or undefined while only modifiers are down. */
export function acceleratorOf(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): string | undefined {
  const modifiers = [
    event.ctrlKey || event.metaKey ? 'CommandOrControl' : '',
    event.altKey ? 'Alt' : '',
    event.shiftKey ? 'Shift' : '',
  ].filter(Boolean);
  let key: string | undefined;
  if (/^Key[A-Z]$/.test(event.code)) key = event.code.slice(3);
  else if (/^Digit\d$/.test(event.code)) key = event.code.slice(5);
  else if (/^F\d{1,2}$/.test(event.key)) key = event.key;
  else if (event.key === ' ') key = 'Space';
  else if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) key = event.key.slice(5);
  // A global shortcut needs a modifier, or it would swallow a plain key everywhere.
  if (!key || modifiers.length === 0) return undefined;
  return [...modifiers, key].join('+');
}

/** Records a global shortcut: focus the button, press the keys; Escape cancels. */
export function ShortcutRecorder(props: {
  id: string;
  value: string | null;
  onChange: (value: string | null) => void;
  describedBy?: string | undefined;
}) {
  const { t } = useI18n();
  const [recording, setRecording] = useState(false);
  return (
    <div className="shortcut">
      <button
        id={props.id}
        type="button"
        aria-describedby={props.describedBy}
        className={recording ? 'recording' : undefined}
        onClick={() => setRecording(true)}
        onBlur={() => setRecording(false)}
        onKeyDown={(event) => {
          if (!recording) return;
          event.preventDefault();
          if (event.key === 'Escape') return setRecording(false);
          const accelerator = acceleratorOf(event);
          if (accelerator) {
            props.onChange(accelerator);
            setRecording(false);
          }
        }}
      >
        {recording ? t('shortcut.pressKeys') : (props.value ?? t('shortcut.off'))}
      </button>
      <button type="button" onClick={() => props.onChange(null)} disabled={props.value === null}>
        {t('shortcut.clear')}
      </button>
    </div>
  );
}
