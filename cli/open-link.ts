import type { ChildProcess } from 'node:child_process';
import open from 'open';

/**
 * Hands a link to the browser and reports what really happened. The opener (xdg-open, macOS's
 * `open`, PowerShell, or the program in UMEET_OPEN_WITH) either fails to start, exits non-zero
 * (no browser, a refused URL), exits zero (it handed the link on), or keeps running (it is the
 * browser itself): the last two count as opened.
 */
export type OpenOutcome = { opened: true } | { opened: false; why: string };

/** How long an opener that keeps running is given to fail before it counts as the browser itself. */
const SETTLE_MS = 3_000;

export async function openLink(url: string, program: string | undefined): Promise<OpenOutcome> {
  let child: ChildProcess;
  try {
    child = await open(url, program ? { app: { name: program } } : {});
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const what = program ?? 'the system opener';
    return { opened: false, why: `cannot run ${what}${typeof code === 'string' ? ` (${code})` : ''}` };
  }
  const name = program ?? (typeof child.spawnfile === 'string' ? child.spawnfile.split(/[\\/]/).pop() : 'the opener');
  const verdict = (code: number | null, signal: NodeJS.Signals | null): OpenOutcome =>
    code === 0 ? { opened: true } : { opened: false, why: `${name} exited with ${code === null ? `signal ${signal}` : `code ${code}`}` };
  // Already over (Windows: open() waits for PowerShell to close).
  if (child.exitCode !== null || child.signalCode !== null) return verdict(child.exitCode, child.signalCode);
  return new Promise<OpenOutcome>((resolve) => {
    const settled = setTimeout(() => resolve({ opened: true }), SETTLE_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(settled);
      resolve(verdict(code, signal));
    });
    child.once('error', (error) => {
      clearTimeout(settled);
      resolve({ opened: false, why: `${name} failed (${(error as { code?: string }).code ?? error.message})` });
    });
  });
}
