import { networkInterfaces } from 'node:os';
import { DIRECT, parsePacAnswer, routeLabel, routeOfUrl, type ProxySetting, type Route } from '../../common/proxy.js';
import type { Logger } from '../../core/log.js';

/** How long a route that failed is tried last (Chromium marks a bad proxy for five minutes too). */
export const BAD_ROUTE_MS = 5 * 60_000;

/**
 * How long a look at the network's interfaces stands. Looking costs a system call (getifaddrs: 0.1 to 0.4 ms, a
 * third of a click's own work at a 0 ms server, docs/performance.md); the menu's opening looks (its warm-up asks
 * for the routes) and the click a moment later uses that look. A network that changed is seen within this time.
 */
export const FINGERPRINT_FRESH_MS = 3_000;

/** The network's shape right now: its interfaces and their addresses. A new Wi-Fi, a VPN or a cable changes it. */
export function networkFingerprint(): string {
  const interfaces = networkInterfaces();
  return Object.keys(interfaces)
    .sort()
    .map((name) => `${name}=${(interfaces[name] ?? []).map((address) => address.address).join(',')}`)
    .join(';');
}

/**
 * The routes the app's API calls take, as the OS would route the API's URL: asked of Electron
 * (`session.resolveProxy`: system settings, PAC, WPAD) when the setting says "system", none or the
 * one proxy the user named otherwise. Asked again when the API server or the proxy setting changes,
 * when the network changes (a look at the interfaces, not a PAC run, at most every FINGERPRINT_FRESH_MS), and after
 * `invalidate()` (the computer woke up); never on every click.
 */
export function createProxyRoutes(options: {
  /** Electron's session.resolveProxy: a PAC-style answer ("PROXY host:port; DIRECT"). */
  resolveProxy: (url: string) => Promise<string>;
  apiUrl: () => string;
  setting: () => ProxySetting;
  fingerprint?: () => string;
  now?: () => number;
  log?: Logger;
}) {
  const now = options.now ?? Date.now;
  const look = options.fingerprint ?? networkFingerprint;
  let seen: { at: number; value: string } | undefined;
  /** The last look at the network, if recent (a clock set back looks again); no timer. */
  const fingerprint = () => {
    const at = now();
    if (!seen || at - seen.at >= FINGERPRINT_FRESH_MS || at < seen.at) seen = { at, value: look() };
    return seen.value;
  };
  let cached: { key: string; routes: Promise<readonly Route[]> } | undefined;
  const bad = new Map<string, number>();
  const label = (route: Route) => `${route.kind} ${routeLabel(route)}`;

  async function resolve(): Promise<readonly Route[]> {
    const setting = options.setting();
    if (setting.mode === 'none') return [DIRECT];
    if (setting.mode === 'manual') {
      const route = setting.url ? routeOfUrl(setting.url) : undefined;
      return route ? [route] : [DIRECT];
    }
    try {
      const answer = await options.resolveProxy(options.apiUrl());
      const routes = parsePacAnswer(answer);
      options.log?.info('proxy: routes for the API', { routes: routes.map(routeLabel) });
      return routes;
    } catch (error) {
      // The OS could not say (no session yet, a broken PAC): straight, as a browser would.
      options.log?.warn('proxy: the OS did not say how to reach the API; going straight', { error: String(error) });
      return [DIRECT];
    }
  }

  return {
    /** The routes in order, those that failed lately last. */
    async routes(): Promise<readonly Route[]> {
      const key = `${options.apiUrl()}\n${JSON.stringify(options.setting())}\n${fingerprint()}`;
      if (cached?.key !== key) {
        cached = { key, routes: resolve() };
        bad.clear();
      }
      const routes = await cached.routes;
      const at = now();
      const failing = (route: Route) => (bad.get(label(route)) ?? -Infinity) > at - BAD_ROUTE_MS;
      return [...routes.filter((route) => !failing(route)), ...routes.filter(failing)];
    },
    failed(route: Route): void {
      bad.set(label(route), now());
    },
    /** Forget what was resolved: the next call asks the OS again (after sleep, the network may be another). */
    invalidate(): void {
      cached = undefined;
      seen = undefined;
      bad.clear();
    },
  };
}
export type ProxyRoutes = ReturnType<typeof createProxyRoutes>;
