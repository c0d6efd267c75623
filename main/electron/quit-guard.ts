import { app, powerMonitor } from 'electron';

/**
 * Every quit goes through the app's `quit` command, which asks first while the window holds edits not saved yet:
 * the tray's Quit, the app menu's ⌘Q, and also a quit the app did not start, such as Quit in macOS's Dock menu,
 * which is only 'before-quit' (app.md: preventDefault() stops it). Such a quit is held back and asked for as the
 * command; the command's own quit (`quit()`) goes through. Not held back: the OS ending the session (logout,
 * restart, shutdown: powerMonitor 'shutdown', power-monitor.md; on Windows 'before-quit' is not even emitted then,
 * app.md), an update's install (approved by the update's own question), a failure before the tray.
 *
 * Listen before anything else listens for 'before-quit': later listeners see `event.defaultPrevented`.
 */
export function createQuitGuard(ask: () => void) {
  let approved = false;
  app.on('before-quit', (event) => {
    if (approved) return;
    event.preventDefault();
    ask();
  });
  return {
    /** Let the next quit through unasked. */
    approve(): void {
      approved = true;
    },
    /** Quit now: the `quit` command's port, once it has asked. */
    quit(): void {
      approved = true;
      app.quit();
    },
    /** After 'ready' (powerMonitor needs it): the session ending quits unasked. */
    followSessionEnd(): void {
      powerMonitor.on('shutdown', () => {
        approved = true;
      });
    },
  };
}
