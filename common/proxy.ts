import { z } from 'zod';

/**
 * How the app reaches the API: through the proxy the OS would use for it (system settings, PAC,
 * WPAD: asked of Electron), straight, or through one proxy the user names. The user name is kept
 * here; the password, a secret, lives in the vault like the API secret.
 */
const PROXY_HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)$/i;

/** The host as written in a URL: `[::1]` for IPv6, else up to the port or path. */
function writtenHost(value: string): string {
  const rest = value.trim().replace(/^[a-z0-9]+:\/\//i, '');
  return rest.startsWith('[') ? rest.slice(0, rest.indexOf(']') + 1) : (rest.split(/[:/]/, 1)[0] ?? '');
}

export const ProxyUrl = z
  .string()
  .trim()
  .max(2048, 'at most 2048 characters')
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (
          ['http:', 'https:', 'socks5:'].includes(url.protocol) &&
          // A host name, IPv4 or [IPv6] as it is written, checked here rather than left to the URL parser:
          // Chromium's (the window) and Node's (main) do not agree on what else a host may hold.
          PROXY_HOST.test(writtenHost(value)) &&
          Boolean(url.hostname) &&
          !url.username &&
          !url.password &&
          (url.pathname === '/' || url.pathname === '') &&
          !url.search &&
          !url.hash
        );
      } catch {
        return false;
      }
    },
    { message: 'must be a proxy address such as http://proxy.example.com:8080, without a user name or path' },
  );

export const ProxySetting = z
  .object({
    mode: z.enum(['system', 'none', 'manual']),
    /** Manual only: the proxy's address. */
    url: ProxyUrl.optional(),
    /** The user name the proxy asks for, if it asks (407); with the proxy password from the vault. */
    username: z.string().trim().max(256, 'at most 256 characters').optional(),
  })
  .refine((proxy) => proxy.mode !== 'manual' || Boolean(proxy.url), { message: 'a manual proxy needs its address', path: ['url'] });
export type ProxySetting = z.infer<typeof ProxySetting>;

/**
 * One way to reach a URL, as a PAC answer lists them: straight, or through an HTTP, HTTPS, SOCKS5 or SOCKS4 proxy.
 * SOCKS4 comes only from the OS (Windows' `socks=` setting, a PAC's `SOCKS`), never from a proxy URL the user types.
 */
export type Route = { kind: 'direct' } | { kind: 'http' | 'https' | 'socks5' | 'socks4'; host: string; port: number };

export const DIRECT: Route = { kind: 'direct' };

/** `host:port`, as PAC answers and messages name a proxy; "DIRECT" for the direct route. */
export function routeLabel(route: Route): string {
  return route.kind === 'direct' ? 'DIRECT' : `${route.host.includes(':') ? `[${route.host}]` : route.host}:${route.port}`;
}

/** A proxy route as a URL undici's ProxyAgent takes. */
export function proxyUri(route: Exclude<Route, { kind: 'direct' | 'socks4' }>): string {
  const scheme = route.kind === 'https' ? 'https' : route.kind === 'socks5' ? 'socks5' : 'http';
  return `${scheme}://${routeLabel(route)}`;
}

const defaultPorts: Record<string, number> = { http: 80, https: 443, socks5: 1080, socks4: 1080 };

function hostPort(text: string, kind: 'http' | 'https' | 'socks5' | 'socks4'): Route | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:\s/]+)(?::(\d{1,5}))?$/i.exec(text.trim());
  if (!match) return undefined;
  const port = match[2] ? Number(match[2]) : defaultPorts[kind]!;
  if (port < 1 || port > 65535) return undefined;
  return { kind, host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

/**
 * The routes of a PAC answer, in order: `DIRECT`, `PROXY host:port`, `HTTPS host:port`, `SOCKS5 host:port`, and
 * `SOCKS host:port` or `SOCKS4 host:port`, which Chromium means as SOCKS4 (net/base/proxy_string_util.cc; Windows'
 * `socks=` setting arrives so: net/proxy_resolution/proxy_config.cc). Chromium's `session.resolveProxy` answers in
 * this form, separated by `;`. What cannot be used here (QUIC, a malformed entry) is left out; an answer with
 * nothing usable, or empty, means direct, as browsers treat it.
 */
export function parsePacAnswer(answer: string): Route[] {
  const routes: Route[] = [];
  for (const entry of answer.split(';')) {
    const [word, rest = ''] = entry.trim().split(/\s+/, 2);
    const keyword = word?.toUpperCase();
    let route: Route | undefined;
    if (keyword === 'DIRECT') route = DIRECT;
    else if (keyword === 'PROXY') route = hostPort(rest, 'http');
    else if (keyword === 'HTTPS') route = hostPort(rest, 'https');
    else if (keyword === 'SOCKS5') route = hostPort(rest, 'socks5');
    else if (keyword === 'SOCKS' || keyword === 'SOCKS4') route = hostPort(rest, 'socks4');
    if (route && !routes.some((known) => routeLabel(known) === routeLabel(route) && known.kind === route.kind)) routes.push(route);
  }
  return routes.length ? routes : [DIRECT];
}

/** A proxy URL (`http://host:port`, `https://…`, `socks5://…`) as a route. */
export function routeOfUrl(url: string): Route | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const kind =
    parsed.protocol === 'https:' ? 'https' : parsed.protocol === 'http:' ? 'http' : parsed.protocol === 'socks5:' ? 'socks5' : undefined;
  if (!kind || !parsed.hostname) return undefined;
  return { kind, host: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port ? Number(parsed.port) : defaultPorts[kind]! };
}
