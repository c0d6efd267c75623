import { app } from 'electron';
import updaterModule, { type AppUpdater, type ProgressInfo } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';
import type { Logger } from '../../core/log.js';
import { macBundleIsSigned } from '../updates/mac-signature.js';
import type { UpdaterPort } from '../updates/update-service.js';
import { followAppImageMove } from './login-item.js';

/**
 * The UpdaterPort over electron-updater (its feed: the GitHub releases named by electron-builder.yml's `publish`,
 * written into the packaged app as app-update.yml). Imported lazily by main/index.ts, after the tray shows, and only
 * in a packaged app: electron-updater and its dependencies are bundled into a chunk of their own that start-up never
 * reads.
 *
 * The service decides when to check and download; electron-updater downloads nothing by itself.
 */
export interface UpdaterOptions {
  log: Logger;
  beforeInstall: () => void;
  /** The updater; electron-updater's own choice for this install (updaterFor) unless a test gives one. */
  updater?: AppUpdater;
  /** An AppImage update moved the app to a new file: the autostart entry follows (login-item.ts). */
  onAppImageMoved?: (path: string) => void;
}

/**
 * electron-updater's updater for this install: its `autoUpdater` (NSIS, Squirrel.Mac, or on Linux the AppImage's,
 * or the deb's, rpm's or pacman's when resources/package-type says so), except that a process started from an
 * AppImage ($APPIMAGE, set by the AppImage runtime) always gets the AppImageUpdater: whatever a build left in its
 * resources, replacing the AppImage file is the only update that reaches it.
 */
export function updaterFor(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  /** Electron's `app` as electron-updater reads it; its own adapter over Electron's when absent. */
  appAdapter?: AppAdapter,
): AppUpdater {
  if (platform === 'linux' && env.APPIMAGE) return new updaterModule.AppImageUpdater(null, appAdapter);
  return updaterModule.autoUpdater;
}

/**
 * Whether a downloaded update installs by itself when the app quits. Not for the Linux packages: the deb's, rpm's
 * and pacman's updaters install with the system's package tool through pkexec (or sudo), which at quit (a logout,
 * a shutdown) is a password prompt nobody sees. They install only when the user chooses "Restart to update".
 */
export function installsAtQuit(updater: AppUpdater): boolean {
  const { DebUpdater, RpmUpdater, PacmanUpdater } = updaterModule;
  return !(updater instanceof DebUpdater || updater instanceof RpmUpdater || updater instanceof PacmanUpdater);
}

export function createUpdater(options: UpdaterOptions): UpdaterPort {
  const updater = options.updater ?? updaterFor();
  const { log } = options;
  const line = (message: unknown) => `electron-updater: ${message instanceof Error ? message.message : String(message)}`;
  updater.logger = {
    info: (message?: unknown) => log.info(line(message)),
    warn: (message?: unknown) => log.warn(line(message)),
    error: (message?: unknown) => log.error(line(message)),
  };
  updater.autoDownload = false;
  // A download that is ready installs at the next quit too (not only through "Restart to update"), where that asks
  // nothing of the user.
  updater.autoInstallOnAppQuit = installsAtQuit(updater);
  // Failures reach the service through the promises below; without a listener, EventEmitter would throw them.
  updater.on('error', () => undefined);
  // AppImageUpdater moves a versioned AppImage to the new version's name (Umeet-Tray-0.2.0-x86_64.AppImage) and
  // deletes the old file; the autostart entry, which names the file, must follow or the next login starts nothing.
  // Emitted during the install, just before the app quits: followAppImageMove writes synchronously.
  const onAppImageMoved = options.onAppImageMoved ?? ((path: string) => followAppImageMove(path, log));
  updater.on('appimage-filename-updated', (path: string) => onAppImageMoved(path));

  return {
    async support() {
      if (process.platform !== 'darwin') return 'ok';
      return (await macBundleIsSigned(app.getPath('exe'))) ? 'ok' : 'unsigned';
    },
    async check() {
      const result = await updater.checkForUpdates();
      // Null: the updater is inactive (not packaged). Not available: not newer, or outside a staged rollout.
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : undefined;
    },
    async download(onProgress) {
      const progress = (info: ProgressInfo) => onProgress?.(info.percent);
      // Listened for before the download starts: electron-updater reports progress only to listeners it has then.
      updater.on('download-progress', progress);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', progress);
      }
    },
    quitAndInstall() {
      options.beforeInstall();
      updater.quitAndInstall();
    },
  };
}
