import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * A compact choice among a few values (such as Default / On / Off): radio buttons drawn as one
 * segmented control, so ←/→ move between them and the group is one tab stop, as radios are.
 */
export function Segmented(props: { label: string; options: readonly { value: string; label: string }[]; field: UseFormRegisterReturn }) {
  const labelId = useId();
  return (
    <div className="segmented-row">
      <span id={labelId} className="segmented-label">
        {props.label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
        {props.options.map((option) => (
          <label key={option.value}>
            <input type="radio" value={option.value} {...props.field} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
