import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawPolicy } from '../../common/policy.js';
import { combine, emptyRaw, isRecord, splitDocument, type PolicySource } from './source.js';
import { watchFiles } from './watch-files.js';

export const MANAGED_PREFERENCES = '/Library/Managed Preferences';

/**
 * macOS: the managed preferences a configuration profile (MDM or a `.mobileconfig` installed by hand) writes for
 * the app's bundle id: the user's (`/Library/Managed Preferences/<user>/<bundleId>.plist`) over the machine's
 * (`/Library/Managed Preferences/<bundleId>.plist`). macOS writes them as binary plists; XML ones are read too.
 * The `plist` package (both formats, no native code) is imported only when a file exists, so a Mac
 * without a profile loads nothing more at start.
 */
export function macPlistSource(options: { bundleId: string; user: string; root?: string }): PolicySource {
  const root = options.root ?? MANAGED_PREFERENCES;
  const userFile = join(root, options.user, `${options.bundleId}.plist`);
  const machineFile = join(root, `${options.bundleId}.plist`);
  return {
    async read(): Promise<RawPolicy> {
      return combine(await readPlist(userFile), await readPlist(machineFile));
    },
    watch: (onChange) => watchFiles([userFile, machineFile], onChange),
  };
}

export async function readPlist(path: string): Promise<RawPolicy> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return emptyRaw();
    return { ...emptyRaw([path]), problems: [{ key: path, reason: `the file cannot be read (${code})` }] };
  }
  if (data.length === 0) return emptyRaw([path]);
  let value: unknown;
  try {
    const plist = await import('plist');
    value = data.subarray(0, 8).toString('latin1') === 'bplist00' ? plist.parseBinary(data) : plist.parse(data.toString('utf8'));
  } catch (error) {
    return {
      ...emptyRaw([path]),
      problems: [{ key: path, reason: `not a property list (${String((error as Error).message).slice(0, 200)})` }],
    };
  }
  if (!isRecord(value)) return { ...emptyRaw([path]), problems: [{ key: path, reason: 'expected a dictionary of policy keys' }] };
  return splitDocument(value, path, []);
}
