import { app } from 'electron';
import { spawn } from 'node:child_process';
import type { Logger } from '../../core/log.js';

/**
 * Starts the app again with `args`, then ends this process. Electron's `app.relaunch()` starts the new instance
 * through a helper that is the running executable, once this process has exited (shell/browser/relauncher.cc). In
 * an AppImage that executable lives in the AppImage's mount (/tmp/.mount_*), which goes away when this process
 * exits, so the relaunch never happens (electron-builder#1727, #4650). There the AppImage file itself ($APPIMAGE)
 * is started, detached, with the arguments, before this process exits; it mounts itself afresh.
 *
 * Returns false, and leaves this process running, when the AppImage could not be started.
 */
export function relaunchApp(args: readonly string[], log?: Logger): boolean {
  const appImage = process.env.APPIMAGE;
  if (appImage) {
    const child = spawn(appImage, [...args], { detached: true, stdio: 'ignore' });
    // libuv reports a program that could not be started at once: no pid.
    if (child.pid === undefined) {
      child.on('error', (error) => log?.error('could not start the AppImage again', error));
      return false;
    }
    child.unref();
  } else {
    app.relaunch({ args: [...args] });
  }
  app.exit(0);
  return true;
}
