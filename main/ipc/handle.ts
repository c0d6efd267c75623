import type { Translate } from '../../common/i18n/index.js';
import { channels, type Channel } from '../../common/ipc-channels.js';
import { contract, responseOf, type ResponseOf } from '../../common/ipc-contract.js';
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

/** What a channel registers: an app function taking the validated request. */
export type Handler<C extends Channel> = (request: never) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

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
      const answer = await handler(request.data as never);
      return response.parse(answer) as ResponseOf<C>;
    } catch (error) {
      log.error(`ipc ${channel}: handler failed`, error);
      return fail('internal', t()('ipc.internal'));
    }
  };
}

/**
 * Every channel's function wrapped by `handle()`. This is what Electron's `ipcMain.handle`
 * receives in the app and what the renderer tests' bridge calls: the same objects.
 */
export function createListeners(functions: Handlers, log: Logger, t: () => Translate): Listeners {
  return Object.fromEntries(
    channels.map((channel) => [channel, handle(channel, functions[channel] as Handler<typeof channel>, log, t)]),
  ) as Listeners;
}
