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

/**
 * A Wayland session, whether this app runs under XWayland or natively. Either way, what reaches the compositor
 * while no window of the app's has focus may be dropped unseen: a clipboard write (native: Chromium's
 * wayland_clipboard.cc offers its data without an input serial; XWayland: KWin takes an X11 selection only while an
 * X11 window is active, src/xwayland/clipboard.cpp), and a global shortcut (XWayland: an X11 grab, delivered only
 * while an X11 window has focus). See docs/architecture.md, "Wayland".
 */
export function isWaylandSession(platform: NodeJS.Platform, env: Record<string, string | undefined>): boolean {
  return platform === 'linux' && (env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY));
}

/** One word for a POSIX shell (and GLib's g_shell_parse_argv, which GNOME's custom shortcuts use): quoted if needed. */
const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * The command that starts the default preset, as a desktop's keyboard settings take it (GNOME, KDE, sway's
 * `bindsym … exec`): the AppImage file itself when running from one (its mount is temporary), else this executable,
 * with the app's folder in development.
 */
export function launcherCommand(facts: { execPath: string; appImage?: string | undefined; appArgs?: readonly string[] }): string {
  const program = facts.appImage || facts.execPath;
  return [program, ...(facts.appImage ? [] : (facts.appArgs ?? [])), '--start-default'].map(shellWord).join(' ');
}
