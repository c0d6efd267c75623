import type { AppInfo, DesktopInfo } from '../../common/app-info.js';
import { pickLocale } from '../../common/i18n/locale.js';

/** What Electron's `app` and `process` tell about the running app, as plain values. */
export interface AppFacts {
  name: string;
  version: string;
  platform: string;
  preferredLanguages: readonly string[];
  /** What the desktop offers, as far as known now (main/index.ts learns it after the tray). */
  desktop?: () => DesktopInfo | undefined;
}

/** Turns raw facts into the app info the window shows, with the UI language already chosen. */
export function describeApp(facts: AppFacts): AppInfo {
  const platform = facts.platform === 'darwin' || facts.platform === 'win32' || facts.platform === 'linux' ? facts.platform : 'other';
  return {
    name: facts.name,
    version: facts.version,
    platform,
    locale: pickLocale(facts.preferredLanguages),
    ...(facts.desktop?.() ? { desktop: facts.desktop()! } : {}),
  };
}
