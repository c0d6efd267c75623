import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's wine64 package puts the loader (its `wine64` on PATH is a wrapper script around it). */
const CANDIDATES = ['/usr/lib/wine/wine64', 'wine64', 'wine'];

export interface Wine {
  /** The command that runs a Windows program: `[...command, 'reg', 'query', …]`. */
  command: string[];
  env: NodeJS.ProcessEnv;
  run(args: string[]): Promise<{ code: number; stdout: Buffer; stderr: Buffer }>;
  /** Creates the prefix and starts its server and services (several seconds, once), holding none of our pipes. */
  start(): Promise<void>;
  dispose(): void;
}

/**
 * Wine (Debian's `wine64`, which .ci/run installs), with a prefix of its own in a temporary folder, for running the
 * real regedit and reg.exe on the files this project ships. `{ unavailable }` says why not, for the test to print.
 * WINEDEBUG=-all keeps Wine's diagnostics off stderr. `locale` zh_CN.UTF-8 gives the prefix code page 936, as on Chinese
 * Windows.
 */
export function wine(options: { locale?: string } = {}): Wine | { unavailable: string } {
  const loader = CANDIDATES.find((candidate) =>
    candidate.startsWith('/') ? existsSync(candidate) : spawnSync('which', [candidate]).status === 0,
  );
  if (!loader)
    return { unavailable: 'Wine is not installed (Debian: wine64; .ci/run installs it): the real regedit and reg.exe cannot run' };
  const prefix = mkdtempSync(join(tmpdir(), 'umeet-wine-'));
  const locale = options.locale ?? 'C.UTF-8';
  // One locale for the prefix's life: Wine updates a prefix whose locale changed, and waits on its server to do so.
  const env = {
    ...process.env,
    WINEPREFIX: prefix,
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    DISPLAY: '',
    LANG: locale,
    LC_ALL: locale,
  };
  const server = loader.replace(/wine64$|wine$/, 'wineserver');
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: Buffer; stderr: Buffer }>((resolve) => {
      execFile(loader, args, { env, encoding: 'buffer', timeout: 120_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  return {
    command: [loader],
    env,
    run,
    async start() {
      // Wine's services (wineserver, services.exe, winedevice.exe…) start with the prefix's first program and
      // inherit its stdio. Started under execFile, they held its pipes open, and every later run waited for them
      // to close (about 2 s a run, measured, against 0.14 s to the program's exit): the file took 45 s alone and
      // over 70 s in `npm test`. So the server is made persistent (-p: until `wineserver -k` in dispose) and the
      // first program runs with no pipe of ours; the services that it starts hold /dev/null instead.
      spawnSync(server, ['-p'], { env, stdio: 'ignore' });
      await new Promise<void>((resolve) => {
        const first = spawn(loader, ['reg', 'query', 'HKLM\\Software'], { env, stdio: 'ignore' });
        first.on('exit', () => resolve());
        first.on('error', () => resolve());
      });
    },
    dispose() {
      // End the prefix's wineserver (and any program left), then remove the prefix.
      spawnSync(server, ['-k'], { env });
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
