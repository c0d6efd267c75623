/**
 * Chromium draws what it formats itself — a date input's calendar picker, app.getLocale() — in the locale it starts
 * with (`--lang`), the OS's by default, not in the page's language. When the user chose the app's language in the
 * settings, Chromium is started in it too (test/electron/language.spec.ts). The schedule form's date and time fields
 * do not depend on it: they are the app's own (renderer/src/components/DateTimeInputs.tsx). The choice is read from the store file before `ready` (the only time the switch counts); it takes effect from the
 * next start. Left on "system", Chromium follows the OS, as the app does.
 */
const CHROMIUM_LANG = { 'zh-CN': 'zh-CN', en: 'en-US' } as const;

/** The `--lang` value for the store file's text (undefined: no file, unreadable, or the system's language). */
export function chromiumLangOf(storeText: string | undefined): string | undefined {
  if (!storeText) return undefined;
  try {
    const language = (JSON.parse(storeText) as { settings?: { language?: unknown } }).settings?.language;
    return typeof language === 'string' && language in CHROMIUM_LANG ? CHROMIUM_LANG[language as keyof typeof CHROMIUM_LANG] : undefined;
  } catch {
    return undefined;
  }
}
