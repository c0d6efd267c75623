import { app, globalShortcut, Menu, shell } from 'electron';
import type { Preset } from '../../common/preset.js';
import { isWaylandSession } from '../platform/display-server.js';
import { menuLabel } from '../tray/menu-model.js';
import type { OpenLink } from '../ports.js';

/** Looked up at call time, so the Electron suite can intercept `shell.openExternal` in main. */
export const openLink: OpenLink = (url) => shell.openExternal(url);

/** Opens a file with the OS's app for it (a calendar file: the calendar app); '' on success, else why not (shell.md). */
export const openPath = (path: string): Promise<string> => shell.openPath(path);

/** Shows a folder in the OS file manager (the log folder, for support). */
export const openFolder = (path: string): void => void shell.openPath(path);

/**
 * Keeps the global shortcut registered as the settings say: call it whenever they may have changed.
 * A shortcut another app holds is reported (`onTaken`), never silently ignored. Each is told once per
 * shortcut: registering it again (after recording paused it) says nothing new.
 */
export function followShortcut(
  wanted: () => string | null,
  onPress: () => void,
  onTaken: (accelerator: string) => void,
  onUncertain: (accelerator: string) => void,
): () => void {
  let current: string | null = null;
  let told: string | null = null;
  const tell = (accelerator: string, say: (accelerator: string) => void) => {
    if (told === accelerator) return;
    told = accelerator;
    say(accelerator);
  };
  return () => {
    const next = wanted();
    if (next === current) return;
    current = next;
    globalShortcut.unregisterAll();
    if (!next) return;
    let registered = false;
    try {
      registered = globalShortcut.register(next, onPress);
    } catch {
      registered = false;
    }
    if (!registered) tell(next, onTaken);
    // A Wayland session: the app runs under XWayland, where the shortcut is an X11 key grab that reaches it only
    // while one of its windows has focus (global-shortcut.md, "Usage on Linux"; CopyQ#1843, cherry-studio#20524).
    // Registering still says true, so the user is told what it does, and how to get one that works everywhere:
    // a shortcut of the desktop's own that runs the launcher command (docs/architecture.md, "Wayland").
    else if (isWaylandSession(process.platform, process.env)) tell(next, onUncertain);
  };
}

const MAX_LAUNCHER_PRESETS = 10;

/**
 * Presets in the OS launchers, each starting its preset through `--start`: Windows jump-list tasks
 * and the macOS dock menu. (Linux gets a static "start the default preset" action in the
 * .desktop file, from electron-builder.yml.)
 */
export function updateLaunchers(presets: readonly Preset[], start: (presetId: string) => void): void {
  const shown = presets.slice(0, MAX_LAUNCHER_PRESETS);
  if (process.platform === 'win32') {
    app.setUserTasks(
      shown.map((preset) => ({
        program: process.execPath,
        // One argument, `--start=<id>`: a second launch's argv may reach us reordered (main/platform/launch-args.ts).
        arguments: `${app.isPackaged ? '' : `"${app.getAppPath()}" `}--start=${preset.id}`,
        iconPath: process.execPath,
        iconIndex: 0,
        title: preset.name,
        description: preset.topic,
      })),
    );
  } else if (process.platform === 'darwin') {
    // A `&` in a name is a mnemonic in the dock menu too (FixUpWindowsStyleLabel): escaped, as in the tray.
    app.dock?.setMenu(Menu.buildFromTemplate(shown.map((preset) => ({ label: menuLabel(preset.name), click: () => start(preset.id) }))));
  }
}
