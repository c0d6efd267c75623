import { z } from 'zod';
import type { Translate } from './i18n/index.js';
import { fieldMessage } from './field-messages.js';

/**
 * The one shape of every answer main gives: to the window over IPC, from `run(command)`, from the
 * app's actions. A success carries its value (and, for a change that could not reach the disk, why:
 * the change is made and kept in memory); a failure carries a kind the caller can act on, a message
 * already in the user's language, and for invalid input the fields, each with its message.
 */
export const FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const FailureKind = z.enum([
  /** The input failed its checks; `fields` names them. Nothing was changed or sent. */
  'invalid',
  /** The caller may not ask this (an IPC sender that is not the app's own window). */
  'forbidden',
  /** Main failed unexpectedly; the details are in its log, never in the answer. */
  'internal',
  /** What the request names does not exist (any more). */
  'not-found',
  /** The user cancelled or declined (a dialog). Nothing to report. */
  'cancelled',
  /** The operation was tried and failed: the service refused, the network, a file. `message` says what. */
  'failed',
]);
export type FailureKind = z.infer<typeof FailureKind>;

export const Failure = z.object({ kind: FailureKind, message: z.string(), fields: z.array(FieldError).optional() });
export type Failure = z.infer<typeof Failure>;

export const result = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value, notSaved: z.string().optional() }),
    z.object({ ok: z.literal(false), error: Failure }),
  ]);

export type Result<T> = { ok: true; value: T; notSaved?: string } | { ok: false; error: Failure };

/** What a service's own check answers, before anything is said to a person: made, or refused with the fields. */
export type Checked<T> = { ok: true; value: T } | { ok: false; fields: FieldError[] };

/** A zod parse as a Checked answer. */
export function checkedParse<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: fieldErrors(parsed.error) };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (kind: FailureKind, message: string, fields?: FieldError[]): { ok: false; error: Failure } => ({
  ok: false,
  error: { kind, message, ...(fields ? { fields } : {}) },
});

// Each field's rule in words, without zod, is in field-messages.ts (the window shows them too; it runs no zod).
export { fieldMessage } from './field-messages.js';

/** A zod refusal as the fields it names (the first issue of each), with the schema's own message. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '(input)';
    if (seen.has(field)) continue;
    seen.add(field);
    fields.push({ field, message: issue.message });
  }
  return fields;
}

/** The first thing a zod refusal names, as one line: `presets.3.capacity: must be positive`. */
export function issueText(error: z.ZodError): string {
  const [first] = fieldErrors(error);
  if (!first) return 'invalid';
  return first.field === '(input)' ? first.message : `${first.field}: ${first.message}`;
}

/** Invalid input, told in the user's language: each field with its rule. */
export function invalid(fields: readonly FieldError[], t: Translate): { ok: false; error: Failure } {
  const localized = fields.map((f) => ({ field: f.field, message: fieldMessage(f.field, t) }));
  return fail('invalid', localized[0]?.message ?? t('validation.invalid'), localized);
}

/** A service's check as an answer for a person: the value, or the fields in the user's language. */
export function toResult<T>(checked: Checked<T>, t: Translate): Result<T> {
  return checked.ok ? ok(checked.value) : invalid(checked.fields, t);
}
