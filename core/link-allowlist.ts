import { getDomain } from 'tldts';

/**
 * Which links the app (and the CLI) may hand to the OS to open. A link comes from the service's
 * answer, so a compromised or buggy answer must not be able to open an arbitrary page or
 * program: https only, no user-info, and a host under a trusted domain.
 */

/** Umeet's own domains and the live-stream pages (docs/umeet-api.md: `watch_url`). */
export const builtInTrustedDomains = ['systeccloud.com', 'umeet.com.cn', 'vzan.com'] as const;

export interface LinkPolicy {
  /** The API base URL in use; its registrable domain is trusted (private deployments). */
  apiBaseUrl: string;
  /** Hosts the user added; each also trusts its subdomains. */
  extraHosts?: readonly string[];
}

export type LinkVerdict = { ok: true; url: string } | { ok: false; reason: 'not-a-url' | 'scheme' | 'userinfo' | 'host'; host: string };

const isLoopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/** The domain a host's trust is decided on: its registrable domain, or the host itself (IPs, localhost). */
export function trustDomainOf(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

function underDomain(host: string, domain: string): boolean {
  const d = domain.toLowerCase().replace(/^\.+|\.+$/g, '');
  return d !== '' && (host === d || host.endsWith(`.${d}`));
}

export function checkLink(link: string, policy: LinkPolicy): LinkVerdict {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { ok: false, reason: 'not-a-url', host: '' };
  }
  const host = url.hostname.toLowerCase();
  let base: URL | undefined;
  try {
    base = new URL(policy.apiBaseUrl);
  } catch {
    base = undefined;
  }
  // http only for the local sandbox: a loopback link while the API itself is on loopback http.
  const sandbox = base?.protocol === 'http:' && isLoopback(base.hostname) && isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && sandbox)) return { ok: false, reason: 'scheme', host };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'userinfo', host };

  const trusted = [...builtInTrustedDomains, ...(policy.extraHosts ?? [])];
  if (base) trusted.push(trustDomainOf(base.hostname));
  if (!trusted.some((domain) => underDomain(host, domain) || (isLoopback(host) && host === domain))) {
    return { ok: false, reason: 'host', host };
  }
  return { ok: true, url: url.href };
}
