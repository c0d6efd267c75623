import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n.js';
import { DURATION_CHOICES } from './preset-form.js';

const CUSTOM = 'custom';

/**
 * The duration as a choice of the usual lengths, the service's default, or "Custom…" with a field
 * for the minutes: the service refuses 30 or less, and a list cannot offer it.
 */
export function DurationPicker(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  invalid: boolean;
  describedBy: string | undefined;
}) {
  const { t } = useI18n();
  const listed = props.value === '' || DURATION_CHOICES.some((minutes) => String(minutes) === props.value);
  const [custom, setCustom] = useState(!listed);
  // A value set from outside (Discard, a draft restored) decides the mode again; the user's own typing does not.
  const emitted = useRef(props.value);
  useEffect(() => {
    if (props.value !== emitted.current) setCustom(!listed);
    emitted.current = props.value;
  }, [props.value, listed]);
  const change = (value: string) => {
    emitted.current = value;
    props.onChange(value);
  };
  const choice = custom ? CUSTOM : props.value;
  return (
    <div className="duration">
      <select
        id={props.id}
        value={choice}
        aria-describedby={props.describedBy}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setCustom(next === CUSTOM);
          if (next !== CUSTOM) change(next);
          else window.requestAnimationFrame(() => document.getElementById(`${props.id}-custom`)?.focus());
        }}
        onBlur={props.onBlur}
      >
        <option value="">{t('editor.durationDefault')}</option>
        {DURATION_CHOICES.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {t('editor.durationMinutes', { minutes })}
          </option>
        ))}
        <option value={CUSTOM}>{t('editor.durationCustom')}</option>
      </select>
      {custom && (
        <input
          id={`${props.id}-custom`}
          inputMode="numeric"
          aria-label={t('editor.durationCustomLabel')}
          aria-invalid={props.invalid}
          aria-describedby={props.describedBy}
          value={props.value}
          onChange={(event) => change(event.currentTarget.value)}
          onBlur={props.onBlur}
        />
      )}
    </div>
  );
}
