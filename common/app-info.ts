import { z } from 'zod';
import { Locale } from './i18n/locale.js';

/**
 * What the desktop really offers the app (Linux; docs/architecture.md, "Launches, Wayland, the keyring"), so that the
 * window says what works and what does not.
 */
export const DesktopInfo = z.object({
  /** Nothing draws tray icons (no StatusNotifier host): the window says how to get the tray. */
  noTray: z.boolean(),
  /** Where the global shortcut reaches the app: from any app, or (a Wayland session) only while its window is active. */
  shortcut: z.enum(['global', 'window']),
  /** The command a desktop's own keyboard shortcut can run to start the default preset. */
  launcherCommand: z.string().max(4096),
});
export type DesktopInfo = z.infer<typeof DesktopInfo>;

/** What the window shows about the running app; produced by main from Electron's `app`. */
export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  locale: Locale,
  desktop: DesktopInfo.optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;
