import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The parent and npm as they were when the process started (this module is read before the tool's own code runs),
 * not when the tool is ready to watch them: a tool asked them only then, once listening, and npm stopped in between
 * (right after the tool's first line, say) had already left it with a new parent, which it took for its own and watched
 * for ever (found in a shuffled unit run on a busy machine: the sandbox still ran 30 s after npm's SIGTERM).
 */
const startedUnder = process.env.npm_lifecycle_event ? [process.ppid, ...parentOf(process.ppid)] : [];

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

/**
 * A tool run by npm (`npm run sandbox`, `npm run dev:renderer`) must not outlive it. npm starts it
 * through a shell and does not always pass signals on, so a signal to npm, npm killed outright, or
 * the shell gone would leave the tool listening. It watches its parent and npm instead, and stops
 * when either is gone. Run directly (`node out/tools/…`), it is left alone.
 */
export function stopWithNpm(stop: () => void): void {
  if (!process.env.npm_lifecycle_event) return;
  const watched = startedUnder;
  const check = () => {
    const gone = watched.some((pid) => {
      try {
        process.kill(pid, 0);
        return false;
      } catch (error) {
        return (error as { code?: string }).code === 'ESRCH';
      }
    });
    if (gone || process.ppid !== watched[0]) stop();
  };
  setInterval(check, 500).unref();
  check();
}
