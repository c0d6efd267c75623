import type { Locale } from '../../common/i18n/locale.js';
import type { Catalogue } from '../../common/i18n/translate.js';
import { windowFailuresEn, windowFailuresZhCN } from '../../common/i18n/window-failures.js';

/**
 * The only words the window bundles: what it must say without main (no bridge, or drawing failed), in both
 * languages. Everything else comes from main (`messages`, catalogues.ts), which holds the catalogues.
 */
export const builtInMessages: Record<Locale, Catalogue> = { en: windowFailuresEn, 'zh-CN': windowFailuresZhCN };
