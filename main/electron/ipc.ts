import { ipcMain, type WebContents } from 'electron';
import { channelPrefix, channels, type EventName } from '../../common/ipc-channels.js';
import type { EventPayload } from '../../common/ipc-contract.js';
import type { Listeners } from '../ipc/handle.js';

/** Puts every wrapped listener on Electron's IPC; nothing is registered outside the contract. */
export function registerIpc(listeners: Listeners): void {
  for (const channel of channels) ipcMain.handle(channelPrefix + channel, listeners[channel]);
}

/** Sends one of the contract's events to the window, if it is there. */
export function sendEvent<E extends EventName>(contents: WebContents | undefined, event: E, payload: EventPayload<E>): void {
  if (contents && !contents.isDestroyed()) contents.send(channelPrefix + event, payload);
}
