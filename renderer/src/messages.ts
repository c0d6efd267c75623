import type { MessageKey, Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';

/**
 * What the window says to the user, kept until it is drawn: a key of the catalogues (drawn in the
 * language in effect when it is drawn, so a language switch re-words it), or a text main already
 * wrote in a language (drawn only while that language is in effect: main's words are never shown
 * in a language the user has since left).
 */
export type Message = { key: MessageKey; params?: Record<string, string | number> } | { text: string; locale: Locale };

export const say = (key: MessageKey, params?: Record<string, string | number>): Message => (params ? { key, params } : { key });

/** A text main wrote (an answer's message), in the language main wrote it in. */
export const told = (text: string, locale: Locale): Message => ({ text, locale });

/** The message in the current language, or undefined when it is main's text in another language. */
export function messageText(message: Message, t: Translate, locale: Locale): string | undefined {
  if ('key' in message) return t(message.key, message.params);
  return message.locale === locale ? message.text : undefined;
}
