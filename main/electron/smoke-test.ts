import { app } from 'electron';
import type { Logger } from '../../core/log.js';

/**
 * `--smoke-test`: the workflow starts the packaged app with it (scripts/smoke-start.mjs), on the runner of the OS
 * it built for, to prove that the app as shipped starts at all. An unsigned arm64 Mac app whose ad-hoc signature the
 * fuses broke is killed by the kernel before any of this runs; a bundle that is missing a module fails before the
 * tray. The run goes as far as the tray (or the window, where no tray can show), says so on stdout and exits 0,
 * before anything that reaches the network (the update check, the status refresh) begins.
 */
export const smokeTestRequested = (argv: readonly string[] = process.argv): boolean => argv.includes('--smoke-test');

export function passSmokeTest(log: Logger, shown: 'tray' | 'window'): void {
  const line = `umeet-tray: smoke test passed: ${app.getName()} ${app.getVersion()} started to its ${shown} (Electron ${process.versions.electron}, Node ${process.versions.node}, ${process.platform}-${process.arch})`;
  log.info(line);
  process.stdout.write(`${line}\n`);
  app.exit(0);
}
