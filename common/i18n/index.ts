import { en, type MessageKey } from './en.js';
import { zhCN } from './zh-CN.js';
import type { Locale } from './locale.js';
import { translate, type Translate } from './translate.js';

export { pickLocale } from './pick-locale.js';
export type { Locale } from './locale.js';
export type { MessageKey } from './en.js';
export type { Catalogue, Translate } from './translate.js';

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** One language's whole catalogue (main sends it to the window: `messages`). */
export const catalogue = (locale: Locale): Readonly<Record<MessageKey, string>> => catalogues[locale];

/** Returns the translator for one language. */
export function translator(locale: Locale): Translate {
  return translate(catalogues[locale]);
}
