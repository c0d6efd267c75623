import { Agent, type Dispatcher } from 'undici';
import { routeLabel, type Route } from '../../common/proxy.js';
import type { TrustOptions } from './trust.js';

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
  | { type: 'too-large'; limit: number }
  /** The proxy failed before the request was sent: nothing reached the server. */
  | { type: 'proxy'; reason: 'unreachable' | 'refused' | 'auth-required' | 'auth-refused'; proxy: string; status?: number; code?: string }
  /** The TLS handshake refused the server's certificate: nothing was sent. */
  | { type: 'certificate'; reason: 'untrusted' | 'expired' | 'wrong-host' | 'other'; code: string; host: string };

export interface PostOptions {
  path: string;
  body: string;
  headers: Record<string, string>;
  /** Absolute time (ms, performance clock) by which the exchange must be over. */
  deadline: number;
  maxBodyBytes: number;
  method?: 'POST' | 'GET';
  /** The way the request goes (direct when absent), and whether a proxy password is sent: to say which part failed. */
  via?: { route: Route; proxyAuth: boolean };
}

export interface KeptAliveAgentOptions {
  timeoutMs: number;
  /** The certificates trusted beyond Node's bundled ones (core/api/trust.ts). */
  trust?: TrustOptions;
}

/** How long an idle connection (or proxy tunnel) is kept for the next click. */
export const KEEP_ALIVE = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 } as const;

/**
 * One Agent per base URL, kept alive between clicks so a warm click opens no connection.
 * One connection per origin: with a pool, undici opens a second socket for a request that
 * follows another back to back (the first socket is not yet marked free), which would defeat the
 * warm-up. Calls on one client therefore queue; background reads that must never delay a click
 * use a client of their own.
 */
export function createKeptAliveAgent(options: KeptAliveAgentOptions): Agent {
  return new Agent({
    ...KEEP_ALIVE,
    connections: 1,
    connect: { timeout: options.timeoutMs, ...options.trust },
    // The overall deadline is ours (below); these only must not cut in before it.
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
}

class DeadlineExceeded extends Error {}
class BodyTooLarge extends Error {}

/** OpenSSL's and Node's codes for a certificate the handshake refused, by what a person can do about it. */
const certificateCodes: Record<string, 'untrusted' | 'expired' | 'wrong-host'> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'untrusted',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'wrong-host',
  HOSTNAME_MISMATCH: 'wrong-host',
};
const otherCertificateCodes = new Set(['CERT_REVOKED', 'CERT_REJECTED', 'INVALID_CA', 'PATH_LENGTH_EXCEEDED', 'INVALID_PURPOSE']);

/** The certificate problem behind an error (undici wraps some, e.g. a wrong host seen through a proxy tunnel). */
function certificateProblem(error: unknown): { reason: 'untrusted' | 'expired' | 'wrong-host' | 'other'; code: string } | undefined {
  for (let cause: unknown = error, depth = 0; cause && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    const code = errorCode(cause);
    const reason = certificateCodes[code];
    if (reason) return { reason, code };
    if (otherCertificateCodes.has(code)) return { reason: 'other', code };
  }
  return undefined;
}

/** The SOCKS client's code for what the proxy said, if it said something (undici's Socks5ProxyError, core/api/socks4.ts). */
function socksCode(error: unknown): string | undefined {
  for (let cause: unknown = error, depth = 0; cause && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    const code = errorCode(cause);
    if (code.startsWith('UND_ERR_SOCKS5_') || code.startsWith('UND_ERR_SOCKS4_')) return code;
  }
  return undefined;
}

/** What a proxy said when it would not open the tunnel ("Proxy response (407) !== 200 when HTTP Tunneling"). */
function tunnelStatus(error: unknown): number | undefined {
  const match = /Proxy response \((\d{3})\)/.exec(error instanceof Error ? error.message : String(error));
  return match ? Number(match[1]) : undefined;
}

/**
 * A failure before the request was written, put in words a person can act on: the certificate, the
 * proxy (when the request goes through one, a connection that fails is the proxy's), else the network.
 */
function preSendFailure(error: unknown, origin: string, via: PostOptions['via']): TransportError {
  const code = errorCode(error);
  const certificate = certificateProblem(error);
  if (certificate) return { type: 'certificate', ...certificate, host: new URL(origin).host };
  if (via && via.route.kind !== 'direct') {
    const proxy = routeLabel(via.route);
    const socks = socksCode(error);
    if (socks === 'UND_ERR_SOCKS5_AUTH_FAILED' || socks === 'UND_ERR_SOCKS5_AUTH_REJECTED')
      return { type: 'proxy', reason: via.proxyAuth ? 'auth-refused' : 'auth-required', proxy, code: socks };
    if (socks?.startsWith('UND_ERR_SOCKS5_REPLY_') || socks?.startsWith('UND_ERR_SOCKS4_'))
      return { type: 'proxy', reason: 'refused', proxy, code: socks };
    const status = tunnelStatus(error);
    if (status === 407) return { type: 'proxy', reason: via.proxyAuth ? 'auth-refused' : 'auth-required', proxy, status };
    if (status !== undefined) return { type: 'proxy', reason: 'refused', proxy, status };
    return { type: 'proxy', reason: 'unreachable', proxy, code };
  }
  return { type: 'network', code, mayHaveReachedServer: false };
}

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
        } else if (!started) {
          settle({ ok: false, error: preSendFailure(error, origin, options.via) });
        } else {
          const mayHaveReachedServer = !preSendCodes.has(code);
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
      settle({ ok: false, error: preSendFailure(error, origin, options.via) });
    }
  });
}
