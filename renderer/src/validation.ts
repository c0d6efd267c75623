import type { FieldError as FormFieldError, FieldErrors } from 'react-hook-form';
import type { MessageKey, Translate } from '../../common/i18n/index.js';

/**
 * The same zod schemas that main enforces drive the forms; their messages are written for logs
 * and the CLI, so the window shows each field's rule in the user's language instead.
 */
const fieldMessages: Record<string, MessageKey> = {
  name: 'validation.name',
  topic: 'validation.topic',
  capacity: 'validation.capacity',
  duration: 'validation.duration',
  userKey: 'validation.userKey',
  defaultUserKey: 'validation.userKey',
  apiBaseUrl: 'validation.apiBaseUrl',
  trustedLinkHosts: 'validation.trustedLinkHosts',
  requestTimeoutMs: 'validation.requestTimeout',
  globalShortcut: 'validation.shortcut',
  apiKey: 'validation.required',
  apiSecret: 'validation.required',
};

export function fieldErrorText(field: string, t: Translate, fallback?: string): string {
  const key = fieldMessages[field.split('.')[0] ?? field];
  return key ? t(key) : (fallback ?? t('validation.invalid'));
}

/** The error of a (possibly nested) field from react-hook-form, if any. */
export function errorAt(errors: FieldErrors, path: string): FormFieldError | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node && typeof node === 'object' && 'message' in node ? (node as FormFieldError) : undefined;
}
