import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the Linux desktop really offers, as the session bus tells it after the tray is up (main/platform/session-bus.ts),
 * and what the app does about it. See docs/architecture.md, "Launches, Wayland, the keyring".
 *
 * - No StatusNotifier host (stock GNOME without the AppIndicator extension): `new Tray()` succeeds and nobody
 *   sees it (electron#5872), so a launch by the user opens the window, which says how to get the tray.
 * - A Secret Service on a desktop Chromium does not know (sway, i3, Hyprland: key_storage_util_linux.cc gives them
 *   BASIC_TEXT without asking the bus): the app asks for it with `--password-store=gnome-libsecret`, which only counts
 *   before 'ready'. It remembers that the desktop has one (`desktop.json` in the app's folder), so later starts
 *   pass the switch from the first moment; the start that found out starts again once with it.
 */
export const PASSWORD_STORE_SWITCH = 'password-store';
export const LIBSECRET = 'gnome-libsecret';

const FILE = 'desktop.json';

/** What earlier runs learned of this desktop. */
export interface DesktopMemory {
  secretService?: boolean;
}

/** Read before 'ready' (a small file, once): what an earlier run learned. Nothing, if there is nothing readable. */
export function readDesktopMemory(dir: string): DesktopMemory {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, FILE), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && (parsed as DesktopMemory).secretService === true ? { secretService: true } : {};
  } catch {
    return {};
  }
}

export function writeDesktopMemory(dir: string, memory: DesktopMemory): void {
  writeFileSync(join(dir, FILE), `${JSON.stringify(memory)}\n`, { mode: 0o600 });
}

/** Before 'ready': the `--password-store` value to append, if any (a switch the user gave stands). */
export function passwordStoreToAppend(facts: { platform: NodeJS.Platform; hasSwitch: boolean; memory: DesktopMemory }): string | undefined {
  if (facts.platform !== 'linux' || facts.hasSwitch || !facts.memory.secretService) return undefined;
  return LIBSECRET;
}

export interface DesktopFindings {
  /** Whether a StatusNotifier host draws tray icons; undefined: could not tell. */
  trayHost: boolean | undefined;
  /** Whether org.freedesktop.secrets is on the session bus (or can be started); undefined: could not tell. */
  secretService: boolean | undefined;
}

export interface DesktopPlan {
  /** The tray shows nowhere: tell the user (the window's note) and open the window for a launch of theirs. */
  noTray: boolean;
  /** What to remember for the next starts, when it changed. */
  remember?: DesktopMemory;
  /** Start again now with `--password-store=gnome-libsecret`: the keyring is there and Chromium did not ask it. */
  restartForKeyring: boolean;
}

export function desktopPlan(
  found: DesktopFindings,
  now: { backend: string; passwordStoreSwitch: boolean; memory: DesktopMemory },
): DesktopPlan {
  const remembered = Boolean(now.memory.secretService);
  const changed = found.secretService !== undefined && found.secretService !== remembered;
  return {
    noTray: found.trayHost === false,
    ...(changed ? { remember: found.secretService ? { secretService: true } : {} } : {}),
    restartForKeyring: found.secretService === true && now.backend === 'basic_text' && !now.passwordStoreSwitch,
  };
}
