import type { Translate } from '../../common/i18n/index.js';
import { channels, type Channel } from '../../common/ipc-channels.js';
import type { z } from 'zod';
import { contract, responseOf, type Contract, type ResponseOf } from '../../common/ipc-contract.js';
import { fail, fieldErrors } from '../../common/result.js';
import type { Logger } from '../../core/log.js';
import { isAppUrl } from '../security/app-origin.js';

/**
 * The part of Electron's `IpcMainInvokeEvent` the wrapper reads. Structural, so main/ipc never
 * imports Electron and the tests can build events by hand. `senderFrame` is null when the
 * frame navigated or was destroyed before the message was handled.
 */
export interface IpcSenderEvent {
  senderFrame?: { url: string; parent: unknown } | null;
}

/**
 * What each channel registers: an app function taking the request `handle()` validated, typed from the
 * contract (common/ipc-contract.ts), so a function that expects anything else does not typecheck.
 */
export type IpcFunctions = {
  [C in Channel]: z.output<Contract[C]['request']> extends undefined
    ? () => Promise<ResponseOf<C>> | ResponseOf<C>
    : (request: z.output<Contract[C]['request']>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};
export type Handlers = IpcFunctions;
type Handler<C extends Channel> = IpcFunctions[C];

export type IpcListener<C extends Channel> = (event: IpcSenderEvent, payload: unknown) => Promise<ResponseOf<C>>;
export type Listeners = { [C in Channel]: IpcListener<C> };

/** Only the top frame of our own `app://` page may talk to main; iframes and other origins may not. */
export function isTrustedSender(event: IpcSenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

/**
 * Wraps one channel's function: checks the sender, validates the request with the contract, runs
 * the function, and parses its answer with the channel's result schema (which drops any field the
 * contract does not name, so a function cannot leak one by accident). Every answer, refusals
 * included, has the one result shape. Never throws.
 */
export function handle<C extends Channel>(channel: C, handler: Handler<C>, log: Logger, t: () => Translate): IpcListener<C> {
  const route = contract[channel];
  const response = responseOf(channel);
  return async (event, payload) => {
    if (!isTrustedSender(event)) {
      log.warn(`ipc ${channel}: refused a sender that is not the app's main frame`, { url: event.senderFrame?.url ?? null });
      return fail('forbidden', t()('ipc.forbidden'));
    }
    const request = route.request.safeParse(payload);
    if (!request.success) {
      const fields = fieldErrors(request.error);
      return fail(
        'invalid',
        t()('ipc.invalidRequest', { details: fields.map((f) => `${f.field || '·'}: ${f.message}`).join('; ') }),
        fields,
      );
    }
    try {
      // The contract's parse made the request the function's own type; TypeScript cannot follow C through it.
      const answer = await (handler as (request: unknown) => ResponseOf<C> | Promise<ResponseOf<C>>)(request.data);
      return response.parse(answer) as ResponseOf<C>;
    } catch (error) {
      log.error(`ipc ${channel}: handler failed`, error);
      return fail('internal', t()('ipc.internal'));
    }
  };
}

/**
 * Every channel's function wrapped by `handle()`. This is what Electron's `ipcMain.handle` hands each call
 * to in the app (main/electron/ipc.ts, once loaded after the tray) and what the renderer tests' bridge calls:
 * the same objects.
 */
export function createListeners(functions: Handlers, log: Logger, t: () => Translate): Listeners {
  return Object.fromEntries(channels.map((channel) => [channel, handle(channel, functions[channel], log, t)])) as Listeners;
}
