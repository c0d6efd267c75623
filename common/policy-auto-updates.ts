import type { SettingTarget } from './policy.js';
import { Settings } from './settings.js';

/**
 * The `autoUpdates` policy key lands on the setting "Check for updates automatically" (`checkForUpdates`,
 * main/updates/). Looked up by name in the settings' schema, so a build without that setting validates and
 * reports the key but changes nothing.
 */
export const AUTO_UPDATE_SETTING = 'checkForUpdates';

export function autoUpdateTarget(shape: Record<string, unknown> = Settings.shape): SettingTarget | undefined {
  if (!(AUTO_UPDATE_SETTING in shape)) return undefined;
  return {
    path: AUTO_UPDATE_SETTING,
    get: (settings) => (settings as Record<string, unknown>)[AUTO_UPDATE_SETTING],
    set: (settings, value) => ({ ...settings, [AUTO_UPDATE_SETTING]: value as boolean }),
  };
}
