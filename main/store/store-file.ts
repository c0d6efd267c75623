import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileSync as writeAtomically } from 'atomically';

/**
 * The files behind the store, and the one rule they follow: the app never deletes or overwrites
 * bytes it did not itself write successfully. A file it cannot use is renamed or copied aside
 * (`<name>.<why>-<time>.json`), never removed; the main file and its backup are replaced only by
 * a complete atomic write (a temp file, fsync, rename: `atomically`, which conf and electron-store
 * use too). Nothing here registers IPC or depends on Electron.
 */
export const STORE_NAME = 'umeet-tray';
export const FILE_MODE = 0o600;

export const storePathOf = (dir: string) => join(dir, `${STORE_NAME}.json`);
export const backupPathOf = (dir: string) => join(dir, `${STORE_NAME}.backup.json`);

/**
 * A failed write gives up after this long. atomically retries EACCES/EPERM/EBUSY (Windows virus
 * scanners hold files for a moment); a read-only folder must not freeze main for its default second.
 */
const WRITE_TIMEOUT_MS = 100;

/** What is at a path before the store reads it. */
export type Candidate =
  | { state: 'missing' }
  /** There, but not readable as a file (a directory, no permission): left exactly as it is. */
  | { state: 'unreadable'; code: string }
  /** Readable, but not a JSON object (empty, truncated, binary, an array…). */
  | { state: 'damaged'; bytes: Buffer }
  | { state: 'ok'; bytes: Buffer; value: Record<string, unknown> };

export function readCandidate(path: string): Candidate {
  let bytes: Buffer;
  try {
    if (!existsSync(path)) return { state: 'missing' };
    bytes = readFileSync(path);
  } catch (error) {
    return { state: 'unreadable', code: errorCode(error) };
  }
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return { state: 'ok', bytes, value: value as Record<string, unknown> };
  } catch {
    // not JSON: damaged
  }
  return { state: 'damaged', bytes };
}

export const errorCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
};

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** A free name beside the store for a file kept aside: `umeet-tray.corrupt-2026-11-25T…json`. */
function asideName(dir: string, label: string, now: Date): string {
  const base = `${STORE_NAME}.${label}-${stamp(now)}`;
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${base}.json` : `${base}-${n}.json`);
    if (!existsSync(path)) return path;
  }
}

/** Moves a file aside under a new name (its bytes untouched). Returns the new path; throws if it cannot. */
export function moveAside(path: string, dir: string, label: string, now: Date): string {
  const target = asideName(dir, label, now);
  renameSync(path, target);
  return target;
}

/** Writes a copy of `bytes` aside. Returns the new path; throws if it cannot. */
export function copyAside(bytes: Buffer, dir: string, label: string, now: Date): string {
  const target = asideName(dir, label, now);
  writeAtomically(target, bytes, { mode: FILE_MODE, timeout: WRITE_TIMEOUT_MS });
  return target;
}

/** Puts the backup's bytes in the main file's place (the main file was moved aside or was missing). */
export function restoreBackup(dir: string): void {
  copyFileSync(backupPathOf(dir), storePathOf(dir));
}

/** The document, as the main file and then its backup, each written atomically with mode 0600. */
export function writeStoreFiles(dir: string, document: unknown): void {
  const text = `${JSON.stringify(document, null, '\t')}\n`;
  writeAtomically(storePathOf(dir), text, { mode: FILE_MODE, timeout: WRITE_TIMEOUT_MS });
  writeAtomically(backupPathOf(dir), text, { mode: FILE_MODE, timeout: WRITE_TIMEOUT_MS });
}

/** atomically's temp files: `<file>.tmp-<10 digits><6 hex>`. */
const tempFile = new RegExp(`^${STORE_NAME}(\\.backup)?\\.json\\.tmp-\\d{10}[a-f0-9]{6}$`);

/**
 * Removes the temp files of writes that were interrupted (a crash, a power cut) before their
 * rename. Each is an incomplete copy of a save whose previous complete version is still in place;
 * only this app writes them, and the single-instance lock means no other write is under way.
 */
export function removeStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => tempFile.test(n))) {
    const path = join(dir, name);
    try {
      if (!statSync(path).isFile()) continue;
      rmSync(path);
      removed.push(basename(path));
    } catch {
      // a read-only folder: they stay, harmless
    }
  }
  return removed;
}
