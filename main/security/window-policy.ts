import type { Logger } from '../../core/log.js';
import { isAppUrl } from './app-origin.js';

/**
 * The window's Content-Security-Policy, sent by the `app://` handler with every page.
 * Nothing but our own scripts, styles and images; no network from the renderer at all
 * (`connect-src 'none'`): it reaches main through IPC only.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy as a <meta> tag in the built page (the vite build puts it there), so it holds
 * however the page is loaded and scanners that read the HTML see it. `frame-ancestors` is left
 * out: browsers ignore it in a meta tag, and say so in the console.
 */
export const metaContentSecurityPolicy = contentSecurityPolicy
  .split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/** The structural parts of Electron's WebContents that the policy sets. */
export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Keeps a window on our own content: no navigation anywhere (the renderer is a single page),
 * no new windows, no <webview>. Links the user should open go through main's allowlist instead.
 */
export function hardenWebContents(contents: WebContentsLike, log: Logger): void {
  const refuseNavigation = (event: { preventDefault(): void; url: string }) => {
    event.preventDefault();
    log.warn('window: navigation refused', { toOwnContent: isAppUrl(event.url) });
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => {
    log.warn('window: window.open refused');
    return { action: 'deny' };
  });
}

/** The structural parts of Electron's Session that the policy sets. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** The window needs no permission at all (camera, notifications, clipboard…): deny every request and check. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
