import { existsSync, readFileSync, renameSync, copyFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSync as writeAtomically } from 'atomically';

/**
 * The file behind the store: electron-store in the app (main/electron/store-file.ts), its engine
 * `conf` in tests, both created with `storeFileOptions()`; both read and write the whole object
 * through `store`, atomically, with the file mode given.
 */
export interface StoreFile {
  readonly path: string;
  store: Record<string, unknown>;
}

export const STORE_NAME = 'umeet-tray';
export const FILE_MODE = 0o600;

/** Options for electron-store / conf: no schema or migrations of theirs (ours are in common/ and migrations.ts). */
export function storeFileOptions(dir: string, name = STORE_NAME) {
  return {
    cwd: dir,
    configName: name,
    name,
    configFileMode: FILE_MODE,
    // Never let the library reset an unreadable file: recoverCorruptFile() keeps it aside first.
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
  } as const;
}

export const backupPathOf = (dir: string, name = STORE_NAME) => join(dir, `${name}.backup.json`);
export const storePathOf = (dir: string, name = STORE_NAME) => join(dir, `${name}.json`);

export type RecoveryNotice =
  | { kind: 'restored-from-backup'; corruptPath: string }
  | { kind: 'corrupt-without-backup'; corruptPath: string };

function parses(path: string): boolean {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Before the library opens the file: a file that is not a JSON object is renamed aside as
 * `<name>.corrupt-<time>.json` (kept, never deleted) and the last good backup takes its place.
 * Returns what happened, for the user to be told, or undefined when the file was fine or absent.
 */
export function recoverCorruptFile(dir: string, now: Date, name = STORE_NAME): RecoveryNotice | undefined {
  const path = storePathOf(dir, name);
  if (!existsSync(path) || parses(path)) return undefined;
  const corruptPath = join(dir, `${name}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  renameSync(path, corruptPath);
  const backup = backupPathOf(dir, name);
  if (existsSync(backup) && parses(backup)) {
    copyFileSync(backup, path);
    chmodSync(path, FILE_MODE);
    return { kind: 'restored-from-backup', corruptPath };
  }
  return { kind: 'corrupt-without-backup', corruptPath };
}

/** The last good copy, rewritten after every successful save. */
export function writeBackup(dir: string, document: unknown, name = STORE_NAME): void {
  writeAtomically(backupPathOf(dir, name), `${JSON.stringify(document, null, '\t')}\n`, { mode: FILE_MODE });
}
