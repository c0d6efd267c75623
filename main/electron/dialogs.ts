import { BrowserWindow, dialog } from 'electron';
import type { Confirm, FileDialogs } from '../ports.js';

/** The window, when it is open, owns the dialogs (sheets on macOS); otherwise they stand alone. */
const owner = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

const filters = [{ name: 'JSON', extensions: ['json'] }];

/** Native file dialogs for presets import and export. */
export const fileDialogs: FileDialogs = {
  async chooseExportPath({ title, defaultName }) {
    const options = { title, defaultPath: defaultName, filters };
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
