import { en, type MessageKey } from './en.js';
import { zhCN } from './zh-CN.js';
import type { Locale } from './locale.js';

export { pickLocale } from './pick-locale.js';
export type { Locale } from './locale.js';
export type { MessageKey } from './en.js';

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Returns the translator for one language. Unknown `{params}` are left visible so a gap shows up in review. */
export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
