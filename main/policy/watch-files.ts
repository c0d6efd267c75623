import { unwatchFile, watchFile, type Stats } from 'node:fs';

/**
 * Calls back when any of the files appears, changes or goes. `fs.watchFile` polls `stat`, which works for a
 * file that does not exist yet, for a folder that does not exist yet (`/etc/umeet-tray/`), and for files
 * replaced by a rename (configuration profiles, package managers), where an inotify/FSEvents watch on the file
 * would go deaf. One stat every few seconds is nothing; the watch never keeps the process alive.
 */
export function watchFiles(paths: readonly string[], onChange: () => void, intervalMs = 5_000): () => void {
  const listener = (current: Stats, previous: Stats) => {
    if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size || current.ino !== previous.ino) onChange();
  };
  for (const path of paths) watchFile(path, { interval: intervalMs, persistent: false }, listener);
  return () => {
    for (const path of paths) unwatchFile(path, listener);
  };
}
