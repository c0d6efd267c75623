import { BrowserWindow, dialog } from 'electron';
import type { Confirm, FileDialogs } from '../ports.js';

/**
 * The window owns the dialogs (sheets on macOS) only while it is visible; otherwise they stand alone. A closed
 * window is kept hidden for minutes, and on macOS an asynchronous box given a parent is a sheet on it whether or
 * not it shows (shell/browser/ui/message_box_mac.mm: `beginSheetModalForWindow` whenever there is a parent): a
 * question asked from the tray ("End meeting?") would wait on a window nobody sees.
 */
const owner = () => {
  const focused = BrowserWindow.getFocusedWindow();
  if (focused?.isVisible()) return focused;
  return BrowserWindow.getAllWindows().find((window) => !window.isDestroyed() && window.isVisible());
};

const filters = [{ name: 'JSON', extensions: ['json'] }];

/** Native file dialogs for presets import and export. */
export const fileDialogs: FileDialogs = {
  async chooseExportPath({ title, defaultName }) {
    const options = { title, defaultPath: defaultName, filters };
    const parent = owner();
    const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return canceled ? undefined : filePath;
  },
  async chooseCsvPath({ title, defaultName }) {
    const options = { title, defaultPath: defaultName, filters: [{ name: 'CSV', extensions: ['csv'] }] };
    const parent = owner();
    const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return canceled ? undefined : filePath;
  },
  async chooseCalendarPath({ title, defaultName }) {
    const options = { title, defaultPath: defaultName, filters: [{ name: 'iCalendar', extensions: ['ics'] }] };
    const parent = owner();
    const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return canceled ? undefined : filePath;
  },
  async chooseImportFile({ title }) {
    const options = { title, filters, properties: ['openFile' as const] };
    const parent = owner();
    const { canceled, filePaths } = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return canceled ? undefined : filePaths[0];
  },
};

/** The one confirmation dialog: the action named on its button, Cancel the default (Escape and Enter are safe). */
export const confirmWithDialog: Confirm = async ({ title, message, detail, confirm, cancel }) => {
  const options = {
    type: 'question' as const,
    ...(title ? { title } : {}),
    message,
    detail,
    buttons: [confirm, cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const parent = owner();
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 0;
};
