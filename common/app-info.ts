import { z } from 'zod';
import { Locale } from './i18n/locale.js';

/** What the window shows about the running app; produced by main from Electron's `app`. */
export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  locale: Locale,
});
export type AppInfo = z.infer<typeof AppInfo>;
