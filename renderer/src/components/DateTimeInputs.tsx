import { useRef, type KeyboardEvent } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { localDate } from '../../../common/format.js';
import { addDays, addMinutes, readDate, readTime } from '../../../common/typed-date-time.js';

/**
 * The schedule form's date and time: text fields the app writes itself (`2026-12-21`, `14:30`), because
 * Chromium's `<input type="date|time">` draws the browser's locale (`12/21/2026`, `10:00 AM` in the Chinese
 * window: issue 29, item 7). Typed in freely (common/typed-date-time.ts reads it, and the field shows it as the
 * app writes it once left); ↑/↓ move a day or a quarter of an hour, PgUp/PgDn a week or an hour.
 */
interface TextFieldProps {
  /** The form's registration of the field. */
  registration: UseFormRegisterReturn;
  /** Sets the form's value (checked and marked as changed), as when a value is picked or stepped. */
  set: (value: string) => void;
  /** id, aria-* and disabled, as the form gives every control. */
  control: { id: string; 'aria-invalid'?: boolean | undefined; 'aria-describedby'?: string | undefined; 'aria-label'?: string };
  disabled?: boolean;
  placeholder: string;
}

/** The step a key asks for, or 0 for a key that is not a step. */
function stepOf(event: KeyboardEvent, small: number, large: number): number {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return 0;
  return { ArrowUp: small, ArrowDown: -small, PageUp: large, PageDown: -large }[event.key] ?? 0;
}

function TextField(
  props: TextFieldProps & { read: typeof readDate; step: (value: string, event: KeyboardEvent) => string | undefined; className: string },
) {
  const { onBlur, ref, ...registration } = props.registration;
  return (
    <input
      type="text"
      className={props.className}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder={props.placeholder}
      disabled={props.disabled}
      {...props.control}
      {...registration}
      ref={ref}
      onKeyDown={(event) => {
        const next = props.step(event.currentTarget.value, event);
        if (next === undefined) return;
        event.preventDefault();
        props.set(next);
      }}
      onBlur={(event) => {
        // Left: shown as the app writes it (`2026/12/1` → `2026-12-01`, `930` → `09:30`).
        const read = props.read(event.currentTarget.value);
        if (read && read !== event.currentTarget.value) props.set(read);
        void onBlur(event);
      }}
    />
  );
}

export function TimeInput(props: TextFieldProps) {
  return (
    <TextField
      {...props}
      className="time-text"
      read={readTime}
      step={(value, event) => {
        const minutes = stepOf(event, 15, 60);
        return minutes ? addMinutes(readTime(value) ?? '09:00', minutes) : undefined;
      }}
    />
  );
}

/**
 * The date, and a calendar button beside it: Chromium's own picker, opened on a date input kept out of sight
 * (input.showPicker), whose choice is written into the field as the app writes dates.
 */
export function DateInput(props: TextFieldProps & { pickLabel: string }) {
  const proxy = useRef<HTMLInputElement>(null);
  const field = useRef<HTMLInputElement | null>(null);
  const registration = {
    ...props.registration,
    ref: (element: HTMLInputElement | null) => {
      field.current = element;
      props.registration.ref(element);
    },
  };
  return (
    <>
      <TextField
        {...props}
        registration={registration}
        className="date-text"
        read={readDate}
        step={(value, event) => {
          const days = stepOf(event, 1, 7);
          return days ? addDays(readDate(value) ?? localDate(new Date()), days) : undefined;
        }}
      />
      <span className="date-picker">
        <button
          type="button"
          className="icon"
          aria-label={props.pickLabel}
          title={props.pickLabel}
          disabled={props.disabled}
          onClick={() => {
            const picker = proxy.current;
            if (!picker) return;
            picker.value = readDate(field.current?.value ?? '') ?? '';
            try {
              picker.showPicker();
            } catch {
              // No picker here (none in this browser, or no user gesture): the field is typed in.
              field.current?.focus();
            }
          }}
        >
          <CalendarIcon />
        </button>
        <input
          ref={proxy}
          type="date"
          className="date-picker-proxy"
          tabIndex={-1}
          aria-hidden="true"
          aria-label={props.pickLabel}
          onChange={(event) => {
            if (!event.currentTarget.value) return;
            props.set(event.currentTarget.value);
            field.current?.focus();
          }}
        />
      </span>
    </>
  );
}

function CalendarIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M2.5 3.5h11v10h-11zM2.5 6.5h11M5.5 2v3M10.5 2v3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
