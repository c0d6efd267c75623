import type { SettingTarget } from './policy.js';
import { Settings } from './settings.js';

/**
 * The `autoUpdates` policy key lands on the automatic update check setting, which another change adds
 * ("Real desktops"). Kept apart and looked up by name so that either can land first: until
 * common/settings.ts has a boolean setting of this name, the key is validated and reported but changes nothing.
 */
export const AUTO_UPDATE_SETTING = 'autoUpdateCheck';

export function autoUpdateTarget(shape: Record<string, unknown> = Settings.shape): SettingTarget | undefined {
  if (!(AUTO_UPDATE_SETTING in shape)) return undefined;
  return {
    path: AUTO_UPDATE_SETTING,
    get: (settings) => (settings as Record<string, unknown>)[AUTO_UPDATE_SETTING],
    set: (settings, value) => ({ ...settings, [AUTO_UPDATE_SETTING]: value }),
  };
}
