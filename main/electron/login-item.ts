import { app } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../core/log.js';
import {
  disableAutostart,
  enableAutostart,
  isAutostartEnabled,
  retargetAutostartSync,
  type AutostartTarget,
} from '../platform/autostart-linux.js';

/** This app's XDG autostart entry; `appImage` where the AppImage is (or, after an update, will be). */
const linuxTarget = (appImage = process.env.APPIMAGE): AutostartTarget => ({
  configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
  fileName: 'umeet-tray',
  appName: app.getName(),
  execPath: process.execPath,
  appImage,
  appArgs: app.isPackaged ? [] : [app.getAppPath()],
});

/**
 * An update moved the AppImage to `path` (electron-updater's `appimage-filename-updated`): the autostart entry, when
 * start at login is on, is written again to start that file. Never throws: the update goes on either way.
 */
export function followAppImageMove(path: string, log?: Logger): void {
  if (process.platform !== 'linux') return;
  try {
    if (retargetAutostartSync(linuxTarget(path)))
      log?.info('start at login: the autostart entry now starts the updated AppImage', { path });
  } catch (error) {
    log?.error('start at login: the autostart entry could not follow the updated AppImage', { path, error: String(error) });
  }
}

/** Start at login: the OS login items on macOS and Windows, an XDG autostart entry on Linux. */
export function createLoginItem() {
  return {
    async get(): Promise<boolean> {
      if (process.platform === 'linux') return isAutostartEnabled(linuxTarget());
      return app.getLoginItemSettings(process.platform === 'win32' ? { args: ['--hidden'] } : undefined).openAtLogin;
    },
    async set(enabled: boolean): Promise<void> {
      if (process.platform === 'linux') {
        await (enabled ? enableAutostart(linuxTarget()) : disableAutostart(linuxTarget()));
        return;
      }
      // Windows passes --hidden so the app knows it was started at login; macOS reports that itself.
      app.setLoginItemSettings({ openAtLogin: enabled, ...(process.platform === 'win32' ? { args: ['--hidden'] } : {}) });
    },
  };
}
