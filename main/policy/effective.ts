import { autoUpdateTarget } from '../../common/policy-auto-updates.js';
import { settingTargets, type Policy, type SettingPolicyKey, type SettingTarget } from '../../common/policy.js';
import { DEFAULT_API_BASE, defaultSettings, Settings } from '../../common/settings.js';

/** Each setting policy key with where it lands; keys without a setting here (startAtLogin, autoUpdates before its setting exists) are left out. */
export function targets(): [SettingPolicyKey, SettingTarget][] {
  const all: Partial<Record<SettingPolicyKey, SettingTarget>> = { ...settingTargets };
  const autoUpdates = autoUpdateTarget();
  if (autoUpdates) all.autoUpdates = autoUpdates;
  return Object.entries(all) as [SettingPolicyKey, SettingTarget][];
}

/**
 * Whether the user chose this setting's value: they changed it in the app (recorded by the store), or it
 * differs from the built-in default (set before the app knew of policies). Only then does it beat a policy default.
 */
export function userChose(path: string, user: Settings, changed: ReadonlySet<string>, target: SettingTarget): boolean {
  return changed.has(path) || JSON.stringify(target.get(user)) !== JSON.stringify(target.get(defaultSettings()));
}

/** What each locked setting is held at: the policy's locked keys, and the API server when users may not change it. */
export function lockedValues(policy: Policy): Map<SettingPolicyKey, unknown> {
  const locked = new Map(Object.entries(policy.locked) as [SettingPolicyKey, unknown][]);
  if (!policy.allowApiServerChange && !locked.has('apiServer')) locked.set('apiServer', policy.defaults.apiServer ?? DEFAULT_API_BASE);
  return locked;
}

/**
 * The settings in force: locked policy > the user's own choice > policy default > built-in default. A value
 * that would make the whole invalid (a default manual proxy without an address) is not applied.
 */
export function effectiveSettings(user: Settings, changed: ReadonlySet<string>, policy: Policy): Settings {
  const locked = lockedValues(policy);
  let settings = user;
  for (const [key, target] of targets()) {
    let value: unknown;
    if (locked.has(key)) value = locked.get(key);
    else if (key in policy.defaults && !userChose(target.path, user, changed, target)) value = policy.defaults[key];
    else continue;
    const candidate = Settings.safeParse(target.set(settings, target.fromPolicy ? target.fromPolicy(value) : value));
    if (candidate.success) settings = candidate.data;
  }
  return settings;
}

/** The settings the user cannot change, by their names in the settings (`proxy.mode` for a part of one). */
export function lockedPaths(policy: Policy): string[] {
  const byKey = new Map(targets());
  return [...lockedValues(policy).keys()].flatMap((key) => {
    const target = byKey.get(key);
    return target ? [target.path] : [];
  });
}
