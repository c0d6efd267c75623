import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { appHost, appScheme } from './app-origin.js';
import { contentSecurityPolicy } from './window-policy.js';

/** Privileges for `app://`, registered before the app is ready. `standard` gives it an origin and 'self'. */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false },
} as const;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Maps a request URL to a file under `rootDir`, or null for anything else: another host,
 * a path that escapes the root, or a type we do not serve.
 */
export function resolveAppFile(url: string, rootDir: string, host: string = appHost): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== host) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  // A NUL or a backslash has no place in our asset paths; on Windows a backslash is a separator.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const file = normalize(join(rootDir, pathname));
  const root = normalize(rootDir.endsWith(sep) ? rootDir : rootDir + sep);
  if (!file.startsWith(root)) return null;
  if (!(extname(file) in contentTypes)) return null;
  return file;
}

/**
 * Serves the built renderer: Electron's `protocol.handle('app', …)` calls it in the app (host
 * `umeet`), and the renderer tests call it from a loopback HTTP server (host `127.0.0.1:<port>`),
 * so both get the same files and headers.
 * Only GET is answered; everything else is refused without touching the disk.
 */
export function createAppRequestHandler(rootDir: string, host: string = appHost) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') return new Response(null, { status: 405, headers: securityHeaders });
    const file = resolveAppFile(request.url, rootDir, host);
    if (!file) return new Response(null, { status: 404, headers: securityHeaders });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' },
      });
    } catch {
      return new Response(null, { status: 404, headers: securityHeaders });
    }
  };
}
