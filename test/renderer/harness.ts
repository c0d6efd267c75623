import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type ConsoleMessage, type Page } from '@playwright/test';
import { channels } from '../../common/ipc-channels.js';
import { createListeners, type HandlerDeps, type Listeners } from '../../main/ipc/handlers.js';
import type { IpcSenderEvent } from '../../main/ipc/handle.js';
import { appOrigin } from '../../main/security/app-origin.js';
import { createAppRequestHandler } from '../../main/security/app-protocol.js';
import { describeApp } from '../../main/platform/app-identity.js';
import { buildApi } from '../../preload/build-api.js';
import type { Logger } from '../../main/log.js';

/**
 * Stands in for Electron's window and IPC transport, and nothing else:
 * - the built renderer (out/renderer) is served by main's own `app://` handler, from a loopback
 *   HTTP server, with the same headers (CSP included);
 * - `window.umeet` is built in the page by the real preload function (`buildApi`), and each call
 *   crosses a Playwright binding into the real wrapped handlers (`createListeners`), with the
 *   calling frame's real URL and parenthood mapped onto the `app://` origin for the sender check.
 */
const root = join(import.meta.dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
export const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
  .version;

async function startServer(): Promise<{ server: Server; origin: string }> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first (npm test does).');
  }
  let serve: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
  const server = createServer((req, res) => {
    void serve(new Request(`http://${req.headers.host}${req.url}`, { method: req.method })).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const host = `127.0.0.1:${address.port}`;
  serve = createAppRequestHandler(rendererDir, host);
  return { server, origin: `http://${host}` };
}

/** Everything the page logged as an error, and every uncaught exception. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface OpenOptions {
  /** The OS's preferred languages, as Electron would report them. */
  preferredLanguages?: string[];
  deps?: Partial<HandlerDeps>;
}

export interface AppWindow {
  page: Page;
  listeners: Listeners;
  /** Every answer main gave the page, for assertions on what crossed the bridge. */
  responses: unknown[];
}

export const test = base.extend<{ openWindow: (options?: OpenOptions) => Promise<AppWindow> }, { appServer: string }>({
  appServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { server, origin } = await startServer();
      await use(origin);
      await new Promise((resolve) => server.close(resolve));
    },
    { scope: 'worker' },
  ],
  openWindow: async ({ page, appServer }, use) => {
    await use(async (options = {}) => {
      const deps: HandlerDeps = {
        appInfo: () =>
          describeApp({
            name: 'Umeet Tray',
            version: packageVersion,
            platform: process.platform,
            preferredLanguages: options.preferredLanguages ?? ['en-US'],
          }),
        ...options.deps,
      };
      const listeners = createListeners(deps, silentLogger);
      const responses: unknown[] = [];
      await page.exposeBinding('__umeetTransport', async (source, channel: string, payload: unknown) => {
        const frameUrl = new URL(source.frame.url());
        const event: IpcSenderEvent = {
          senderFrame: {
            url: frameUrl.origin === appServer ? appOrigin + frameUrl.pathname : frameUrl.href,
            parent: source.frame.parentFrame() ? {} : null,
          },
        };
        const listener = (listeners as Record<string, Listeners[keyof Listeners]>)[channel];
        if (!listener) throw new Error(`no IPC channel ${channel}`);
        const answer = await listener(event, payload);
        responses.push(answer);
        return answer;
      });
      await page.addInitScript({
        content: `Object.defineProperty(window, 'umeet', { value: (${buildApi.toString()})(${JSON.stringify(channels)},
          (channel, payload) => window.__umeetTransport(channel, payload)) });`,
      });
      await page.goto(`${appServer}/index.html`);
      return { page, listeners, responses };
    });
  },
});

export { expect } from '@playwright/test';
