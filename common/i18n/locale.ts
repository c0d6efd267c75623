import { z } from 'zod';
import { localeNames } from './pick-locale.js';

export { pickLocale } from './pick-locale.js';

/** The UI languages the app ships catalogues for. */
export const Locale = z.enum(localeNames);
export type Locale = z.infer<typeof Locale>;
