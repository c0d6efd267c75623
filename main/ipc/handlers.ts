import { channels, type Channel } from '../../common/ipc-channels.js';
import type { AppInfo } from '../../common/app-info.js';
import type { Logger } from '../log.js';
import { handle, type Handler, type IpcListener } from './handle.js';

/** What the handlers need from the rest of main. Grows with each channel. */
export interface HandlerDeps {
  appInfo: () => AppInfo;
}

export type Handlers = { [C in Channel]: Handler<C> };
export type Listeners = { [C in Channel]: IpcListener<C> };

/** The handler table: one entry per channel of the contract, each plain and testable. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    appInfo: () => deps.appInfo(),
  };
}

/**
 * Every handler wrapped by `handle()`. This is what Electron's `ipcMain.handle` receives in the
 * app and what the Playwright binding calls in the renderer tests: the same objects.
 */
export function createListeners(deps: HandlerDeps, log: Logger): Listeners {
  const handlers = createHandlers(deps);
  return Object.fromEntries(
    channels.map((channel) => [channel, handle(channel, handlers[channel] as Handler<typeof channel>, log)]),
  ) as Listeners;
}
