import type { Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  test as base,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type ConsoleMessage,
  type Frame,
  type Page,
} from '@playwright/test';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.js';
import { appUnderTest, type AppOptions, type AppUnderTest } from '../unit/support/app-under-test.js';
import { BLANK_PATH, bridgeScript, callListener, serveFolder, toWire } from './window-server.js';

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
  return serveFolder(rendererDir);
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

/** What the page's bridge calls: the current test's handler, or none between tests. */
type Transport = (source: { frame: Frame }, channel: string, payload: unknown) => Promise<unknown>;
interface PooledPage {
  context: BrowserContext;
  page: Page;
  /** The context options it was made with (JSON): a test with other options gets a page of its own. */
  key: string;
  route: { transport?: Transport };
  /** The context's own addCookies, for the harness's cookie (the wrapped one marks the page). */
  addCookies: BrowserContext['addCookies'];
  /** Something the test did cannot be undone (a clock, a route, an init script…): the page is not reused. */
  dirty: boolean;
  /** What the test changed that the harness puts back before the page is reused. */
  touched: { viewport: boolean; media: boolean; listeners: [string, (...args: never[]) => unknown][] };
}

/** The cookie that tells the page's init script to build `window.umeet` (tests that use no `openWindow` see none). */
const BRIDGE_COOKIE = 'umeet-harness-bridge';

/**
 * A page made once, with main's bridge in it (a binding that calls the current test's handlers, and the preload's
 * `window.umeet`), and watched so that what a test changes is either put back or makes the page unfit to reuse.
 * Why reuse it: a new browser context and page cost Chromium about 0.45 CPU-s, a navigation in a kept page 0.25
 * (measured: 20 of each), and the suite opens a window in each of its ~180 tests.
 */
async function makePage(browser: Browser, options: BrowserContextOptions, key: string): Promise<PooledPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const pooled: PooledPage = {
    context,
    page,
    key,
    route: {},
    addCookies: context.addCookies.bind(context),
    dirty: false,
    touched: { viewport: false, media: false, listeners: [] },
  };
  await page.exposeBinding('__umeetTransport', async (source, channel: string, payload: unknown) => {
    const transport = pooled.route.transport;
    if (!transport) throw new Error(`IPC ${channel} between tests: no window is open`);
    return toWire(await transport(source, channel, payload));
  });
  await page.addInitScript({ content: bridgeScript(BRIDGE_COOKIE) });
  // What cannot be undone marks the page, on the page or its context (Playwright itself calls page.context()): the
  // next test gets a new one. The harness's own cookie goes through the unwrapped method, kept here.
  const mark = (target: object, methods: readonly string[]) => {
    const own = target as Record<string, unknown>;
    for (const method of methods) {
      const original = (own[method] as (...args: unknown[]) => unknown).bind(target);
      own[method] = (...args: unknown[]) => {
        pooled.dirty = true;
        return original(...args);
      };
    }
  };
  const both = ['route', 'routeFromHAR', 'routeWebSocket', 'exposeBinding', 'exposeFunction', 'addInitScript', 'setExtraHTTPHeaders'];
  mark(page, [...both, 'close', 'pause']);
  mark(context, [...both, 'addCookies', 'grantPermissions', 'setGeolocation', 'setOffline', 'setHTTPCredentials', 'close']);
  for (const owner of [page, context]) {
    const clock = owner.clock;
    Object.defineProperty(owner, 'clock', {
      get: () => {
        pooled.dirty = true;
        return clock;
      },
    });
  }
  // What can be put back is noted, and put back.
  const own = page as unknown as Record<string, unknown>;
  const setViewportSize = page.setViewportSize.bind(page);
  own.setViewportSize = (size: { width: number; height: number }) => ((pooled.touched.viewport = true), setViewportSize(size));
  const emulateMedia = page.emulateMedia.bind(page);
  own.emulateMedia = (media: Parameters<Page['emulateMedia']>[0]) => ((pooled.touched.media = true), emulateMedia(media));
  for (const method of ['on', 'once', 'addListener', 'prependListener'] as const) {
    const original = (page[method] as (...args: unknown[]) => Page).bind(page);
    own[method] = (event: string, listener: (...args: never[]) => unknown) => {
      pooled.touched.listeners.push([event, listener]);
      return original(event, listener);
    };
  }
  return pooled;
}

/** Empty: a new page's about:blank, or the app server's empty page where openWindow leaves a window (window-server.ts). */
const isBlank = (url: string) => url === 'about:blank' || (url.startsWith('http://127.0.0.1:') && new URL(url).pathname === BLANK_PATH);

/** Puts back what the test changed; false when the page cannot be reused as if new. */
async function reset(
  pooled: PooledPage,
  viewport: { width: number; height: number } | null,
  colorScheme: 'light' | 'dark' | 'no-preference' | null,
): Promise<boolean> {
  const { page, touched } = pooled;
  if (pooled.dirty || page.isClosed()) return false;
  for (const [event, listener] of touched.listeners) page.off(event as 'console', listener as () => void);
  touched.listeners = [];
  // A test that ended elsewhere (a page of its own, the no-bridge window) is taken to about:blank as a new page is.
  if (!isBlank(page.url())) await page.goto('about:blank');
  await pooled.context.clearCookies();
  if (touched.viewport && viewport) await page.setViewportSize(viewport);
  if (touched.media) await page.emulateMedia({ media: null, colorScheme: null, reducedMotion: null, forcedColors: null, contrast: null });
  touched.viewport = touched.media = false;
  // Checked, not assumed: the page is as a new one would be, or it is not reused.
  const now = await page.evaluate(() => ({
    url: location.href,
    width: innerWidth,
    height: innerHeight,
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    print: matchMedia('print').matches,
  }));
  const cookies = await pooled.context.cookies();
  return (
    isBlank(now.url) &&
    (!viewport || (now.width === viewport.width && now.height === viewport.height)) &&
    now.dark === (colorScheme === 'dark') &&
    !now.print &&
    cookies.length === 0
  );
}

export const test = base.extend<
  {
    openWindow: (options?: OpenOptions) => Promise<AppWindow>;
    pooledPage: PooledPage;
    /** Playwright's own (see `pooledPage`), declared here only so that its type is known. */
    _combinedContextOptions: BrowserContextOptions;
  },
  { appServer: string; sandbox: Sandbox; pagePool: { idle?: PooledPage } }
>({
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
  // The worker's idle page, if the last test left one fit to reuse.
  pagePool: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const pool: { idle?: PooledPage } = {};
      await use(pool);
      await pool.idle?.context.close();
    },
    { scope: 'worker' },
  ],
  // Playwright's own `page` would be a new context per test. `_combinedContextOptions` is the fixture Playwright's
  // `context` makes its context from (test.use's locale, timezoneId, …), read here so that a test with options of
  // its own still gets exactly those; if a Playwright upgrade renames it, this fails loudly ("unknown fixture").
  pooledPage: async ({ browser, pagePool, _combinedContextOptions, viewport, colorScheme }, use, testInfo) => {
    const options = _combinedContextOptions as BrowserContextOptions;
    const key = JSON.stringify(options);
    let pooled = pagePool.idle;
    pagePool.idle = undefined;
    if (pooled && pooled.key !== key) {
      await pooled.context.close();
      pooled = undefined;
    }
    pooled ??= await makePage(browser, options, key);
    await use(pooled);
    const passed = testInfo.status === testInfo.expectedStatus;
    if (passed && (await reset(pooled, viewport, colorScheme).catch(() => false))) pagePool.idle = pooled;
    else await pooled.context.close();
  },
  page: async ({ pooledPage }, use) => {
    await use(pooledPage.page);
  },
  openWindow: async ({ pooledPage, appServer, sandbox }, use) => {
    const { page } = pooledPage;
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
      pooledPage.route.transport = async (source, channel, payload) => {
        requests.push({ channel, payload });
        const answer = await callListener(listeners, appServer, source.frame, channel, payload);
        responses.push(answer);
        return options.alterAnswer ? options.alterAnswer(channel, answer) : answer;
      };
      cleanups.push(() => (pooledPage.route.transport = undefined));
      await pooledPage.addCookies([{ name: BRIDGE_COOKIE, value: '1', url: appServer }]);
      // Main tells the window when its state changed, as the app does over IPC.
      const emit = () =>
        void page
          .evaluate(() => (window as unknown as { __umeetEmit(e: string): void }).__umeetEmit('stateChanged'))
          .catch(() => undefined);
      cleanups.push(main.onChange(emit));
      await page.goto(`${appServer}/index.html#${options.section ?? 'presets'}`);
      return { ...main, page, responses, requests, sandbox: target };
    });
    if (!page.isClosed()) {
      // The app keeps nothing in the browser (its state is main's); a window that did would leave it to the next test.
      const kept = await page.evaluate(() => localStorage.length + sessionStorage.length).catch(() => 0);
      if (kept > 0) pooledPage.dirty = true;
      // The window goes before main does, as when the app quits with it open.
      await page.goto(`${appServer}${BLANK_PATH}`).catch(() => undefined);
    }
    for (const cleanup of cleanups) await cleanup();
    // The worker's tests share one sandbox, whose rooms fill up as they would for a company: each test
    // gives back the rooms its meetings hold (every meeting now holds one for its slot), so the next starts
    // with every room free, whichever tests ran before it.
    for (const id of [...sandbox.state.meetings.keys()]) sandbox.state.remove(id);
  },
});

export { expect } from '@playwright/test';
