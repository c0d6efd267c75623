import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { DIRECT, proxyUri, routeLabel, type Route } from '../../common/proxy.js';
import { socks4Connector } from './socks4.js';
import { createKeptAliveAgent, KEEP_ALIVE } from './transport.js';
import type { TrustOptions } from './trust.js';

/** A proxy's user name and password (the password from the vault): sent to the proxy only, as Basic. */
export interface ProxyAuth {
  username: string;
  password: string;
}

/**
 * Where the API's requests go: the routes to try for its URL, in order, and what the client
 * reports back. The app's comes from the OS's proxy settings (main/api/proxy-routes.ts); the CLI's
 * from the environment and `--proxy`; without one, straight.
 */
export interface Network {
  routes(): Promise<readonly Route[]>;
  /** A route failed before anything was sent: try it last for a while. */
  failed(route: Route): void;
  proxyAuth(): Promise<ProxyAuth | undefined>;
}

export const directNetwork: Network = {
  routes: async () => [DIRECT],
  failed: () => undefined,
  proxyAuth: async () => undefined,
};

/**
 * One client's connections, one dispatcher per route: straight, a kept-alive Agent; through a
 * proxy, a ProxyAgent holding one tunnel per origin (a CONNECT, then TLS to the service inside it),
 * kept alive like a direct connection so a warm click opens no new tunnel.
 */
export function createDispatchers(options: { timeoutMs: number; trust: TrustOptions }) {
  const dispatchers = new Map<string, Dispatcher>();

  function make(route: Route, auth: ProxyAuth | undefined): Dispatcher {
    if (route.kind === 'direct') return createKeptAliveAgent(options);
    // SOCKS4 (Windows' `socks=`, a PAC's `SOCKS`): the same kept-alive Agent, its connections made through the
    // proxy (core/api/socks4.ts). SOCKS4 has no password; a proxy password set for the others is not sent.
    if (route.kind === 'socks4')
      return new Agent({
        ...KEEP_ALIVE,
        connections: 1,
        connect: socks4Connector(route, options),
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
    return new ProxyAgent({
      uri: proxyUri(route),
      // An HTTP(S) proxy takes the sign-in as a Basic header; a SOCKS5 proxy in its own handshake (RFC 1929).
      ...(auth && route.kind === 'socks5' ? { username: auth.username, password: auth.password } : {}),
      ...(auth && route.kind !== 'socks5' ? { token: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` } : {}),
      // TLS to the service inside the tunnel: the same trust as straight.
      requestTls: { timeout: options.timeoutMs, ...options.trust },
      // TLS to an HTTPS proxy: it presents its own certificate, which the OS store may hold too. Only
      // there: undici's SOCKS5 client speaks TLS to the proxy whenever it is given proxyTls.
      ...(route.kind === 'https' ? { proxyTls: { timeout: options.timeoutMs, ...options.trust } } : {}),
      ...KEEP_ALIVE,
      connections: 1,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  return {
    /** The dispatcher for a route and the proxy password of the moment (a new password is a new tunnel). */
    get(route: Route, auth: ProxyAuth | undefined): Dispatcher {
      const key = `${route.kind} ${routeLabel(route)} ${route.kind === 'direct' || !auth ? '' : `${auth.username}\n${auth.password}`}`;
      let dispatcher = dispatchers.get(key);
      if (!dispatcher) {
        // A route's dispatcher for an old password is let go.
        for (const [known, old] of dispatchers)
          if (known.startsWith(`${route.kind} ${routeLabel(route)} `)) {
            void old.close().catch(() => undefined);
            dispatchers.delete(known);
          }
        dispatcher = make(route, auth);
        dispatchers.set(key, dispatcher);
      }
      return dispatcher;
    },
    async close(): Promise<void> {
      const all = [...dispatchers.values()];
      dispatchers.clear();
      await Promise.all(all.map((dispatcher) => dispatcher.close().catch(() => undefined)));
    },
  };
}
