import { Agent, type Dispatcher } from 'undici';

/**
 * One form POST over a kept-alive undici Agent, with what the client needs to be safe:
 * - one overall deadline for the whole exchange (connect, send, headers, body);
 * - the body capped while it streams in, never buffered past the cap;
 * - an exact record of whether the request can have reached the server. Until undici calls
 *   `onRequestStart` (the socket is connected and the request is about to be written) nothing has
 *   left the machine; from then on, it may have. A deadline that passes before that point also
 *   stops the request from ever being written.
 */

export type Phase = 'connect' | 'headers' | 'body';

export type PostOutcome = { ok: true; httpStatus: number; body: Buffer } | { ok: false; error: TransportError };

export type TransportError =
  | { type: 'timeout'; phase: Phase; mayHaveReachedServer: boolean }
  | { type: 'network'; code: string; mayHaveReachedServer: boolean }
  | { type: 'too-large'; limit: number };

export interface PostOptions {
  path: string;
  body: string;
  headers: Record<string, string>;
  /** Absolute time (ms, performance clock) by which the exchange must be over. */
  deadline: number;
  maxBodyBytes: number;
  method?: 'POST' | 'GET';
}

export interface KeptAliveAgentOptions {
  timeoutMs: number;
}

/**
 * One Agent per base URL, kept alive between clicks so a warm click opens no connection.
 * One connection per origin: with a pool, undici opens a second socket for a request that
 * follows another back to back (the first socket is not yet marked free), which would defeat the
 * warm-up. Calls on one client therefore queue; background reads that must never delay a click
 * use a client of their own.
 */
export function createKeptAliveAgent(options: KeptAliveAgentOptions): Agent {
  return new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 120_000,
    connections: 1,
    connect: { timeout: options.timeoutMs },
    // The overall deadline is ours (below); these only must not cut in before it.
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
}

class DeadlineExceeded extends Error {}
class BodyTooLarge extends Error {}

/** Error codes that undici or Node raise before any byte of a request was written. */
const preSendCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

export function postForm(dispatcher: Dispatcher, origin: string, options: PostOptions): Promise<PostOutcome> {
  return new Promise<PostOutcome>((resolve) => {
    let phase: Phase = 'connect';
    let started = false;
    let settled = false;
    let controller: Dispatcher.DispatchController | undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    let httpStatus = 0;

    const settle = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };

    const timer = setTimeout(
      () => {
        settle({ ok: false, error: { type: 'timeout', phase, mayHaveReachedServer: started } });
        controller?.abort(new DeadlineExceeded());
      },
      Math.max(0, options.deadline - performance.now()),
    );

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(ctrl) {
        controller = ctrl;
        // The deadline passed while we were still connecting: never write the request.
        if (settled) {
          ctrl.abort(new DeadlineExceeded());
          return;
        }
        started = true;
        phase = 'headers';
      },
      onResponseStart(ctrl, statusCode, headers) {
        if (statusCode < 200) return; // 1xx informational: the real answer follows
        httpStatus = statusCode;
        phase = 'body';
        const declared = Number(headers['content-length']);
        if (Number.isFinite(declared) && declared > options.maxBodyBytes) ctrl.abort(new BodyTooLarge());
      },
      onResponseData(ctrl, chunk) {
        received += chunk.length;
        if (received > options.maxBodyBytes) {
          ctrl.abort(new BodyTooLarge());
          return;
        }
        chunks.push(chunk);
      },
      onResponseEnd() {
        settle({ ok: true, httpStatus, body: Buffer.concat(chunks, received) });
      },
      onResponseError(_ctrl, error) {
        if (error instanceof BodyTooLarge) {
          settle({ ok: false, error: { type: 'too-large', limit: options.maxBodyBytes } });
          return;
        }
        const code = errorCode(error);
        if (code === 'UND_ERR_CONNECT_TIMEOUT') {
          settle({ ok: false, error: { type: 'timeout', phase: 'connect', mayHaveReachedServer: false } });
        } else if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
          settle({ ok: false, error: { type: 'timeout', phase, mayHaveReachedServer: true } });
        } else {
          const mayHaveReachedServer = started && !preSendCodes.has(code);
          settle({ ok: false, error: { type: 'network', code, mayHaveReachedServer } });
        }
      },
    };

    try {
      dispatcher.dispatch(
        {
          origin,
          path: options.path,
          method: options.method ?? 'POST',
          headers: options.headers,
          body: options.method === 'GET' ? null : options.body,
        },
        handler,
      );
    } catch (error) {
      settle({ ok: false, error: { type: 'network', code: errorCode(error), mayHaveReachedServer: false } });
    }
  });
}
