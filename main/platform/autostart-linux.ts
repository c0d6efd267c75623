import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { X11_SWITCH } from './display-server.js';

/**
 * Start at login on Linux: an XDG autostart entry, `~/.config/autostart/<app>.desktop`
 * ($XDG_CONFIG_HOME respected). Inside an AppImage the executable is a temporary mount, so the
 * entry points at the AppImage file itself ($APPIMAGE).
 */
export interface AutostartTarget {
  /** The folder that holds `autostart/`: $XDG_CONFIG_HOME or ~/.config. */
  configHome: string;
  /** The desktop file's base name, e.g. `umeet-tray`. */
  fileName: string;
  appName: string;
  /** process.execPath of the running app. */
  execPath: string;
  /** $APPIMAGE when running as an AppImage. */
  appImage?: string | undefined;
  /** In development, the app folder Electron needs as its first argument. */
  appArgs?: readonly string[];
}

/**
 * Quotes one Exec argument as the Desktop Entry specification asks: arguments with reserved
 * characters go in double quotes, inside which `"`, `` ` ``, `$` and `\` are escaped; and `%` is
 * doubled everywhere, since a lone `%` starts a field code.
 */
export function quoteExecArg(arg: string): string {
  const percent = arg.replace(/%/g, '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/.test(percent)) return percent;
  return `"${percent.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartPath(target: Pick<AutostartTarget, 'configHome' | 'fileName'>): string {
  return join(target.configHome, 'autostart', `${target.fileName}.desktop`);
}

export function autostartEntry(target: AutostartTarget): string {
  const program = target.appImage || target.execPath;
  // Under XWayland, as the launchers start it (display-server.ts): a login start must not be the odd one out.
  const exec = [program, ...(target.appImage ? [] : (target.appArgs ?? [])), X11_SWITCH, '--hidden'].map(quoteExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${target.appName}`,
    'Comment=Start Umeet meetings from the tray',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export async function enableAutostart(target: AutostartTarget): Promise<void> {
  await mkdir(join(target.configHome, 'autostart'), { recursive: true });
  await writeFile(autostartPath(target), autostartEntry(target), { mode: 0o644 });
}

export async function disableAutostart(target: Pick<AutostartTarget, 'configHome' | 'fileName'>): Promise<void> {
  await rm(autostartPath(target), { force: true });
}

export async function isAutostartEnabled(target: Pick<AutostartTarget, 'configHome' | 'fileName'>): Promise<boolean> {
  try {
    await access(autostartPath(target));
    return true;
  } catch {
    return false;
  }
}

/**
 * An entry that exists is written again for `target` (an AppImage moved to a new file by an update); none is
 * created. Synchronous: it runs while the app installs an update and quits. True when an entry was rewritten.
 */
export function retargetAutostartSync(target: AutostartTarget): boolean {
  const path = autostartPath(target);
  if (!existsSync(path)) return false;
  writeFileSync(path, autostartEntry(target), { mode: 0o644 });
  return true;
}
