import { app, safeStorage } from 'electron';
import type { Logger } from '../../core/log.js';
import type { DesktopInfo } from '../../common/app-info.js';
import { isWaylandSession, launcherCommand } from '../platform/display-server.js';
import {
  desktopPlan,
  LIBSECRET,
  PASSWORD_STORE_SWITCH,
  passwordStoreToAppend,
  readDesktopMemory,
  writeDesktopMemory,
} from '../platform/linux-desktop.js';
import { relaunchApp } from './relaunch.js';

/**
 * After the tray: asks the session bus what the Linux desktop offers (main/platform/session-bus.ts, loaded now, not
 * before the tray) and acts on it (main/platform/linux-desktop.ts): says whether the tray shows anywhere, remembers
 * a Secret Service for the next starts, and starts again with it when Chromium did not ask it and nothing was asked
 * of this run yet. Never throws: what cannot be learned is left as it was.
 */
export async function checkLinuxDesktop(options: {
  log: Logger;
  /** Whether the tray is drawn nowhere; told once the bus answered. */
  shown: (noTray: boolean) => void;
  /** Whether this run may start again now (nothing started, no window open). */
  mayRestart: () => boolean;
}): Promise<void> {
  try {
    const { gdbusSessionBus, hasSessionBus, secretService, statusNotifierHost } = await import('../platform/session-bus.js');
    if (!hasSessionBus(process.env)) return;
    const bus = gdbusSessionBus({ env: process.env });
    const [trayHost, secrets] = await Promise.all([statusNotifierHost(bus), secretService(bus)]);
    const dir = app.getPath('userData');
    const memory = readDesktopMemory(dir);
    const backend = safeStorage.getSelectedStorageBackend();
    const plan = desktopPlan(
      { trayHost, secretService: secrets },
      { backend, passwordStoreSwitch: app.commandLine.hasSwitch(PASSWORD_STORE_SWITCH), memory },
    );
    options.log.info('linux desktop', { trayHost, secretService: secrets, backend });
    options.shown(plan.noTray);
    if (plan.remember) writeDesktopMemory(dir, plan.remember);
    if (plan.restartForKeyring && options.mayRestart()) {
      options.log.info('a Secret Service is on the bus: starting again with it');
      // The new instance must get the lock: this one lets it go first.
      app.releaseSingleInstanceLock();
      const args = process.argv.slice(1).filter((arg) => !arg.startsWith('--start') && arg !== '--hidden');
      relaunchApp([...args, `--${PASSWORD_STORE_SWITCH}=${LIBSECRET}`, '--hidden'], options.log);
    }
  } catch (error) {
    options.log.warn('could not ask the session bus about the desktop', { error: String(error) });
  }
}

/**
 * Before 'ready', the only time the switch counts: a Secret Service an earlier run found on a desktop Chromium does
 * not know (sway, i3…) is asked for now (main/platform/linux-desktop.ts).
 */
export function applyRememberedPasswordStore(): void {
  const passwordStore = passwordStoreToAppend({
    platform: process.platform,
    hasSwitch: app.commandLine.hasSwitch(PASSWORD_STORE_SWITCH),
    memory: process.platform === 'linux' ? readDesktopMemory(app.getPath('userData')) : {},
  });
  if (passwordStore) app.commandLine.appendSwitch(PASSWORD_STORE_SWITCH, passwordStore);
}

/** What the desktop offers, as known at start (the tray host is learned after the tray: `checkLinuxDesktop`). */
export function desktopAtStart(): DesktopInfo {
  return {
    noTray: false,
    shortcut: isWaylandSession(process.platform, process.env) ? 'window' : 'global',
    launcherCommand: launcherCommand({
      execPath: process.execPath,
      appImage: process.env.APPIMAGE,
      appArgs: app.isPackaged ? [] : [app.getAppPath()],
    }),
  };
}
