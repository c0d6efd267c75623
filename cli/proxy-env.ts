import { BlockList, isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { DIRECT, routeOfUrl, type Route } from '../common/proxy.js';
import type { Network, ProxyAuth } from '../core/api/routes.js';

/**
 * How `umeet` reaches the API: `--proxy`, else the proxy variables as curl reads them. Pure: the
 * environment and the API's URL come in, a route (and the proxy's user name and password) go out.
 * Which variable or option named the proxy is kept so a failure can say where to fix it; the user
 * name and password never leave this module but in `ProxyAuth`, which goes to the proxy only.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * `source` is where the proxy came from, `--proxy` or the variable read, spelled as it was set (none
 * when straight), for messages to say where to fix it. `problem` reads after the source: "must be …";
 * it never quotes a user name or password.
 */
export type ProxyChoice = { ok: true; route: Route; auth?: ProxyAuth; source?: string } | { ok: false; source: string; problem: string };

const SCHEMES = ['http:', 'https:', 'socks5:', 'socks5h:'];
const SUCH_AS = 'must be a proxy URL such as http://proxy.example.com:8080';

/**
 * A proxy URL as curl takes one: `http://`, `https://` or `socks5://`; without a scheme, `http://`
 * (`proxy.corp:3128`, as people often set the variables). A path is ignored, as curl ignores it.
 * The user name and password, percent-decoded, are for the proxy's sign-in (Basic; SOCKS5's own).
 * `socks5h://` is taken as `socks5://`: undici's SOCKS5 client always lets the proxy resolve the
 * server's name, which is what the `h` asks of curl.
 */
export function parseProxyUrl(text: string): { ok: true; route: Route; auth?: ProxyAuth } | { ok: false; problem: string } {
  const trimmed = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1];
  let url: URL;
  try {
    url = new URL(scheme ? trimmed : `http://${trimmed}`);
  } catch {
    return { ok: false, problem: SUCH_AS };
  }
  // Only the scheme is quoted back: the rest may hold a password.
  if (!SCHEMES.includes(url.protocol))
    return { ok: false, problem: `must be an http://, https:// or socks5:// URL, not ${url.protocol}//` };
  if (!url.hostname) return { ok: false, problem: SUCH_AS };
  if (url.port === '0') return { ok: false, problem: 'must have a port from 1 to 65535' };
  const socks = url.protocol.startsWith('socks5');
  let auth: ProxyAuth | undefined;
  if (url.username || url.password) {
    // An HTTP(S) proxy gets them as a Basic header, a SOCKS5 one in its own sign-in (core/api/routes.ts).
    try {
      auth = { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
    } catch {
      return { ok: false, problem: 'must percent-encode its user name and password (a % is followed by two hex digits)' };
    }
  }
  const route = routeOfUrl(`${socks ? 'socks5:' : url.protocol}//${url.host}`);
  if (!route) return { ok: false, problem: SUCH_AS };
  return auth ? { ok: true, route, auth } : { ok: true, route };
}

/** The first of these variables that is set and not empty (curl treats an empty one as unset). */
function firstSet(env: Environment, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return { name, value };
  }
  return undefined;
}

/**
 * The proxy variable curl would read for this URL: `https_proxy`, then `HTTPS_PROXY`, for an https
 * server; `http_proxy` for an http one; then `all_proxy`, `ALL_PROXY`. The lower-case form wins.
 *
 * Upper-case `HTTP_PROXY` is not read, as curl does not read it (httpoxy, CVE-2016-5385): a CGI
 * server puts a request's `Proxy:` header into the environment as HTTP_PROXY, so a script run from
 * one would send the API secret, which travels in the request body, through a stranger's proxy. It
 * matters only for an http:// API server (the sandbox); the service itself is https, where
 * HTTPS_PROXY applies, which no request header can set. (On Windows the environment ignores case,
 * so there HTTP_PROXY is read as http_proxy, as with curl.)
 */
export function proxyVariable(apiUrl: URL, env: Environment): { name: string; value: string } | undefined {
  const own = apiUrl.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy'];
  return firstSet(env, [...own, 'all_proxy', 'ALL_PROXY']);
}

/** A host as compared: lower case, without brackets (IPv6) or a trailing dot. */
const bare = (host: string) =>
  host
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();

/** A name as URLs spell it (an IDN in its ASCII form), so `bücher.example` matches the API's `xn--bcher-kva.example`. */
const asciiName = (name: string) => domainToASCII(name) || name;

/** An entry split into host and port: `name`, `name:port`, `1.2.3.4/8`, `::1`, `[::1]:8080`. */
function splitEntry(entry: string): { host: string; port?: number } {
  const bracketed = /^(\[[^\]]*\])(?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1]!, ...(bracketed[2] ? { port: Number(bracketed[2]) } : {}) };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) return { host: withPort[1]!, port: Number(withPort[2]) };
  return { host: entry };
}

/** Whether an address is in an entry that is an address or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
function inRange(address: string, entry: string): boolean {
  const [network = '', bits] = entry.split('/', 2);
  const family = isIP(network);
  if (!family || family !== isIP(address)) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  try {
    if (bits === undefined) list.addAddress(network, type);
    else if (/^\d{1,3}$/.test(bits)) list.addSubnet(network, Number(bits), type);
    else return false;
  } catch {
    return false; // a prefix past 32 (or 128): curl matches nothing
  }
  return list.check(address, type);
}

/**
 * Whether NO_PROXY sends this host straight, read as curl reads it: a comma-separated list; `*`
 * alone matches every host; a name matches itself and its subdomains, with or without a leading
 * dot (`.corp.example` and `corp.example` alike); an IP address matches itself, and a CIDR range
 * its addresses; names are compared as names and addresses as addresses (nothing is resolved).
 * Two additions, which curl ignores but Go, wget and Node read, and which no list written for curl
 * relies on: `:port` limits an entry to that port, and `*.corp.example` reads as `.corp.example`.
 * Loopback is not exempt by itself: a proxy set for everything is used for 127.0.0.1 too unless
 * NO_PROXY lists it, as with curl (so a local sandbox can be reached through a test proxy).
 */
export function bypassesProxy(noProxy: string, host: string, port: number): boolean {
  if (noProxy.trim() === '*') return true;
  const target = bare(host);
  const targetIsIp = isIP(target) !== 0;
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const split = splitEntry(entry);
    if (split.port !== undefined && split.port !== port) continue;
    if (targetIsIp) {
      if (inRange(target, bare(split.host))) return true;
      continue;
    }
    const name = asciiName(bare(split.host.replace(/^\*?\./, '')));
    if (!name || isIP(name)) continue;
    if (target === name || target.endsWith(`.${name}`)) return true;
  }
  return false;
}

/**
 * The route to the API: `--proxy` when given (`''` is straight), whatever the environment says,
 * NO_PROXY included (unlike curl, whose NO_PROXY also applies to -x: umeet talks to one server, so
 * a proxy named on the command line is meant for it). Else the proxy variable for the API's URL,
 * unless no_proxy/NO_PROXY (the lower-case one wins) lists the API's host. Else straight.
 */
export function chooseProxy(options: { option: string | undefined; env: Environment; apiUrl: URL }): ProxyChoice {
  const { option, env, apiUrl } = options;
  const given = option !== undefined ? { name: '--proxy', value: option } : proxyVariable(apiUrl, env);
  if (!given || given.value.trim() === '') return { ok: true, route: DIRECT };
  if (given.name !== '--proxy') {
    const noProxy = firstSet(env, ['no_proxy', 'NO_PROXY']);
    const port = Number(apiUrl.port) || (apiUrl.protocol === 'https:' ? 443 : 80);
    if (noProxy && bypassesProxy(noProxy.value, apiUrl.hostname, port)) return { ok: true, route: DIRECT };
  }
  const parsed = parseProxyUrl(given.value);
  if (!parsed.ok) return { ok: false, source: given.name, problem: parsed.problem };
  return { ...parsed, source: given.name };
}

/** The client's network for one run of umeet: the one route chosen, nothing to fall back to (curl falls back to nothing either). */
export function fixedNetwork(route: Route, auth?: ProxyAuth): Network {
  return {
    routes: async () => [route],
    failed: () => undefined,
    proxyAuth: async () => auth,
  };
}
