import { app, BrowserWindow, clipboard } from 'electron';
import type { Clipboard } from '../ports.js';

/** How long a copy asked for from the tray waits for the user to give the window focus. */
const FOCUS_WAIT_MS = 2 * 60_000;

/**
 * The clipboard, honest about Wayland. In a Wayland session (XWayland or native) a write while no window of the
 * app's has focus may be dropped by the compositor, and reading it back cannot tell: Chromium answers from its own
 * copy while it believes it owns the selection (docs/architecture.md, "Wayland"). So there a write is
 * `unconfirmable` unless a window has focus; and a copy the user asked for from the tray is made from the window:
 * it is shown, and the text is written once it has focus (a focused surface's write is one compositors honour).
 */
export function createClipboard(options: { wayland: boolean; showWindow: () => void; focusWaitMs?: number }): Clipboard {
  const focused = () => BrowserWindow.getFocusedWindow() !== null;
  const focus = () =>
    new Promise<boolean>((resolve) => {
      const done = (result: boolean) => {
        clearTimeout(timer);
        app.off('browser-window-focus', onFocus);
        resolve(result);
      };
      const onFocus = () => done(true);
      const timer = setTimeout(() => done(false), options.focusWaitMs ?? FOCUS_WAIT_MS);
      app.on('browser-window-focus', onFocus);
      options.showWindow();
    });
  return {
    writeText: (text) => clipboard.writeText(text),
    readText: () => clipboard.readText(),
    unconfirmable: () => options.wayland && !focused(),
    async writeWhenFocused(text) {
      if (options.wayland && !focused() && !(await focus())) return false;
      await clipboard.writeText(text);
      return true;
    },
  };
}
