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
  // Once loaded, a call goes to its listener in the same turn, as before the split: a change the window makes is
  // made as its call arrives, so a quit right after it (before-quit flushes the store) finds it made.
  let loaded: Listeners | undefined;
  void listeners.then((ready) => (loaded = ready)).catch(() => undefined);
  for (const channel of channels)
    ipcMain.handle(channelPrefix + channel, (event, payload: unknown): Promise<unknown> =>
      loaded ? loaded[channel](event, payload) : listeners.then((ready): Promise<unknown> => ready[channel](event, payload)),
    );
}

/** Sends one of the contract's events to the window, if it is there. */
export function sendEvent<E extends EventName>(contents: WebContents | undefined, event: E, payload: EventPayload<E>): void {
  if (contents && !contents.isDestroyed()) contents.send(channelPrefix + event, payload);
}
