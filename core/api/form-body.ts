/** A value the client may put in a form field; undefined means "not set, not sent". */
export type FieldValue = string | number | boolean | undefined;

/**
 * Turns parameters into form fields the way the API expects them: booleans as "true"/"false",
 * numbers in decimal, and parameters the caller did not set left out entirely (the service
 * applies its own defaults to absent fields, which is not the same as sending "false").
 */
export function toFormFields(params: Record<string, FieldValue>): [string, string][] {
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    fields.push([name, typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value)]);
  }
  return fields;
}

/**
 * application/x-www-form-urlencoded in UTF-8. URLSearchParams percent-encodes everything that
 * is not unreserved (so `&`, `=`, `+`, `%`, `#`, newlines, Chinese and emoji round-trip exactly)
 * and writes spaces as `+`, which every form decoder reads back as a space.
 */
export function encodeForm(fields: [string, string][]): string {
  return new URLSearchParams(fields).toString();
}
