import { pickLocale, translator, type Locale, type Translate } from '../common/i18n/index.js';

/**
 * The language of what `umeet` says in words beyond its fixed English (the invitation in a calendar file, the
 * app's own sentence before a refusal the app knows): zh-CN when LC_ALL, LC_MESSAGES or LANG (the first set, as
 * POSIX reads them) says Chinese, else English.
 */
export function cliLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return pickLocale([tag]);
}

/** The app's catalogue in the CLI's language. */
export const cliTranslator = (env: Readonly<Record<string, string | undefined>>): Translate => translator(cliLocale(env));
