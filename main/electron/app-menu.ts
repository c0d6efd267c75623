import { app, Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The application menu is the app's own, never Electron's default (which has View → Reload and the
 * developer tools). macOS needs an Edit menu for copy and paste to work in text fields; Windows and
 * Linux need none (the window hides its menu bar). In development the View menu stays, for reloading.
 */
export function applicationMenu(platform: NodeJS.Platform, packaged: boolean): MenuItemConstructorOptions[] | null {
  const view: MenuItemConstructorOptions[] = packaged ? [] : [{ role: 'viewMenu' }];
  if (platform !== 'darwin') return view.length ? view : null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, ...view, { role: 'windowMenu' }];
}

export function setApplicationMenu(): void {
  const template = applicationMenu(process.platform, app.isPackaged);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
}
