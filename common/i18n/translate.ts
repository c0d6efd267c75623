import type { MessageKey } from './en.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A catalogue of one language, whole (main's) or in part (the window's built-in failure texts). */
export type Catalogue = Readonly<Partial<Record<MessageKey, string>>>;

/**
 * The translator over one catalogue. Unknown `{params}` are left visible so a gap shows up in review; a key the
 * catalogue lacks shows as itself (only a part catalogue can lack one: the type checker holds the whole ones).
 * Without the catalogues themselves, so that the window can translate with the one main sends it.
 */
export function translate(catalogue: Catalogue): Translate {
  return (key, params) =>
    (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
