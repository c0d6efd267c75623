import { app, Menu, type MenuItemConstructorOptions } from 'electron';

/** Quit, as the app does it: through its `quit` command, which asks first when edits are not saved. */
export interface QuitItem {
  label: string;
  run: () => void;
}

/**
 * The application menu is the app's own, never Electron's default (which has View → Reload and the
 * developer tools). macOS needs an Edit menu for copy and paste to work in text fields; Windows and
 * Linux need none (the window hides its menu bar). In development the View menu stays, for reloading.
 * macOS's app menu is Electron's `appMenu` but for Quit (⌘Q), whose `quit` role would quit at once.
 */
export function applicationMenu(platform: NodeJS.Platform, packaged: boolean, quit: QuitItem): MenuItemConstructorOptions[] | null {
  const view: MenuItemConstructorOptions[] = packaged ? [] : [{ role: 'viewMenu' }];
  if (platform !== 'darwin') return view.length ? view : null;
  const appMenu: MenuItemConstructorOptions = {
    label: app.name,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { id: 'quit', label: quit.label, accelerator: 'Command+Q', click: () => quit.run() },
    ],
  };
  return [appMenu, { role: 'editMenu' }, ...view, { role: 'windowMenu' }];
}

export function setApplicationMenu(quit: QuitItem): void {
  const template = applicationMenu(process.platform, app.isPackaged, quit);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
}
