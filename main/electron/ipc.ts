import { ipcMain } from 'electron';
import { channelPrefix, channels } from '../../common/ipc-channels.js';
import type { Listeners } from '../ipc/handlers.js';

/** Puts every wrapped handler on Electron's IPC; nothing is registered outside the contract. */
export function registerIpc(listeners: Listeners): void {
  for (const channel of channels) {
    ipcMain.handle(channelPrefix + channel, listeners[channel]);
  }
}
