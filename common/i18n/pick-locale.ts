/**
 * The UI languages the app ships catalogues for, the one list (locale.ts makes its schema of it). Here, without zod,
 * so that the window's first open need not load zod to choose its language (docs/performance.md, "The window").
 */
export const localeNames = ['zh-CN', 'en'] as const;
export type LocaleName = (typeof localeNames)[number];

/**
 * Chooses the UI language from the OS's preferred languages, best first.
 * Any Chinese variant (zh, zh-TW, zh-Hant-HK…) gets zh-CN: our users read Simplified
 * Chinese far more readily than English. Anything else that is not Chinese falls to English.
 */
export function pickLocale(preferred: readonly string[]): LocaleName {
  for (const tag of preferred) {
    const lang = tag.toLowerCase().split(/[-_]/)[0];
    if (lang === 'zh') return 'zh-CN';
    if (lang === 'en') return 'en';
  }
  return 'en';
}
