import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type ConsoleMessage, type Page } from '@playwright/test';
import { channels, events } from '../../common/ipc-channels.js';
import type { IpcSenderEvent, Listeners } from '../../main/ipc/handle.js';
import { appOrigin } from '../../main/security/app-origin.js';
import { createAppRequestHandler } from '../../main/security/app-protocol.js';
import { buildApi } from '../../preload/build-api.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.js';
import { appUnderTest, type AppOptions, type AppUnderTest } from '../unit/support/app-under-test.js';

/**
 * Stands in for Electron's window, IPC transport and native dialogs, and nothing else:
 * - the built renderer (out/renderer) is served by main's own `app://` handler, from a loopback
 *   HTTP server, with the same headers (CSP included);
 * - `window.umeet` is built in the page by the real preload function (`buildApi`), and each call
 *   crosses a Playwright binding into the real wrapped handlers (`createListeners`), with the
 *   calling frame's real URL and parenthood mapped onto the `app://` origin for the sender check;
 * - behind the handlers, the app as main/app.ts builds it (test/unit/support/app-under-test.ts): a real store
 *   file in a temp dir, the vault behind a real test cipher, the API client against the sandbox
 *   on 127.0.0.1. Links, clipboard and notifications, which would leave the app, are recorded.
 */
const root = join(import.meta.dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
export const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

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

export interface OpenOptions extends Omit<AppOptions, 'sandbox'> {
  /**
   * Main and a sandbox of the test's own on a clock that starts at this moment (epoch ms) and runs on from
   * there, instead of the worker's sandbox on the real clock: for a test of fixed dates, which are then to
   * come whatever day it runs.
   */
  clockStart?: number;
  /** With `clockStart`: the own sandbox's licence and its way of numbering days (as the service may). */
  sandboxOptions?: Pick<SandboxOptions, 'licence' | 'firstWeekday'>;
  /** Section in the URL hash, as main opens it. */
  section?: 'presets' | 'upcoming' | 'recent' | 'usage' | 'settings';
  /**
   * Test-only: changes main's answer on its way to the page, as a broken transport would. Main
   * checks everything it sends, so this is the only way to hand the window what it cannot draw.
   */
  alterAnswer?: (channel: string, answer: unknown) => unknown;
}

export interface AppWindow extends AppUnderTest {
  page: Page;
  sandbox: Sandbox;
  /** Every answer main gave the page, for assertions on what crossed the bridge. */
  responses: unknown[];
  /** Every request the page sent. */
  requests: { channel: string; payload: unknown }[];
}

/** Rooms of 10 enough for every instant meeting the suite starts (they wait, holding a room, until released 30 min on). */
const LICENCE = { 10: 40, 25: 10, 50: 2, 100: 0 };

export const test = base.extend<{ openWindow: (options?: OpenOptions) => Promise<AppWindow> }, { appServer: string; sandbox: Sandbox }>({
  appServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { server, origin } = await startServer();
      await use(origin);
      await new Promise((resolve) => server.close(resolve));
    },
    { scope: 'worker' },
  ],
  sandbox: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const sandbox = await startSandbox({ licence: LICENCE });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  openWindow: async ({ page, appServer, sandbox }, use) => {
    const cleanups: (() => Promise<unknown> | void)[] = [];
    await use(async (options = {}) => {
      const own =
        options.clockStart === undefined
          ? undefined
          : await startSandbox({ licence: LICENCE, ...options.sandboxOptions, clockStart: options.clockStart });
      const target = own ?? sandbox;
      const main = await appUnderTest({
        ...options,
        sandbox: target,
        ports: own ? { now: () => new Date(own.clock.now()), ...options.ports } : options.ports,
      });
      cleanups.push(() => main.close());
      if (own) cleanups.push(() => own.close());
      const { listeners } = main;
      const responses: unknown[] = [];
      const requests: AppWindow['requests'] = [];
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
        requests.push({ channel, payload });
        const answer = await listener(event, payload);
        responses.push(answer);
        return options.alterAnswer ? options.alterAnswer(channel, answer) : answer;
      });
      await page.addInitScript({
        content: `(() => {
          const listeners = {};
          window.__umeetEmit = (event, payload) => (listeners[event] || []).slice().forEach((listener) => listener(payload));
          const subscribe = (event, listener) => {
            (listeners[event] = listeners[event] || []).push(listener);
            return () => { listeners[event] = listeners[event].filter((l) => l !== listener); };
          };
          Object.defineProperty(window, 'umeet', { value: (${buildApi.toString()})(${JSON.stringify(channels)}, ${JSON.stringify(events)},
            (channel, payload) => window.__umeetTransport(channel, payload), subscribe) });
        })();`,
      });
      // Main tells the window when its state changed, as the app does over IPC.
      const emit = () =>
        void page
          .evaluate(() => (window as unknown as { __umeetEmit(e: string): void }).__umeetEmit('stateChanged'))
          .catch(() => undefined);
      cleanups.push(main.onChange(emit));
      await page.goto(`${appServer}/index.html#${options.section ?? 'presets'}`);
      return { ...main, page, responses, requests, sandbox: target };
    });
    for (const cleanup of cleanups) await cleanup();
    // The worker's tests share one sandbox, whose rooms fill up as they would for a company: each test
    // gives back the rooms its meetings hold (every meeting now holds one for its slot), so the next starts
    // with every room free, whichever tests ran before it.
    for (const id of [...sandbox.state.meetings.keys()]) sandbox.state.remove(id);
  },
});

export { expect } from '@playwright/test';
