import { z } from 'zod';
import { oneLine } from './display-text.js';

/**
 * Building blocks for parsing the Umeet API's answers, which are loose about types
 * (docs/umeet-api.md, "Loose types"): numbers may come as numeric strings, ids as numbers or strings,
 * optional fields missing, "" or null. Every block here turns that into one clean type.
 */

const blank = (value: unknown) => value === undefined || value === null || value === '';

/** A number, or a string holding one. */
export const numeric = z.union([
  z.number().finite(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number')
    .transform(Number),
]);

/** An optional number: missing, "" or null all read as undefined. */
export const optionalNumeric = z.preprocess((value) => (blank(value) ? undefined : value), numeric.optional());

/** An id as number or string, always returned as a string. */
export const idString = z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String);

/** An optional id: missing, "" or null read as undefined. */
export const optionalId = z.preprocess((value) => (blank(value) ? undefined : value), idString.optional());

/** Optional text: missing, "" or null read as undefined; a number becomes its string. */
export const optionalText = z.preprocess(
  (value) => (blank(value) ? undefined : typeof value === 'number' ? String(value) : value),
  z.string().optional(),
);

/** A flag sent as true/false, "true"/"false", 1/0 or "1"/"0". */
export const optionalFlag = z.preprocess((value) => {
  if (blank(value)) return undefined;
  if (value === 'true' || value === 1 || value === '1') return true;
  if (value === 'false' || value === 0 || value === '0') return false;
  return value;
}, z.boolean().optional());

/**
 * Optional text the user is shown (a topic, a name, the service's message): as `optionalText`, then one line of at
 * most `max` characters, control and direction-override characters neutralised (common/display-text.ts). Text that
 * is nothing but those reads as undefined.
 */
export const optionalLine = (max: number) =>
  optionalText.transform((value) => (value === undefined ? undefined : oneLine(value, max) || undefined));
