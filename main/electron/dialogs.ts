import { BrowserWindow, dialog } from 'electron';
import type { Translate } from '../../common/i18n/index.js';
import type { Dialogs } from '../ipc/handlers.js';

/** Native dialogs, attached to the window when it is open. */
export function createDialogs(t: () => Translate): Dialogs {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const filters = [{ name: 'JSON', extensions: ['json'] }];
  return {
    async chooseExportPath(defaultName) {
      const options = { title: t()('export.dialogTitle'), defaultPath: defaultName, filters };
      const owner = parent();
      const { canceled, filePath } = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return canceled ? undefined : filePath;
    },
    async chooseImportFile() {
      const options = { title: t()('import.dialogTitle'), filters, properties: ['openFile' as const] };
      const owner = parent();
      const { canceled, filePaths } = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return canceled ? undefined : filePaths[0];
    },
    async confirm({ title, message, detail, confirm }) {
      const options = { type: 'question' as const, title, message, detail, buttons: [confirm, t()('meeting.cancelButton')], defaultId: 0, cancelId: 1, noLink: true };
      const owner = parent();
      const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
  };
}
