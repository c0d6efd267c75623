import { useEffect, useState } from 'react';
import { get, set, type FieldError, type FieldValues, type Resolver } from 'react-hook-form';
import type { CheckAnswer, CheckIssue, FormName } from '../../common/form-check.js';

/**
 * The window's forms are checked by main, with the very schemas main enforces when they are saved (the `check`
 * channel, common/form-check.ts): the window runs no zod (issue 30: zod was a quarter of the window's bytes).
 */

/**
 * Main's check of a form's values; undefined when main could not be asked (the bridge gone, a failure of its
 * own). A form lets its values through then: saving checks them again, with the same schema, and names the fields.
 */
export async function check(form: FormName, value: unknown): Promise<CheckAnswer | undefined> {
  try {
    const answer = await window.umeet.check({ form, value });
    return answer.ok ? answer.value : undefined;
  } catch {
    return undefined;
  }
}

/** The issues as react-hook-form's errors, nested by the schema's path, the first of each path kept (as zodResolver did). */
export function toFieldErrors(issues: readonly CheckIssue[], fields: unknown): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (get(errors, path)) continue;
    const field = get(fields, path) as { ref?: unknown; refs?: unknown[] } | undefined;
    // The message is the path: the form words it in the user's language when drawn (validation.ts).
    const error: FieldError = { type: issue.code, message: path, ref: (field?.refs?.[0] ?? field?.ref) as FieldError['ref'] };
    set(errors, path, error);
  }
  return errors;
}

/**
 * A react-hook-form resolver that asks main, as zodResolver ran the schema here: `toValue` makes what the form
 * would save from its inputs; the submit handler gets main's parsed value (trimmed, one line…), or for a form
 * whose value main does not send back (a secret in it), the inputs.
 */
export function mainResolver<V extends FieldValues>(form: FormName, toValue: (values: V) => unknown): Resolver<V> {
  return async (values, _context, options) => {
    const answer = await check(form, toValue(values));
    if (!answer) return { values, errors: {} };
    if (answer.ok) return { values: (answer.value ?? values) as V, errors: {} };
    return { values: {}, errors: toFieldErrors(answer.issues, options.fields) as never };
  };
}

/**
 * Main's verdict on a value the form shows something for as it is typed (a series' sentence): undefined while
 * there is none (no value, or main has not answered for this very value yet).
 */
export function useChecked(form: FormName, value: unknown): boolean | undefined {
  const key = value === undefined ? '' : JSON.stringify(value);
  const [answer, setAnswer] = useState<{ key: string; ok: boolean }>();
  useEffect(() => {
    if (!key) return;
    let current = true;
    void check(form, JSON.parse(key)).then((checked) => {
      if (current) setAnswer({ key, ok: checked?.ok ?? false });
    });
    return () => {
      current = false;
    };
  }, [form, key]);
  return key && answer?.key === key ? answer.ok : undefined;
}
