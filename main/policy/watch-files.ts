import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls back when any of the files is written, created, replaced or removed, as the OS tells it (inotify,
 * FSEvents): the folder is watched, not the file, so a file replaced by a rename (configuration profiles,
 * package managers) or created later is still seen. Nothing polls: an idle app wakes for nothing (the
 * "always on" rule). A folder that does not exist yet (`/etc/umeet-tray/` before IT made it) cannot be
 * watched; the menu's and the window's opening read the policy again instead (policy.ts, `check`).
 */
export function watchFiles(paths: readonly string[], onChange: () => void): () => void {
  const watchers: FSWatcher[] = [];
  const byFolder = new Map<string, Set<string>>();
  for (const path of paths) byFolder.set(dirname(path), (byFolder.get(dirname(path)) ?? new Set()).add(basename(path)));
  for (const [folder, names] of byFolder) {
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        // Some platforms do not say which file: then any change in the folder counts.
        if (!name || names.has(name.toString())) onChange();
      });
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // No such folder, or not allowed to watch it: the opening of the menu or the window reads again.
    }
  }
  return () => watchers.forEach((w) => w.close());
}
