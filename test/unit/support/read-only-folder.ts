import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { tempDir } from './temp-store.js';

export type ReadOnlyFolder = { dir: string; release(): void } | { unavailable: string };

/**
 * A real folder the store cannot write to, filled first by `fill`. As a normal user, its mode
 * says so (0555). As root (CI, containers) permissions do not stop anyone, so it is a tmpfs
 * remounted read-only, which stops root too (EROFS). Where neither is possible, says why, and the
 * test that asked skips with that reason printed.
 */
export function readOnlyFolder(fill: (dir: string) => void): ReadOnlyFolder {
  const dir = tempDir();
  if (process.getuid?.() !== 0) {
    fill(dir);
    chmodSync(dir, 0o555);
    return { dir, release: () => chmodSync(dir, 0o755) };
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0755', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return {
      unavailable: `running as root, and a read-only tmpfs cannot be mounted here (${String((error as Error).message).split('\n')[0]})`,
    };
  }
  fill(dir);
  execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
  return { dir, release: () => execFileSync('umount', [dir], { stdio: 'pipe' }) };
}
