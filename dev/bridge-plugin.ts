import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import { channels, events } from '../common/ipc-channels.js';
import type { IpcSenderEvent } from '../main/ipc/handle.js';
import { buildApi } from '../preload/build-api.js';
import { readBody } from '../sandbox/server.js';

/**
 * A Vite dev-server plugin that stands in for Electron's preload and IPC, for `npm run dev:renderer`:
 * - before the app's entry script, it injects a module that defines `window.umeet` with the real
 *   preload function (`buildApi`); each call is POSTed as `{ channel, payload }` JSON to `ipcPath`;
 * - the middleware there calls main's real wrapped listener for the channel, as the app's own main
 *   frame, and answers with its result as JSON;
 * - main's events reach the page over Vite's HMR websocket (a custom `umeet:event` message).
 *
 * The endpoint drives main's handlers (it can save settings and credentials), so it answers only
 * this page: the server listens on 127.0.0.1, every call must carry this run's random token (it is
 * only in the injected module), and come from the page's own origin and host.
 */
export const ipcPath = '/__umeet/ipc';
export const tokenHeader = 'x-umeet-token';
const bridgeId = 'virtual:umeet-bridge';
const resolvedBridgeId = `\0${bridgeId}`;
const maxBodyBytes = 1024 * 1024;

/** What each call looks like to main's sender check: the app's own top frame, as in the app. */
const fromAppWindow: IpcSenderEvent = { senderFrame: { url: 'app://umeet/index.html', parent: null } };

export type DevListener = (event: IpcSenderEvent, payload: unknown) => Promise<unknown>;

export interface BridgeOptions {
  /** Main's wrapped IPC listeners, by channel (`createListeners`). */
  listeners: Readonly<Record<string, DevListener>>;
  /** The per-run secret the page must send with every call. */
  token: string;
  /** Subscribes to main's state changes; the page is told as the app's `stateChanged` event. */
  onChange(listener: () => void): () => void;
  /** Called after each call has been answered (the dev server reports side effects then). */
  afterCall?(channel: string): void;
  /** Called once the dev server is closed for good (not on a restart): main's side closes then. */
  onClose?(): Promise<void>;
}

/** The module that defines `window.umeet` in the page. Runs before the app's own entry. */
function bridgeModule(token: string): string {
  return `// umeet dev bridge (npm run dev:renderer): window.umeet over HTTP and Vite's HMR socket.
const buildApi = (${buildApi.toString()});
const token = ${JSON.stringify(token)};
const listeners = new Map();
const subscribe = (event, listener) => {
  listeners.set(event, [...(listeners.get(event) ?? []), listener]);
  return () => listeners.set(event, (listeners.get(event) ?? []).filter((l) => l !== listener));
};
import.meta.hot?.on('umeet:event', ({ event, payload }) => (listeners.get(event) ?? []).slice().forEach((l) => l(payload)));
const invoke = async (channel, payload) => {
  const response = await fetch(${JSON.stringify(ipcPath)}, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ${JSON.stringify(tokenHeader)}: token },
    body: JSON.stringify({ channel, payload }),
  });
  if (!response.ok) throw new Error('umeet dev bridge: ' + response.status + ' ' + (await response.text()));
  return response.json();
};
Object.defineProperty(window, 'umeet', { value: buildApi(${JSON.stringify(channels)}, ${JSON.stringify(events)}, invoke, subscribe) });
`;
}

const sameSecret = (given: unknown, expected: string) =>
  typeof given === 'string' && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/** The page's own origins: the server's port on the loopback names a browser may use for it. */
function ownHosts(server: ViteDevServer): string[] {
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') return [];
  return [`127.0.0.1:${address.port}`, `localhost:${address.port}`];
}

async function answerCall(req: IncomingMessage, res: ServerResponse, server: ViteDevServer, options: BridgeOptions): Promise<void> {
  const refuse = (status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
  };
  const hosts = ownHosts(server);
  // Another web page open in the same browser could try this endpoint: it has neither our origin
  // nor the token. A rebinding DNS name has neither our Host.
  if (req.method !== 'POST') return refuse(405, 'POST only');
  if (!hosts.includes(req.headers.host ?? '')) return refuse(403, 'wrong host');
  if (!hosts.some((host) => req.headers.origin === `http://${host}`)) return refuse(403, 'wrong origin');
  if (!sameSecret(req.headers[tokenHeader], options.token)) return refuse(403, 'wrong token');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(415, 'JSON only');
  let call: { channel?: unknown; payload?: unknown };
  try {
    call = JSON.parse(await readBody(req, maxBodyBytes)) as typeof call;
  } catch {
    return refuse(400, 'not JSON');
  }
  const channel = call?.channel;
  if (typeof channel !== 'string' || !Object.hasOwn(options.listeners, channel)) return refuse(404, 'no such channel');
  // The wrapped listener validates the payload and never throws, exactly as under Electron's IPC.
  const answer = await options.listeners[channel]!(fromAppWindow, call.payload);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(answer));
  options.afterCall?.(channel);
}

export function umeetBridge(options: BridgeOptions): Plugin {
  return {
    name: 'umeet-dev-bridge',
    apply: 'serve',
    resolveId: (id) => (id === bridgeId ? resolvedBridgeId : undefined),
    load: (id) => (id === resolvedBridgeId ? bridgeModule(options.token) : undefined),
    // Module scripts run in document order: this one, first in <head>, defines window.umeet
    // before the app's entry (in <body>) runs.
    transformIndexHtml: () => [{ tag: 'script', attrs: { type: 'module', src: `/@id/${bridgeId}` }, injectTo: 'head-prepend' }],
    configureServer(server) {
      const off = options.onChange(() => server.ws.send({ type: 'custom', event: 'umeet:event', data: { event: 'stateChanged' } }));
      server.httpServer?.once('close', off);
      server.middlewares.use(ipcPath, (req, res) => {
        answerCall(req, res, server, options).catch((error: unknown) => {
          server.config.logger.error(`umeet dev bridge: ${error instanceof Error ? error.message : String(error)}`);
          if (!res.headersSent) res.writeHead(500).end();
        });
      });
    },
    // Vite closes the server on SIGTERM by itself, then exits: this hook runs before that exit.
    async closeServer({ reason }) {
      if (reason === 'close') await options.onClose?.();
    },
  };
}
