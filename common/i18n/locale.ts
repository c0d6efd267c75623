import { z } from 'zod';

/** The UI languages the app ships catalogues for. */
export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

/**
 * Chooses the UI language from the OS's preferred languages, best first.
 * Any Chinese variant (zh, zh-TW, zh-Hant-HK…) gets zh-CN: our users read Simplified
 * Chinese far more readily than English. Anything else that is not Chinese falls to English.
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lang = tag.toLowerCase().split(/[-_]/)[0];
    if (lang === 'zh') return 'zh-CN';
    if (lang === 'en') return 'en';
  }
  return 'en';
}
