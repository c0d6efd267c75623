/**
 * Wayland. Since Electron 38, in a Wayland session the app runs as a native Wayland client, where a
 * clipboard write from a client without a focused window is dropped and a tray click has no window:
 * the one-click copy would silently not happen. Chromium picks its display backend before the app's
 * JavaScript runs (electron#35630), so only a command-line switch can change it: the launchers and the
 * autostart entry pass `--ozone-platform=x11`, and a start without it (an AppImage double-clicked, a
 * shell) starts itself again with it, under XWayland. See docs/architecture.md, "Wayland".
 *
 * Opting out: start with `--ozone-platform=wayland`, or set UMEET_TRAY_WAYLAND=native; copies are
 * then checked after writing, and a copy that did not happen is said so.
 */
export const X11_SWITCH = '--ozone-platform=x11';

export interface DisplayFacts {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** The process's own arguments after the executable (process.argv.slice(1)). */
  args: readonly string[];
  /** Whether an --ozone-platform switch was given (the user's or a launcher's choice stands). */
  hasOzoneSwitch: boolean;
}

/** The arguments to start again with under X11, or undefined to go on as this process is. */
export function x11Relaunch(facts: DisplayFacts): string[] | undefined {
  if (facts.platform !== 'linux' || facts.hasOzoneSwitch || facts.env.UMEET_TRAY_WAYLAND === 'native') return undefined;
  const wayland = facts.env.XDG_SESSION_TYPE === 'wayland' || Boolean(facts.env.WAYLAND_DISPLAY);
  // Without an X display there is no XWayland to go to: stay native (copies are then checked).
  if (!wayland || !facts.env.DISPLAY) return undefined;
  return [...facts.args, X11_SWITCH];
}
