import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeRegFile, keyId, parseRegFile } from './reg-file.js';
import type { Hive, RegistryPort, RegistryValue } from './windows-registry.js';

/** How long one `reg.exe export` may take before the read is reported as failed (a hung process holds nothing up). */
const EXPORT_TIMEOUT_MS = 10_000;

/** Windows' own reg.exe, by its full path: a `reg.exe` earlier on PATH is not asked. */
const systemRegExe = () => join(process.env.SystemRoot ?? process.env.windir ?? 'C:\\Windows', 'System32', 'reg.exe');

/**
 * The registry through Windows' own `reg.exe export <key> <file> /y`: reg.exe writes the export as UTF-16LE with a
 * byte-order mark whatever the console's code page, so a value such as 全员大会 arrives whole on Chinese Windows, where
 * `reg query`'s piped output is CP936 and a UTF-8 reading of it (the `winreg` package's) garbles it. No native
 * module, nothing to rebuild for Electron; each read is one short process, off the main thread, its file in a
 * private temporary folder removed afterwards. reg.exe exits 1 when the key does not exist: no policy there.
 * `command` is for tests: Wine's reg.exe (`['wine64', 'reg']`), or a script replaying a captured export.
 */
export function regExportPort(options: { command?: readonly string[]; env?: NodeJS.ProcessEnv } = {}): RegistryPort {
  const [file, ...prefix] = options.command ?? [systemRegExe()];
  const run = (args: string[]) =>
    new Promise<number>((resolve, reject) => {
      execFile(
        file!,
        [...prefix, ...args],
        { encoding: 'buffer', timeout: EXPORT_TIMEOUT_MS, windowsHide: true, env: options.env ?? process.env },
        (error) => {
          if (!error) return resolve(0);
          const code = (error as { code?: unknown }).code;
          if (typeof code === 'number') return resolve(code);
          reject(new Error(`reg.exe could not run (${String(code ?? error.message).slice(0, 100)})`));
        },
      );
    });
  return {
    async values(hive: Hive, key: string): Promise<RegistryValue[] | undefined> {
      const dir = await mkdtemp(join(tmpdir(), 'umeet-policy-'));
      const out = join(dir, 'policy.reg');
      try {
        const code = await run(['export', `${hive}${key}`, out, '/y']);
        if (code === 1) return undefined;
        if (code !== 0) throw new Error(`reg.exe export exited with ${code}`);
        const { keys, skipped } = parseRegFile(decodeRegFile(await readFile(out)));
        if (skipped.length > 0) throw new Error(`reg.exe's export has lines this reader cannot read (${skipped.length})`);
        return keys.get(keyId(`${hive}${key}`)) ?? [];
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
