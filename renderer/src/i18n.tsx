import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translator, type Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';

const I18n = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translator('en') });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18n.Provider value={value}>{children}</I18n.Provider>;
}

export const useI18n = () => useContext(I18n);
