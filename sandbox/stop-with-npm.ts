import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A tool run by npm (`npm run sandbox`, `npm run dev:renderer`) must not outlive it. npm starts it
 * through a shell and does not always pass signals on, so a signal to npm, npm killed outright, or
 * the shell gone would leave the tool listening. It watches its parent and npm instead, and stops
 * when either is gone. Run directly (`node out/tools/…`), it is left alone.
 */
export function stopWithNpm(stop: () => void): void {
  if (!process.env.npm_lifecycle_event) return;
  const watched = [process.ppid, ...parentOf(process.ppid)];
  setInterval(() => {
    const gone = watched.some((pid) => {
      try {
        process.kill(pid, 0);
        return false;
      } catch (error) {
        return (error as { code?: string }).code === 'ESRCH';
      }
    });
    if (gone || process.ppid !== watched[0]) stop();
  }, 500).unref();
}

/** The parent of `pid` (npm, when `pid` is the shell npm started), where the OS tells it cheaply. */
function parentOf(pid: number): number[] {
  try {
    // Linux: the 4th field of /proc/<pid>/stat, after the command name in parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid > 1 ? [ppid] : [];
  } catch {
    try {
      const ppid = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      return ppid > 1 ? [ppid] : [];
    } catch {
      return [];
    }
  }
}
