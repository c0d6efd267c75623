import { createServer, type Server } from 'node:http';
import { channels, events } from '../../common/ipc-channels.js';
import type { IpcSenderEvent, Listeners } from '../../main/ipc/handle.js';
import { appOrigin } from '../../main/security/app-origin.js';
import { createAppRequestHandler } from '../../main/security/app-protocol.js';
import { buildApi } from '../../preload/build-api.js';

/**
 * What the renderer suite (harness.ts) and the bench's window section (bench/window.ts) both stand in for: the
 * `app://` file server, and Electron's IPC between the page and main's listeners.
 */

/**
 * An empty page of the window's origin, with the headers main's handler gives the window (its CSP, and COOP
 * same-origin): where the harness leaves a kept page between tests. Leaving for about:blank instead made Chromium
 * swap the browsing context group, so a new renderer process, on each of the two navigations of every test: 62
 * renderer processes for 30 window opens, against 4 this way, and 0.60 CPU-s per open against 0.31 (measured).
 */
export const BLANK_PATH = '/__harness-blank';
const BLANK_PAGE = '<!doctype html><html><head><title></title></head><body></body></html>';

/** A folder served by main's own `app://` handler (its headers, CSP included) from a loopback HTTP server. */
export async function serveFolder(dir: string): Promise<{ server: Server; origin: string }> {
  let serve: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
  const server = createServer((req, res) => {
    const blank = req.url === BLANK_PATH;
    void serve(new Request(`http://${req.headers.host}${blank ? '/index.html' : req.url}`, { method: req.method })).then(
      async (response) => {
        const headers = Object.fromEntries(response.headers);
        // The built chunks' names carry their content's hash: a worker's kept page (harness.ts) reads each once, and
        // Chromium keeps their compiled code, rather than every test's navigation fetching and compiling all of them
        // again. Only the loopback stand-in says so: main's handler is unchanged, and index.html is always asked for.
        if (response.status === 200 && req.url?.startsWith('/assets/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
        res.writeHead(response.status, headers);
        res.end(blank ? BLANK_PAGE : Buffer.from(await response.arrayBuffer()));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const host = `127.0.0.1:${address.port}`;
  serve = createAppRequestHandler(dir, host);
  return { server, origin: `http://${host}` };
}

/** The frame a binding call came from. */
export interface CallingFrame {
  url(): string;
  parentFrame(): unknown;
}

/**
 * One call from the page to main's wrapped listener, as Electron's IPC delivers it: the calling frame's real URL
 * and parenthood, its loopback origin mapped onto `app://` for the sender check.
 */
export function callListener(
  listeners: Listeners,
  origin: string,
  frame: CallingFrame,
  channel: string,
  payload: unknown,
): Promise<unknown> {
  const frameUrl = new URL(frame.url());
  const event: IpcSenderEvent = {
    senderFrame: {
      url: frameUrl.origin === origin ? appOrigin + frameUrl.pathname : frameUrl.href,
      parent: frame.parentFrame() ? {} : null,
    },
  };
  const listener = (listeners as Record<string, Listeners[keyof Listeners]>)[channel];
  if (!listener) throw new Error(`no IPC channel ${channel}`);
  return listener(event, payload);
}

/**
 * An answer as it crosses to the page: JSON text, which the page's bridge parses (bridgeScript). Playwright's own way
 * walks an object into its serialisation format, sends that, and rebuilds it in the page with a script it first has
 * to inject there: for the first open's answer (the window's words, 42 KB) that was most of the wait between the
 * call and the answer, on the page's main thread while it starts (a trace). Electron's IPC carries what the
 * structured clone algorithm can; this carries less and refuses the rest, rather than change a value on the way: a
 * Date, Map, Set, RegExp, typed array, class instance, BigInt, function, symbol, NaN, ±Infinity, or undefined in an
 * array throws here. An object property that is undefined is left out, which reads the same.
 */
export function toWire(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(value, function (this: unknown, key: string, converted: unknown) {
    // `converted` has been through toJSON (a Date is a string by then): the holder's own value says what it was.
    const original = key === '' ? value : (this as Record<string, unknown>)[key];
    const refuse = (what: string) => {
      throw new Error(`the harness's IPC cannot carry ${what} at ${JSON.stringify(key)}: answer plain JSON values`);
    };
    if (original === undefined) return Array.isArray(this) ? refuse('undefined in an array') : undefined;
    if (typeof original === 'number' && !Number.isFinite(original)) refuse(String(original));
    if (typeof original === 'bigint' || typeof original === 'function' || typeof original === 'symbol') refuse(`a ${typeof original}`);
    if (original !== null && typeof original === 'object' && !Array.isArray(original)) {
      const prototype = Object.getPrototypeOf(original) as unknown;
      if (prototype !== Object.prototype && prototype !== null)
        refuse(`an instance of ${(original as object).constructor?.name ?? 'a class'}`);
    }
    return converted;
  });
}

/**
 * The page's init script: `window.umeet` built by the real preload function over the `__umeetTransport` binding,
 * with `__umeetEmit` for main's events. With `onlyWithCookie`, it builds it only in a page that has that cookie.
 */
export function bridgeScript(onlyWithCookie?: string): string {
  return `(() => {
    ${onlyWithCookie ? `if (!document.cookie.split('; ').includes(${JSON.stringify(`${onlyWithCookie}=1`)})) return;` : ''}
    const listeners = {};
    window.__umeetEmit = (event, payload) => (listeners[event] || []).slice().forEach((listener) => listener(payload));
    const subscribe = (event, listener) => {
      (listeners[event] = listeners[event] || []).push(listener);
      return () => { listeners[event] = listeners[event].filter((l) => l !== listener); };
    };
    Object.defineProperty(window, 'umeet', { value: (${buildApi.toString()})(${JSON.stringify(channels)}, ${JSON.stringify(events)},
      (channel, payload) => window.__umeetTransport(channel, payload).then((text) => (text === undefined ? undefined : JSON.parse(text))),
      subscribe) });
  })();`;
}
