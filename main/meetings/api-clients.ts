import type { ProxySetting } from '../../common/proxy.js';
import type { Credentials, UmeetClient } from '../../core/api/client.js';
import { createProxyRoutes } from '../api/proxy-routes.js';
import type { Network, ProxyAuth } from '../../core/api/routes.js';
import type { TrustOptions } from '../../core/api/trust.js';
import type { Logger } from '../../core/log.js';

/**
 * The API clients for the current settings: one for clicks and one for background reads (status
 * refresh, "was it created?" checks), each on its own kept-alive connection, so a slow background
 * read never queues in front of a click. Rebuilt when the server or the timeout changes.
 *
 * The HTTP client (undici: a hundred modules) is loaded on first use, not at start-up: the tray
 * shows without it, and the menu opening (which warms the connection) loads it before any click.
 */
export function createApiClients(options: {
  settings: () => { apiBaseUrl: string; requestTimeoutMs: number; proxy: ProxySetting };
  credentials: () => Promise<Credentials | undefined>;
  /** Electron's session.resolveProxy (PAC-style answers); straight when absent. */
  resolveProxy?: (url: string) => Promise<string>;
  /** The proxy's user name and password, when the user gave them. */
  proxyAuth?: () => Promise<ProxyAuth | undefined>;
  /** Certificates trusted beyond Node's bundled ones and the OS's store (tests' own CA). */
  extraCertificates?: readonly string[];
  log?: Logger;
}) {
  const routes = createProxyRoutes({
    resolveProxy: options.resolveProxy ?? (async () => 'DIRECT'),
    apiUrl: () => options.settings().apiBaseUrl,
    setting: () => options.settings().proxy,
    ...(options.log ? { log: options.log } : {}),
  });
  const network: Network = {
    routes: () => routes.routes(),
    failed: (route) => routes.failed(route),
    proxyAuth: async () => (await options.proxyAuth?.()) ?? undefined,
  };
  // Made once, when the first client is: reading the OS's store takes a moment, and waits for the first call.
  let trust: TrustOptions | undefined;
  let key = '';
  let clients: { click: UmeetClient; background: UmeetClient } | undefined;
  let module: Promise<typeof import('../../core/api/client.js')> | undefined;
  const load = () => (module ??= import('../../core/api/client.js'));

  /** A client for the current server, timeout and proxy setting, asking `credentials` for the pair at each call. */
  function make(api: typeof import('../../core/api/client.js'), credentials: () => Promise<Credentials | undefined>): UmeetClient {
    const { apiBaseUrl, requestTimeoutMs } = options.settings();
    return api.createUmeetClient({
      baseUrl: apiBaseUrl,
      timeoutMs: requestTimeoutMs,
      credentials: async () => (await credentials()) ?? { apiKey: '', apiSecret: '' },
      // The same routes (proxies) and trusted certificates for every client, the credentials' check included.
      network,
      trust: (trust ??= api.trustOptions(options.extraCertificates)),
      ...(options.log ? { log: options.log } : {}),
    });
  }

  async function current() {
    const api = await load();
    const { apiBaseUrl, requestTimeoutMs, proxy } = options.settings();
    const next = `${apiBaseUrl} ${requestTimeoutMs} ${JSON.stringify(proxy)}`;
    if (!clients || key !== next) {
      // The old server's connections: closed in the background; a close that fails has nothing left to lose.
      if (clients) void Promise.all([clients.click.close(), clients.background.close()]).catch(() => undefined);
      clients = { click: make(api, options.credentials), background: make(api, options.credentials) };
      key = next;
    }
    return clients;
  }

  return {
    click: async () => (await current()).click,
    background: async () => (await current()).background,
    /**
     * Runs `use` on a client of its own for credentials that are not saved (yet), with the current
     * server and timeout, and closes it after: a check of what the user typed never shares a
     * connection, or a pair, with the saved credentials' clients.
     */
    async withCandidate<T>(candidate: Credentials, use: (client: UmeetClient) => Promise<T>): Promise<T> {
      const client = make(await load(), async () => candidate);
      try {
        return await use(client);
      } finally {
        await client.close().catch(() => undefined);
      }
    },
    /** Loads the HTTP client ahead of need (after the tray shows), so the first click does not wait for it. */
    preload: () => void current().catch(() => undefined),
    /** The computer woke up or the network may be another: ask the OS for the route again on the next call. */
    networkChanged: () => routes.invalidate(),
    /** Closes the connections; a second close (quit twice) finds nothing to close. */
    async close() {
      const closing = clients;
      clients = undefined;
      if (closing) await Promise.all([closing.click.close(), closing.background.close()]).catch(() => undefined);
    },
  };
}
export type ApiClients = ReturnType<typeof createApiClients>;
