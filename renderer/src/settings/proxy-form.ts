import { ProxySetting, ProxyUrl } from '../../../common/proxy.js';

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

const valid = (schema: { safeParse(value: unknown): { success: boolean } }, value: string) => schema.safeParse(value).success;

/**
 * Whether main will take this address too. Chromium's URL parser lets through hosts Node's refuses
 * (`http://not a proxy` becomes `not%20a%20proxy`), so the schema alone cannot promise it here: an
 * address kept out of sight must also have a plain host name or IP address.
 */
const keepable = (url: string) => {
  if (!valid(ProxyUrl, url)) return false;
  try {
    return /^([a-z0-9-]+\.)*[a-z0-9-]+\.?$|^\[[0-9a-f:.]+\]$/i.test(new URL(url.trim()).hostname);
  } catch {
    return false;
  }
};

/**
 * The form's proxy as the setting main checks. What the mode hides is kept when it is valid (the
 * address of Manual, the user name), so switching to System and back brings it back, and dropped
 * when it is not: Save is never refused for a field the user cannot see.
 */
export function toProxySetting(values: ProxyValues): ProxySetting {
  const mode = values.proxyMode;
  const url = proxyAddress(values.proxyUrl);
  const username = values.proxyUsername.trim() || undefined;
  return {
    mode,
    ...(url !== undefined && (mode === 'manual' || keepable(url)) ? { url } : {}),
    ...(username !== undefined && (mode !== 'none' || valid(ProxySetting.shape.username, username)) ? { username } : {}),
  };
}
