import type { FieldError as FormFieldError, FieldErrors } from 'react-hook-form';
import type { Translate } from '../../common/i18n/index.js';
import { fieldMessage } from '../../common/field-messages.js';

/**
 * Main checks the forms with the zod schemas it enforces (form-check.ts); their messages are written
 * for logs and the CLI, so the window shows each field's rule in the user's language instead, from
 * the one table main uses for its own refusals (common/field-messages.ts).
 */
export const fieldErrorText = (field: string, t: Translate, fallback?: string): string => fieldMessage(field, t, fallback);

/** The error of a (possibly nested) field from react-hook-form, if any. */
export function errorAt(errors: FieldErrors, path: string): FormFieldError | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node && typeof node === 'object' && 'message' in node ? (node as FormFieldError) : undefined;
}
