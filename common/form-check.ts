import { z } from 'zod';
import { CredentialsInput } from './credentials.js';
import { ProxySetting } from './proxy.js';
import { Recurrence, RecurrenceEnd, ScheduleRequest } from './schedule.js';
import { SettingsPatch } from './settings.js';
import { PresetInput } from './window-state.js';

/**
 * The window's forms, checked by main with the very schemas main enforces when they are saved (the `check`
 * channel): one definition of each rule, and no zod in the window (issue 30: it was a quarter of its bytes).
 * What each form sends is what it would save, made from its inputs as before:
 * - `preset`: the preset (savePreset); `settings`: the settings change (updateSettings); `credentials`: the
 *   pair (saveCredentials); `schedule`: the booking request (schedule);
 * - `recurrence`: a series' repeat and end alone, for its sentence and the free rooms' query while the rest is typed;
 * - `proxy`: the proxy address and user name a mode hides, kept only when main would take them.
 */
const forms = {
  preset: PresetInput,
  settings: SettingsPatch,
  credentials: CredentialsInput,
  schedule: ScheduleRequest,
  recurrence: z.strictObject({ recurrence: Recurrence, end: RecurrenceEnd }),
  proxy: z.strictObject({ url: ProxySetting.shape.url, username: ProxySetting.shape.username }),
} satisfies Record<string, z.ZodType>;
export type FormName = keyof typeof forms;

/** A form's values weigh far less; more is refused before any schema runs. */
export const CHECK_MAX_BYTES = 64 * 1024;

/** The JSON size of what the window sent; what has none (a cycle, a BigInt: structured clone carries both) is too big. */
const jsonBytes = (value: unknown): number => {
  try {
    return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

export const CheckRequest = z
  .strictObject({ form: z.enum(Object.keys(forms) as [FormName, ...FormName[]]), value: z.unknown() })
  .refine((request) => jsonBytes(request.value) <= CHECK_MAX_BYTES, { message: `at most ${CHECK_MAX_BYTES} bytes`, path: ['value'] });
export type CheckRequest = z.infer<typeof CheckRequest>;

/** Where a rule was broken, and which (zod's issue code): the window words it for its own fields, never the value. */
export const CheckIssue = z.object({ path: z.array(z.union([z.string(), z.number()])).max(16), code: z.string().max(64) });
export type CheckIssue = z.infer<typeof CheckIssue>;

/**
 * Main's answer: the value as the schema made it (trimmed, one line…, as a zod resolver hands it to the form's
 * submit), or the issues. A value that holds a secret is not sent back (the credentials' pair, a booking's meeting
 * password): they go one way only, and those forms submit what they hold, which main parses again when it is saved.
 */
export const CheckAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown().optional() }),
  z.object({ ok: z.literal(false), issues: z.array(CheckIssue).max(100) }),
]);
export type CheckAnswer = z.infer<typeof CheckAnswer>;

const withSecrets = new Set<FormName>(['credentials', 'schedule']);

/** Checks one form's values with its schema. Never throws, and its answer never holds a value that failed. */
export function checkForm(request: CheckRequest): CheckAnswer {
  let parsed;
  try {
    parsed = forms[request.form].safeParse(request.value);
  } catch {
    // A schema's own code failed on what it was given (none is known to): refused as a whole, and nothing logged.
    return { ok: false, issues: [{ path: [], code: 'custom' }] };
  }
  if (parsed.success) return withSecrets.has(request.form) ? { ok: true } : { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.slice(0, 100).map((issue) => ({
      path: issue.path.slice(0, 16).map((part) => (typeof part === 'number' ? part : String(part))),
      code: issue.code,
    })),
  };
}
