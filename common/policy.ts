import { z } from 'zod';
import { MAX_PRESETS, Preset } from './preset.js';
import { PresetsFile } from './presets-file.js';
import { ProxyUrl } from './proxy.js';
import { ApiBaseUrl, TrustedHost, type Settings } from './settings.js';
import { UserKey } from './umeet-api.js';

/**
 * A company's policy (docs/admin-guide.md): what IT sets through the OS's management channel. The same key
 * names on every OS: registry values (Windows), managed-preference keys (macOS), JSON keys (Linux). A key at
 * the top level is locked; under `Recommended` it is a default the user can change. Each key is checked on
 * its own, so one bad value never costs the others; credentials are never read from a policy.
 */

/** The sub-key (Windows) or dictionary (macOS, Linux) of defaults the user may change. */
export const RECOMMENDED = 'Recommended';

/** A boolean as the registry and Group Policy write it (REG_DWORD 0/1) or as JSON and plists do. */
const Flag = z.union([z.boolean(), z.literal(0).transform(() => false), z.literal(1).transform(() => true)]);
/** A list as JSON and plists write it, or as the registry does (REG_MULTI_SZ; a REG_SZ split at commas or new lines). */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(/[\n,]/)
            .map((entry) => entry.trim())
            .filter(Boolean)
        : value,
    z.array(item),
  );
/** A number as the registry writes it (REG_DWORD), or a plain number. */
const Whole = z.preprocess((value) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value), z.number().int());

/** The company presets: an export file (common/presets-file.ts), as an object or as its JSON text (the registry). */
export const CompanyPresetsValue = z.preprocess((value) => {
  if (Array.isArray(value) && value.every((line) => typeof line === 'string')) value = value.join('\n');
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return { notJson: true };
  }
}, PresetsFile);

/** Keys that set one of the user's settings: a default, or locked. */
export const settingPolicies = {
  apiServer: ApiBaseUrl,
  trustedLinkHosts: listOf(TrustedHost).pipe(z.array(z.string()).max(50)),
  requestTimeoutSeconds: Whole.pipe(z.number().min(3).max(60)),
  proxyMode: z.enum(['system', 'none', 'manual']),
  proxyServer: ProxyUrl,
  /** `{username}` is the OS user's name, filled in when the policy is read. */
  defaultUserKey: z.string().max(200),
  startAtLogin: Flag,
  trayLeftClick: z.enum(['menu', 'start-default']),
  allowWeakCredentialStorage: Flag,
  autoUpdates: Flag,
} as const;
export type SettingPolicyKey = keyof typeof settingPolicies;

/** Keys that are rules rather than a user's setting: they have no user value to default, so only the locked form counts. */
export const rulePolicies = {
  companyPresets: CompanyPresetsValue,
  allowUserPresets: Flag,
  allowApiServerChange: Flag,
  allowPresetImport: Flag,
} as const;
export type RulePolicyKey = keyof typeof rulePolicies;

export type PolicyKey = SettingPolicyKey | RulePolicyKey;
/** Every key a policy may hold: the ADMX, the ADML files, the samples and the admin guide name these (test/unit/policy-templates.test.ts). */
export const POLICY_KEYS = [...Object.keys(settingPolicies), ...Object.keys(rulePolicies)] as PolicyKey[];

/** A key that was ignored, and why (in the logs' and the admin's terms: English, with the rule). */
export const IgnoredPolicy = z.object({ key: z.string().max(200), reason: z.string().max(500) });
export type IgnoredPolicy = z.infer<typeof IgnoredPolicy>;

/** A company preset, as the window and the tray know it: a preset the user cannot change. */
export const COMPANY_PRESET_PREFIX = 'org-';

/** What the policy in force says, validated: what main merges, and (as PolicyView) what the window shows. */
export interface Policy {
  /** Where it was read (a file, a registry key), for the About line; absent: no policy. */
  sources: string[];
  locked: Partial<Record<SettingPolicyKey, unknown>>;
  defaults: Partial<Record<SettingPolicyKey, unknown>>;
  companyPresets: Preset[];
  allowUserPresets: boolean;
  allowApiServerChange: boolean;
  allowPresetImport: boolean;
  ignored: IgnoredPolicy[];
}

export const noPolicy = (): Policy => ({
  sources: [],
  locked: {},
  defaults: {},
  companyPresets: [],
  allowUserPresets: true,
  allowApiServerChange: true,
  allowPresetImport: true,
  ignored: [],
});

/** What a reader found, before validation: the top-level (locked) keys, the `Recommended` ones, and what it could not read. */
export interface RawPolicy {
  sources: string[];
  locked: Record<string, unknown>;
  recommended: Record<string, unknown>;
  problems: IgnoredPolicy[];
}

const reasonOf = (error: z.ZodError) => {
  const [issue] = error.issues;
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates what a reader found, key by key: a key that fails its schema is left out and reported (the rest
 * still apply); an unknown key is reported too, so a typo in a policy is seen rather than silently ignored.
 */
export function validatePolicy(raw: RawPolicy, context: { username: string }): Policy {
  const policy: Policy = { ...noPolicy(), sources: [...raw.sources], ignored: [...raw.problems] };
  const settingKeys = new Set<string>(Object.keys(settingPolicies));
  const ruleKeys = new Set<string>(Object.keys(rulePolicies));

  const checkSetting = (key: SettingPolicyKey, value: unknown, where: string): { ok: true; value: unknown } | { ok: false } => {
    let candidate = value;
    if (key === 'defaultUserKey' && typeof value === 'string') candidate = value.replaceAll('{username}', context.username);
    const parsed = settingPolicies[key].safeParse(candidate);
    if (!parsed.success) {
      policy.ignored.push({ key: where, reason: reasonOf(parsed.error) });
      return { ok: false };
    }
    if (key === 'defaultUserKey') {
      const userKey = UserKey.safeParse(parsed.data);
      if (!userKey.success) {
        policy.ignored.push({ key: where, reason: reasonOf(userKey.error) });
        return { ok: false };
      }
      return { ok: true, value: userKey.data };
    }
    return { ok: true, value: parsed.data };
  };

  for (const [key, value] of Object.entries(raw.locked)) {
    if (key === RECOMMENDED) continue;
    if (settingKeys.has(key)) {
      const checked = checkSetting(key as SettingPolicyKey, value, key);
      if (checked.ok) policy.locked[key as SettingPolicyKey] = checked.value;
    } else if (ruleKeys.has(key)) {
      const parsed = rulePolicies[key as RulePolicyKey].safeParse(value);
      if (!parsed.success) {
        policy.ignored.push({ key, reason: reasonOf(parsed.error) });
        continue;
      }
      if (key === 'companyPresets') policy.companyPresets = companyPresets(parsed.data as z.infer<typeof PresetsFile>, policy.ignored);
      else policy[key as Exclude<RulePolicyKey, 'companyPresets'>] = parsed.data as boolean;
    } else policy.ignored.push({ key, reason: 'not a policy key of this version' });
  }
  for (const [key, value] of Object.entries(raw.recommended)) {
    const where = `${RECOMMENDED}.${key}`;
    if (settingKeys.has(key)) {
      if (key in policy.locked) continue;
      const checked = checkSetting(key as SettingPolicyKey, value, where);
      if (checked.ok) policy.defaults[key as SettingPolicyKey] = checked.value;
    } else if (ruleKeys.has(key))
      policy.ignored.push({ key: where, reason: 'a rule, not a setting: it applies only at the top level (locked)' });
    else policy.ignored.push({ key: where, reason: 'not a policy key of this version' });
  }
  // A manual proxy with no address, once merged, is refused by the settings' schema: say so here rather than later.
  if (policy.locked.proxyMode === 'manual' && !('proxyServer' in policy.locked)) {
    delete policy.locked.proxyMode;
    policy.ignored.push({ key: 'proxyMode', reason: 'a locked manual proxy needs proxyServer (locked) too' });
  }
  return policy;
}

/** The export file's presets, each checked on its own; ids made stable and apart from the user's (`org-…`). */
function companyPresets(file: z.infer<typeof PresetsFile>, ignored: IgnoredPolicy[]): Preset[] {
  const presets: Preset[] = [];
  const seen = new Set<string>();
  file.presets.forEach((entry, index) => {
    const where = `companyPresets.presets[${index}]`;
    const original = isRecord(entry) && typeof entry.id === 'string' ? entry.id : String(index + 1);
    const id = `${COMPANY_PRESET_PREFIX}${original.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 60) || index + 1}`;
    const parsed = Preset.safeParse({ ...(isRecord(entry) ? entry : {}), id });
    if (!parsed.success) ignored.push({ key: where, reason: reasonOf(parsed.error) });
    else if (seen.has(id)) ignored.push({ key: where, reason: 'duplicate id' });
    else if (presets.length >= MAX_PRESETS) ignored.push({ key: where, reason: `more than ${MAX_PRESETS} presets` });
    else {
      seen.add(id);
      presets.push(parsed.data);
    }
  });
  return presets;
}

/**
 * Where each setting policy lands in the settings (common/settings.ts). `autoUpdates` lands on a setting
 * of that name when the build has one (common/policy-auto-updates.ts); `startAtLogin` is the OS's login item,
 * not a setting (main/policy/apply-start-at-login.ts).
 */
export interface SettingTarget {
  /** The setting's name, as the window's fields and IPC errors name it (`proxy.mode` for a part of one). */
  path: string;
  get(settings: Settings): unknown;
  /** Puts a value in the setting's own units (what `get` returns). */
  set(settings: Settings, value: unknown): Settings;
  /** The policy's value in the setting's units (seconds → milliseconds); the same when absent. */
  fromPolicy?(value: unknown): unknown;
}

const top = <K extends keyof Settings>(key: K, toSetting: (value: unknown) => Settings[K] = (v) => v as Settings[K]): SettingTarget => ({
  path: key,
  get: (settings) => settings[key],
  set: (settings, value) => ({ ...settings, [key]: toSetting(value) }),
});

export const settingTargets: Partial<Record<SettingPolicyKey, SettingTarget>> = {
  apiServer: top('apiBaseUrl'),
  trustedLinkHosts: top('trustedLinkHosts'),
  requestTimeoutSeconds: {
    path: 'requestTimeoutMs',
    get: (settings) => settings.requestTimeoutMs,
    set: (settings, value) => ({ ...settings, requestTimeoutMs: value as number }),
    fromPolicy: (seconds) => (seconds as number) * 1000,
  },
  // The server before the mode: a manual proxy is valid only once it has its address.
  proxyServer: {
    path: 'proxy.url',
    get: (settings) => settings.proxy.url,
    set: (settings, value) => ({ ...settings, proxy: { ...settings.proxy, url: value as string } }),
  },
  proxyMode: {
    path: 'proxy.mode',
    get: (settings) => settings.proxy.mode,
    set: (settings, value) => ({ ...settings, proxy: { ...settings.proxy, mode: value as Settings['proxy']['mode'] } }),
  },
  defaultUserKey: top('defaultUserKey'),
  trayLeftClick: top('trayLeftClick'),
  allowWeakCredentialStorage: top('allowWeakCredentialStorage'),
};

/** What the window learns of the policy with each snapshot. */
export const PolicyView = z.object({
  /** Settings set by the organisation that the user cannot change, by their names in the settings (`proxy.mode` for a part). */
  locked: z.array(z.string().max(100)),
  /** Whether start at login is locked by the policy. */
  startAtLoginLocked: z.boolean(),
  /** Ids of the company presets (listed first in `presets`): they cannot be edited, moved or deleted. */
  companyPresetIds: z.array(z.string()),
  allowUserPresets: z.boolean(),
  allowPresetImport: z.boolean(),
  /** Keys that were ignored and why, for the Settings' "Managed by your organisation" section. */
  ignored: z.array(IgnoredPolicy),
  /** Where the policy was read; empty: no policy. */
  sources: z.array(z.string().max(500)),
});
export type PolicyView = z.infer<typeof PolicyView>;
