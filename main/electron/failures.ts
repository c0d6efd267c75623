import { app, dialog } from 'electron';
import { pickLocale, translator, type Translate } from '../../common/i18n/index.js';
import { redactText } from '../../core/api/redact.js';
import type { AppLogger } from './log.js';
import type { Notify } from '../ports.js';

/** Error text safe to show and log: no stack, no secret. */
const describeError = (error: unknown) => redactText(error instanceof Error ? error.message : String(error)).slice(0, 300);

/**
 * What happens to an error nobody caught. Before the tray is up the user has nothing to click: say what
 * happened and where the log is, in a native dialog, and quit, releasing the single-instance lock so the
 * next launch can start (Electron's default for an unhandled rejection is a console warning, which would
 * keep the process, and the lock, alive with no tray). Once the tray shows, a notification says it, at most
 * one a minute: a failure in a loop must not bury the desktop.
 */
export function catchFailures(log: AppLogger, approveQuit: () => void) {
  function failedToStart(error: unknown): void {
    log.error('start-up failed', error);
    approveQuit();
    // The line is in the log before the dialog, which may stay open (electron-log loads with the first line).
    log.whenWritten(() => {
      const t = translator(pickLocale(app.getPreferredSystemLanguages()));
      dialog.showErrorBox(t('app.startFailedTitle'), t('app.startFailedBody', { error: describeError(error), folder: log.folder() }));
      app.releaseSingleInstanceLock();
      app.quit();
      // If something holds the quit back, leave anyway.
      setTimeout(() => app.exit(1), 3_000).unref();
    });
  }
  let surface: (error: unknown) => void = failedToStart;
  process.on('unhandledRejection', (error) => surface(error));
  process.on('uncaughtException', (error) => surface(error));
  return {
    failedToStart,
    /** The tray shows: from now on an unexpected error is told in a notification, not by quitting. */
    notifyFromNowOn(notify: Notify, t: () => Translate): void {
      let lastSurfaced = 0;
      surface = (error) => {
        log.error('unexpected error', error);
        if (Date.now() - lastSurfaced < 60_000) return;
        lastSurfaced = Date.now();
        notify({
          title: t()('app.unexpectedTitle'),
          body: t()('app.unexpectedBody', { error: describeError(error), folder: log.folder() }),
        });
      };
    },
  };
}
