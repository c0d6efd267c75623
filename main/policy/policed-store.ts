import { COMPANY_PRESET_PREFIX, type Policy } from '../../common/policy.js';
import type { Preset } from '../../common/preset.js';
import { checkedParse, type Checked } from '../../common/result.js';
import { Settings } from '../../common/settings.js';
import type { AppStore } from '../store/app-store.js';
import { effectiveSettings, targets } from './effective.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The store as every service sees it under a policy: the settings in force (effective.ts), the company presets
 * first, then the user's. Positions in the merged list (what the window and the tray show) are turned into
 * positions among the user's own. The user's own values stay in the store untouched by the policy, so a setting
 * that is unlocked again comes back as the user had it. The refusals (a locked setting, a company preset) are
 * told in app.ts, in the user's language; this only keeps the store's contents the user's.
 */
export function policedStore(store: AppStore, policy: () => Policy): AppStore {
  const company = () => policy().companyPresets;
  const settings = () => effectiveSettings(store.settings(), new Set(store.changedSettings()), policy());
  const offset = () => company().length;
  // The same list while neither part changed: followers compare by identity (main/index.ts, the launchers).
  let merged: { company: readonly Preset[]; own: readonly Preset[]; all: readonly Preset[] } | undefined;
  const presets = (): readonly Preset[] => {
    const [ours, own] = [company(), store.presets()];
    if (!ours.length) return own;
    if (merged?.company !== ours || merged.own !== own) merged = { company: ours, own, all: [...ours, ...own] };
    return merged.all;
  };
  return {
    ...store,
    settings,
    presets,
    preset: (id: string) => company().find((p) => p.id === id) ?? store.preset(id),
    /** The default in force: a company preset only while the policy still has it (the id stays stored for when it is back). */
    defaultPresetId: () => {
      const id = store.defaultPresetId();
      return id && (company().some((p) => p.id === id) || store.preset(id)) ? id : undefined;
    },
    setDefaultPreset: (id: string | undefined) =>
      id !== undefined && id.startsWith(COMPANY_PRESET_PREFIX) && !company().some((p) => p.id === id) ? false : store.setDefaultPreset(id),
    movePreset: (id: string, toIndex: number) => store.movePreset(id, Math.max(0, toIndex - offset())),
    restorePreset: (preset: Preset, index: number) => store.restorePreset(preset, Math.max(0, index - offset())),

    /**
     * A change as the window sends it (the whole form): the settings whose value in force it changes are the
     * user's choice from now on (recorded); the others keep the user's own value in the store, so a value the
     * window only echoed from the policy never becomes the user's.
     */
    updateSettings(patch: unknown): Checked<Settings> {
      const before = settings();
      const candidate = checkedParse(Settings, { ...before, ...(typeof patch === 'object' && patch ? patch : {}) });
      if (!candidate.ok) return candidate;
      const user = store.settings();
      let next = candidate.value;
      const changed: string[] = [];
      for (const [, target] of targets()) {
        if (!same(target.get(candidate.value), target.get(before))) changed.push(target.path);
        else next = target.set(next, target.get(user));
      }
      const stored = store.updateSettingsAndMark(Settings.safeParse(next).success ? next : candidate.value, changed);
      return stored.ok ? { ok: true, value: settings() } : stored;
    },
  };
}
