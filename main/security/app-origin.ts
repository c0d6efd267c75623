/**
 * Where the window's content comes from: a privileged custom scheme served by main from the
 * built renderer, never `file://` (which grants extra privileges) and never a remote URL.
 */
export const appScheme = 'app';
export const appHost = 'umeet';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** True when a URL is our own content (same scheme and host), whatever the path. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}
