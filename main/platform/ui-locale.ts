import { pickLocale, type Locale } from '../../common/i18n/locale.js';
import type { Language } from '../../common/settings.js';

/** The UI language: the user's choice in the settings, or the OS's when they left it on "system". */
export function uiLocale(language: Language, systemLanguages: readonly string[]): Locale {
  return language === 'system' ? pickLocale(systemLanguages) : language;
}
