// The ES-module face of the stand-in (see electron.cjs): the named exports main imports.
import electron from './electron.cjs';

export default electron;
export const {
  app,
  BrowserWindow,
  clipboard,
  contextBridge,
  dialog,
  globalShortcut,
  ipcMain,
  ipcRenderer,
  Menu,
  MenuItem,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  Tray,
  webContents,
} = electron;
