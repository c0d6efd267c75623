import type { Translate } from '../../common/i18n/index.js';
import { COMPANY_PRESET_PREFIX, type Policy, type PolicyView } from '../../common/policy.js';
import { fail, type Failure } from '../../common/result.js';
import type { Settings } from '../../common/settings.js';
import type { Logger } from '../../core/log.js';
import { lockedPaths, lockedValues, targets } from './effective.js';

type Refusal = { ok: false; error: Failure };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the policy refuses, as answers a person can read, whoever asks (the window, the tray, a launcher): a
 * locked setting changed, a company preset edited, a preset added or imported where IT does not allow it.
 * The answers say what is not allowed in the user's words; the policy key goes to the log (and the settings' list
 * for IT), where the person who wrote the policy looks for it.
 */
export function policyGuard(deps: { policy: () => Policy; settings: () => Settings; t: () => Translate; log?: Logger | undefined }) {
  const refusedBy = (key: string, message: string): Refusal => {
    deps.log?.info('the company policy refused a change', { key });
    return fail('forbidden', message);
  };
  const companyPreset = (id: string | undefined) => (id ? deps.policy().companyPresets.find((p) => p.id === id) : undefined);
  return {
    /** A settings change that would change a locked setting (echoing its value is fine: the window sends the whole form). */
    settingsPatch(patch: unknown): Refusal | undefined {
      if (typeof patch !== 'object' || patch === null) return undefined;
      const current = deps.settings();
      const after = { ...current, ...patch } as Settings;
      const byKey = new Map(targets());
      const fields = [...lockedValues(deps.policy()).keys()].flatMap((key) => {
        const target = byKey.get(key);
        if (!target || !(target.path.split('.')[0]! in patch) || same(target.get(after), target.get(current))) return [];
        return [{ field: target.path, message: deps.t()('policy.lockedRefused', { key }), key }];
      });
      if (!fields.length) return undefined;
      deps.log?.info('the company policy refused a change', { keys: fields.map((f) => f.key) });
      return fail(
        'forbidden',
        fields[0]!.message,
        fields.map(({ key: _key, ...field }) => field),
      );
    },
    /** Saving, moving, deleting or restoring a company preset (or a preset posing as one), or adding one where IT does not allow it. */
    presetEdit(id: string | undefined, adding: boolean): Refusal | undefined {
      const preset = companyPreset(id);
      if (preset || id?.startsWith(COMPANY_PRESET_PREFIX))
        return fail('forbidden', deps.t()('policy.companyPresetRefused', { name: preset?.name ?? id ?? '' }));
      if (adding && !deps.policy().allowUserPresets) return refusedBy('allowUserPresets', deps.t()('policy.userPresetsForbidden'));
      return undefined;
    },
    presetImport(): Refusal | undefined {
      const policy = deps.policy();
      if (!policy.allowPresetImport) return refusedBy('allowPresetImport', deps.t()('policy.importForbidden'));
      if (!policy.allowUserPresets) return refusedBy('allowUserPresets', deps.t()('policy.userPresetsForbidden'));
      return undefined;
    },
    startAtLogin(enabled: boolean): Refusal | undefined {
      const locked = deps.policy().locked.startAtLogin;
      return locked !== undefined && locked !== enabled ? refusedBy('startAtLogin', deps.t()('policy.startAtLoginRefused')) : undefined;
    },
  };
}

/** The policy as the window sees it. */
export function policyView(policy: Policy): PolicyView {
  return {
    locked: lockedPaths(policy),
    startAtLoginLocked: policy.locked.startAtLogin !== undefined,
    companyPresetIds: policy.companyPresets.map((p) => p.id),
    allowUserPresets: policy.allowUserPresets,
    allowPresetImport: policy.allowPresetImport,
    ignored: policy.ignored,
    sources: policy.sources,
  };
}
export type PolicyGuard = ReturnType<typeof policyGuard>;
