import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronPackage = join(import.meta.dirname, '..', '..', 'node_modules', 'electron');

/**
 * Whether the real app can be launched here, decided at run time. The Electron npm package
 * installs without its binary where the download is impossible (ELECTRON_SKIP_BINARY_DOWNLOAD=1
 * or no network), and importing it then tries the download; so this reads the package's files
 * instead of importing it. A Linux machine also needs a display server (or xvfb-run).
 */
export function electronAvailability(): { ok: true; executable: string } | { ok: false; reason: string } {
  const pathFile = join(electronPackage, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) {
    return {
      ok: false,
      reason:
        'no Electron binary: node_modules/electron/path.txt is missing (the binary download was skipped or impossible). ' +
        'On a desktop, fetch it with `npx install-electron` (see README, "Running the Electron suite").',
    };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const executable = override ? join(override, relative) : join(electronPackage, 'dist', relative);
  if (!existsSync(executable)) {
    return { ok: false, reason: `no Electron binary at ${executable}` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'no display: set DISPLAY (a desktop session) or run the suite under xvfb-run' };
  }
  return { ok: true, executable };
}
