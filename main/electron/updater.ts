import { app } from 'electron';
import updaterModule from 'electron-updater';
import type { Logger } from '../../core/log.js';
import { macBundleIsSigned } from '../updates/mac-signature.js';
import type { UpdaterPort } from '../updates/update-service.js';

/**
 * The UpdaterPort over electron-updater's `autoUpdater` (its feed: the GitHub releases named by
 * electron-builder.yml's `publish`, written into the packaged app as app-update.yml). Imported
 * lazily by main/index.ts, after the tray shows, and only in a packaged app: electron-updater and
 * its dependencies are bundled into a chunk of their own that start-up never reads.
 *
 * The service decides when to check and download; electron-updater downloads nothing by itself.
 */
export function createUpdater(options: { log: Logger; beforeInstall: () => void }): UpdaterPort {
  const { autoUpdater } = updaterModule;
  const { log } = options;
  const line = (message: unknown) => `electron-updater: ${message instanceof Error ? message.message : String(message)}`;
  autoUpdater.logger = {
    info: (message?: unknown) => log.info(line(message)),
    warn: (message?: unknown) => log.warn(line(message)),
    error: (message?: unknown) => log.error(line(message)),
  };
  autoUpdater.autoDownload = false;
  // A download that is ready installs at the next quit too, not only through "Restart to update".
  autoUpdater.autoInstallOnAppQuit = true;
  // Failures reach the service through the promises below; without a listener, EventEmitter would throw them.
  autoUpdater.on('error', () => undefined);

  return {
    async support() {
      if (process.platform !== 'darwin') return 'ok';
      return (await macBundleIsSigned(app.getPath('exe'))) ? 'ok' : 'unsigned';
    },
    async check() {
      const result = await autoUpdater.checkForUpdates();
      // Null: the updater is inactive (not packaged). Not available: not newer, or outside a staged rollout.
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : undefined;
    },
    async download() {
      await autoUpdater.downloadUpdate();
    },
    quitAndInstall() {
      options.beforeInstall();
      autoUpdater.quitAndInstall();
    },
  };
}
