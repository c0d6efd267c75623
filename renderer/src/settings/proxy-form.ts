import type { ProxySetting } from '../../../common/proxy.js';
import { check } from '../form-check.js';

/** The proxy part of the settings form, as its inputs hold it. */
export type ProxyValues = { proxyMode: ProxySetting['mode']; proxyUrl: string; proxyUsername: string };

export const toProxyValues = (proxy: ProxySetting): ProxyValues => ({
  proxyMode: proxy.mode,
  proxyUrl: proxy.url ?? '',
  proxyUsername: proxy.username ?? '',
});

const hasScheme = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);

/** A proxy address as people write it: blank is none, and `proxy:8080` (no scheme) means `http://proxy:8080`. */
export function proxyAddress(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return hasScheme(trimmed) ? trimmed : `http://${trimmed}`;
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * An address with a user name or password in it (`http://user:pass@host:port`, as proxy URLs are
 * often handed round): the address without them, and what it held, decoded (`DOMAIN%5Cuser` is
 * `DOMAIN\user`). Nothing when the address holds neither. The address keeps no secret: a password
 * belongs in the vault, never in the settings.
 */
export function takeCredentials(text: string): { address: string; username?: string; password?: string } | undefined {
  const address = proxyAddress(text);
  if (!address?.includes('@')) return undefined;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (!url.username && !url.password) return undefined;
  const username = decode(url.username);
  const password = decode(url.password);
  url.username = '';
  url.password = '';
  const bare = (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash;
  return {
    address: bare ? `${url.protocol}//${url.host}` : url.href,
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
  };
}

/**
 * What the mode hides that main would not take: asked of main (the `check` channel), whose schema and URL parser
 * (Node's, which refuses hosts Chromium's lets through: `http://not a proxy`) decide what it keeps. All of it when
 * main could not be asked.
 */
async function refusedHidden(hidden: { url?: string; username?: string }): Promise<Set<string>> {
  const parts = Object.keys(hidden);
  if (!parts.length) return new Set();
  const answer = await check('proxy', hidden);
  if (!answer) return new Set(parts);
  if (answer.ok) return new Set();
  return new Set(answer.issues.flatMap((issue) => (issue.path.length ? [String(issue.path[0])] : parts)));
}

/**
 * The form's proxy as the setting main checks. What the mode hides is kept when it is valid (the
 * address of Manual, the user name), so switching to System and back brings it back, and dropped
 * when it is not: Save is never refused for a field the user cannot see.
 */
export async function toProxySetting(values: ProxyValues): Promise<ProxySetting> {
  const mode = values.proxyMode;
  const url = proxyAddress(values.proxyUrl);
  const username = values.proxyUsername.trim() || undefined;
  const refused = await refusedHidden({
    ...(url !== undefined && mode !== 'manual' ? { url } : {}),
    ...(username !== undefined && mode === 'none' ? { username } : {}),
  });
  return {
    mode,
    ...(url !== undefined && !refused.has('url') ? { url } : {}),
    ...(username !== undefined && !refused.has('username') ? { username } : {}),
  };
}
