import { app } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { disableAutostart, enableAutostart, isAutostartEnabled, type AutostartTarget } from '../platform/autostart-linux.js';

/** Start at login: the OS login items on macOS and Windows, an XDG autostart entry on Linux. */
export function createLoginItem() {
  const linuxTarget = (): AutostartTarget => ({
    configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
    fileName: 'umeet-tray',
    appName: app.getName(),
    execPath: process.execPath,
    appImage: process.env.APPIMAGE,
    appArgs: app.isPackaged ? [] : [app.getAppPath()],
  });
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
