import { readFile } from 'node:fs/promises';
import type { RawPolicy } from '../../common/policy.js';
import { emptyRaw, isRecord, splitDocument, type PolicySource } from './source.js';
import { watchFiles } from './watch-files.js';

/** Where IT puts the policy on Linux (by hand, Ansible, Puppet, a package): root-owned, readable by all. */
export const LINUX_POLICY_PATH = '/etc/umeet-tray/policy.json';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);

/**
 * Linux: one JSON file. Missing or empty: no policy (no problem to report). Anything else that cannot be read
 * (not JSON, not an object, a folder in its place, no permission) is reported as a problem with the whole file;
 * a file that reads is validated key by key afterwards (common/policy.ts). `path` is for tests: a user cannot
 * point the app at a policy of their own, so there is no environment variable for it.
 */
export function linuxFileSource(options: { path?: string } = {}): PolicySource {
  const path = options.path ?? LINUX_POLICY_PATH;
  return {
    async read(): Promise<RawPolicy> {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        const code = codeOf(error);
        if (code === 'ENOENT' || code === 'ENOTDIR') return emptyRaw();
        return { ...emptyRaw([path]), problems: [{ key: path, reason: `the file cannot be read (${code})` }] };
      }
      if (text.trim() === '') return emptyRaw([path]);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        return { ...emptyRaw([path]), problems: [{ key: path, reason: `not valid JSON (${(error as Error).message.slice(0, 200)})` }] };
      }
      if (!isRecord(json)) return { ...emptyRaw([path]), problems: [{ key: path, reason: 'expected a JSON object of policy keys' }] };
      return splitDocument(json, path, []);
    },
    watch: (onChange) => watchFiles([path], onChange),
  };
}
