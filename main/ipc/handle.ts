import { contract, type ResponseOf } from '../../common/ipc-contract.js';
import type { Channel } from '../../common/ipc-channels.js';
import type { IpcFailure, IpcResult } from '../../common/ipc-result.js';
import type { z } from 'zod';
import type { Logger } from '../log.js';
import { isAppUrl } from '../security/app-origin.js';

/**
 * The part of Electron's `IpcMainInvokeEvent` the wrapper reads. Structural, so main/ipc never
 * imports Electron and the tests can build events by hand. `senderFrame` is null when the
 * frame navigated or was destroyed before the message was handled.
 */
export interface IpcSenderEvent {
  senderFrame?: { url: string; parent: unknown } | null;
}

export type Handler<C extends Channel> = (
  request: z.output<(typeof contract)[C]['request']>,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type IpcListener<C extends Channel> = (
  event: IpcSenderEvent,
  payload: unknown,
) => Promise<IpcResult<ResponseOf<C>>>;

/** Only the top frame of our own `app://` page may talk to main; iframes and other origins may not. */
export function isTrustedSender(event: IpcSenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

function fail(error: IpcFailure): { ok: false; error: IpcFailure } {
  return { ok: false, error };
}

/**
 * Wraps one channel's handler: checks the sender, validates the request with the contract,
 * runs the handler, and parses its answer with the response schema (which drops any field the
 * contract does not name, so a handler cannot leak one by accident). Never throws.
 */
export function handle<C extends Channel>(channel: C, handler: Handler<C>, log: Logger): IpcListener<C> {
  const route = contract[channel];
  return async (event, payload) => {
    if (!isTrustedSender(event)) {
      log.warn(`ipc ${channel}: refused a sender that is not the app's main frame`, {
        url: event.senderFrame?.url ?? null,
      });
      return fail({ kind: 'forbidden' });
    }
    const request = route.request.safeParse(payload);
    if (!request.success) {
      return fail({
        kind: 'invalid-request',
        issues: request.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      });
    }
    try {
      const answer = await handler(request.data as never);
      return { ok: true, value: route.response.parse(answer) as ResponseOf<C> };
    } catch (error) {
      log.error(`ipc ${channel}: handler failed`, error);
      return fail({ kind: 'internal' });
    }
  };
}
