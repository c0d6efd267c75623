import { ipcMain, type WebContents } from 'electron';
import { channelPrefix, channels, type EventName } from '../../common/ipc-channels.js';
import type { EventPayload } from '../../common/ipc-contract.js';
import type { Listeners } from '../ipc/handle.js';

/**
 * Puts every wrapped listener on Electron's IPC; nothing is registered outside the contract. Every channel is
 * there from the start; the listeners (main/ipc/handle.ts with the contract's schemas) load after the tray, and
 * a call that comes first waits for them.
 */
export function registerIpc(listeners: Promise<Listeners>): void {
  for (const channel of channels)
    ipcMain.handle(channelPrefix + channel, async (event, payload: unknown) => (await listeners)[channel](event, payload));
}

/** Sends one of the contract's events to the window, if it is there. */
export function sendEvent<E extends EventName>(contents: WebContents | undefined, event: E, payload: EventPayload<E>): void {
  if (contents && !contents.isDestroyed()) contents.send(channelPrefix + event, payload);
}
