import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * A compact choice among a few values (such as Default / On / Off): radio buttons drawn as one
 * segmented control, so ←/→ move between them and the group is one tab stop, as radios are.
 *
 * `id` names the group's tab stop, for a label's link or a reveal to focus: it goes on the radio
 * holding `value` (the checked one, where Tab lands too), or on the first.
 */
export function Segmented(props: {
  label: string;
  options: readonly { value: string; label: string }[];
  field: UseFormRegisterReturn;
  id?: string;
  value?: string;
  describedBy?: string;
  disabled?: boolean;
}) {
  const labelId = useId();
  const focusAt = props.options.some((option) => option.value === props.value) ? props.value : props.options[0]?.value;
  return (
    <div className="segmented-row">
      <span id={labelId} className="segmented-label">
        {props.label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={labelId} aria-describedby={props.describedBy}>
        {props.options.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              value={option.value}
              id={props.id && option.value === focusAt ? props.id : undefined}
              {...props.field}
              disabled={props.disabled}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
