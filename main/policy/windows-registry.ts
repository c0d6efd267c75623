import type { RawPolicy } from '../../common/policy.js';
import type { RegistryValue } from './reg-file.js';
import { combine, emptyRaw, type PolicySource } from './source.js';

/** Where Group Policy writes the app's policy, under HKLM and HKCU (the ADMX in policy/windows/ says the same). */
export const POLICY_KEY = '\\Software\\Policies\\Umeet\\UmeetTray';
export const RECOMMENDED_KEY = `${POLICY_KEY}\\Recommended`;

export type Hive = 'HKLM' | 'HKCU';

export type { RegistryValue } from './reg-file.js';

/**
 * The registry, as the reader needs it: the values of one key (its own, not its sub-keys'), or undefined when the key
 * does not exist. main/policy/reg-export-port.ts is the real one; tests stand in for it.
 */
export interface RegistryPort {
  values(hive: Hive, key: string): Promise<RegistryValue[] | undefined>;
}

/**
 * Windows: HKLM (the machine's policy) over HKCU (the user's), each with its `Recommended` sub-key of defaults.
 * Windows has a change notice for keys (RegNotifyChangeKeyValue), but no well-kept package exposes it without a
 * native module, so the app reads again when the tray menu or the window opens (main/policy/policy.ts).
 */
export function windowsRegistrySource(registry: RegistryPort): PolicySource {
  async function readHive(hive: Hive): Promise<RawPolicy> {
    const raw = emptyRaw();
    const read = async (key: string): Promise<Record<string, unknown> | undefined> => {
      try {
        const items = await registry.values(hive, key);
        if (!items) return undefined;
        raw.sources.push(`${hive}${key}`);
        return Object.fromEntries(items.filter((item) => item.name !== '').map((item) => [item.name, item.value]));
      } catch (error) {
        raw.problems.push({
          key: `${hive}${key}`,
          reason: `the key cannot be read (${String((error as Error).message ?? error).slice(0, 200)})`,
        });
        return undefined;
      }
    };
    raw.locked = (await read(POLICY_KEY)) ?? {};
    raw.recommended = (await read(RECOMMENDED_KEY)) ?? {};
    // The sub-key shows up as a value-less line of the parent; only its own values count.
    delete raw.locked.Recommended;
    return raw;
  }
  return {
    async read() {
      return combine(await readHive('HKLM'), await readHive('HKCU'));
    },
  };
}
