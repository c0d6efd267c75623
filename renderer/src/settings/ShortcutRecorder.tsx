import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { displayAccelerator, displayModifiers, readKeys } from '../../../common/accelerator.js';
import { useI18n } from '../i18n.js';
import { usePlatform } from '../platform.js';
import './shortcut.css';

/** Until main has said which OS this is, the page's own guess (only the way shortcuts are written depends on it). */
const guessedPlatform = (): string =>
  /Mac/.test(navigator.userAgent) ? 'darwin' : /Windows/.test(navigator.userAgent) ? 'win32' : 'linux';

/** Why the last key press recorded nothing, while recording. */
type Problem = 'needs-modifier' | 'unsupported-key';

/**
 * Records the global shortcut. It looks like a text field: it shows the shortcut as the OS writes
 * it ("Ctrl+Alt+M", "⌥⌘M"), or an invitation to record one; a click (or Enter, or Space) starts
 * recording, the next key with a modifier records it, and Escape, Tab or leaving the field cancels
 * and keeps the shortcut there was. The × inside the field removes the shortcut (null: none).
 *
 * The button keeps the field's label as its accessible name; the shortcut, or what to do next, is
 * its description, so a screen reader says both, and says the change while recording.
 */
export function ShortcutRecorder(props: {
  id: string;
  value: string | null;
  onChange: (value: string | null) => void;
  describedBy?: string | undefined;
}) {
  const { t } = useI18n();
  const platform = usePlatform() ?? guessedPlatform();
  const [recording, setRecording] = useState(false);
  const [held, setHeld] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const field = useRef<HTMLButtonElement>(null);
  const shownId = useId();

  // Main lets the global shortcut go while this records: pressing it must be recorded, not start a meeting.
  useEffect(() => {
    if (!recording) return;
    void window.umeet.windowState({ recordingShortcut: true }).catch(() => undefined);
    return () => void window.umeet.windowState({ recordingShortcut: false }).catch(() => undefined);
  }, [recording]);

  const stop = () => {
    setRecording(false);
    setHeld([]);
    setProblem(undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    // Tab leaves the field as it would anywhere (and leaving cancels): recording never traps the focus.
    if (event.key === 'Tab') return;
    event.preventDefault();
    if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
      // Escape belongs to the recorder while it records: nothing around it (a menu, a dialog) closes too.
      event.stopPropagation();
      return stop();
    }
    const read = readKeys(event, platform);
    if (read.kind === 'accelerator') {
      props.onChange(read.accelerator);
      return stop();
    }
    if (read.kind === 'modifiers') {
      setHeld(read.modifiers);
      setProblem(undefined);
    } else {
      setHeld([]);
      setProblem(read.kind);
    }
  };

  const onKeyUp = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    const read = readKeys(event, platform);
    if (read.kind === 'modifiers') setHeld(read.modifiers);
  };

  let shown: string;
  if (recording && held.length > 0) shown = displayModifiers(held, platform);
  else if (recording && problem === 'needs-modifier') {
    const modifiers = ['Control', 'Alt', 'Super'].map((modifier) => displayAccelerator(modifier, platform)).join(' / ');
    shown = t('shortcut.needsModifier', { modifiers });
  } else if (recording && problem === 'unsupported-key') shown = t('shortcut.unsupportedKey');
  else if (recording) shown = t('shortcut.recording');
  else shown = props.value ? displayAccelerator(props.value, platform) : t('shortcut.empty');

  const state = recording ? 'recording' : props.value ? 'set' : 'empty';
  return (
    <div className={`shortcut-field shortcut-${state}`} data-testid="shortcut-field">
      <button
        ref={field}
        id={props.id}
        type="button"
        className="shortcut-record"
        aria-describedby={[shownId, props.describedBy].filter(Boolean).join(' ')}
        onClick={() => setRecording(true)}
        onBlur={stop}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
      >
        <span id={shownId} className="shortcut-shown" aria-live="polite">
          {shown}
        </span>
      </button>
      {props.value && !recording && (
        <button
          type="button"
          className="shortcut-clear"
          aria-label={t('shortcut.remove')}
          title={t('shortcut.remove')}
          onClick={() => {
            props.onChange(null);
            // The × goes away with the shortcut: the focus stays in the field rather than fall to the page.
            field.current?.focus();
          }}
        >
          ×
        </button>
      )}
    </div>
  );
}
