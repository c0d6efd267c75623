import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../common/i18n/locale.js';
import { translate, type Catalogue, type Translate } from '../../common/i18n/translate.js';
import { builtInMessages } from './built-in-messages.js';

const I18n = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translate(builtInMessages.en) });

/** The window's language and its words: main's catalogue (catalogues.ts), or the built-in failure texts outside App. */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Catalogue; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translate(messages) }), [locale, messages]);
  return <I18n.Provider value={value}>{children}</I18n.Provider>;
}

export const useI18n = () => useContext(I18n);
