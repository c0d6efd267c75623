// `window` in `npm run bench`: how soon the window is usable, in Debian's Chromium through the renderer suite's
// harness (test/renderer/harness.ts: the built page served by main's own app:// handler with its CSP, window.umeet
// built by the real preload function and answered by main's real handlers, the sandbox behind them), beside a
// minimal React 19 page (bench/minimal-page/) built and served the same way. Times are the page's own clock
// (performance.now(), from navigation start), never the runner's.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import { startSandbox } from '../sandbox/server.js';
import { appUnderTest, type AppUnderTest } from '../test/unit/support/app-under-test.js';
import { CHROMIUM_ARGS } from '../test/renderer/chromium-args.js';
import { bridgeScript, callListener, serveFolder, toWire } from '../test/renderer/window-server.js';
import { median, round } from './stats.js';

/**
 * Runs in every page before its own scripts: notes, on the page's clock, when the list's first row becomes
 * focusable (in the DOM, tabbable, rendered, not inert), which is when a keyboard user can act. A
 * MutationObserver's callback runs right after the DOM change that made it so, before the next paint.
 */
const firstRowProbe = `(() => {
  const bench = (window.__bench = { paints: {}, calls: [] });
  // Each call over the bridge, on the page's clock: the first one marks when the entry's code began to run.
  const transport = window.__umeetTransport;
  if (transport) window.__umeetTransport = (channel, payload) => {
    const call = { channel, start: performance.now() };
    bench.calls.push(call);
    return transport(channel, payload).finally(() => (call.end = performance.now()));
  };
  const focusable = (row) => row.tabIndex >= 0 && !row.closest('[inert],[aria-hidden="true"]') && row.checkVisibility();
  const check = () => {
    const row = document.querySelector('[role="listbox"] [role="option"]');
    if (!row || !focusable(row)) return;
    bench.firstRowAt = performance.now();
    bench.firstRowText = row.textContent;
    // What the page had asked for by then: the first open's share of the renderer.
    bench.fetched = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    bench.resources = performance.getEntriesByType('resource').map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime, end: entry.responseEnd }));
    const nav = performance.getEntriesByType('navigation')[0];
    bench.html = nav ? { end: nav.responseEnd } : undefined;
    observer.disconnect();
    // Told over the console, which the runner hears without evaluating anything in the page (see firstOpen).
    console.debug('umeet-bench:first-row');
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.paints[entry.name] = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
})();`;

/** window.umeet as the renderer suite builds it: the real preload function over a binding into main's listeners. */
async function bridge(context: BrowserContext, origin: string, listeners: AppUnderTest['listeners']): Promise<void> {
  await context.exposeBinding('__umeetTransport', async (source, channel: string, payload: unknown) =>
    toWire(await callListener(listeners, origin, source.frame, channel, payload)),
  );
  await context.addInitScript({ content: bridgeScript() });
}

interface FirstOpen {
  firstRowMs: number;
  firstContentfulPaintMs: number | undefined;
  firstRowText: string;
  /** The renderer's files the page had fetched when its first row became focusable. */
  fetched: string[];
  /** Where the time went, on the page's clock (ms from navigation start): see `phases`. */
  phases: Phases;
  page: Page;
  context: BrowserContext;
}

/**
 * A first open's milestones: the page's HTML received; the last of the files it had fetched by its first row
 * received; the entry's code began to run (its first call over the bridge; none on the minimal page); main's
 * answers to the calls made by then all received; the first row focusable.
 */
interface Phases {
  html: number;
  files: number;
  entry: number | undefined;
  answers: number | undefined;
  row: number;
}

interface ProbeResult {
  firstRowAt: number;
  firstRowText: string;
  fetched: string[];
  paints: Record<string, number>;
  calls: { channel: string; start: number; end?: number }[];
  resources: { path: string; start: number; end: number }[];
  html?: { end: number };
}

function phasesOf(bench: ProbeResult): Phases {
  const calls = bench.calls.filter((call) => call.start <= bench.firstRowAt);
  return {
    html: bench.html?.end ?? 0,
    files: Math.max(0, ...bench.resources.filter((r) => r.path.startsWith('/assets/')).map((r) => r.end)),
    entry: calls.length ? Math.min(...calls.map((c) => c.start)) : undefined,
    answers: calls.length ? Math.max(...calls.map((c) => c.end ?? bench.firstRowAt)) : undefined,
    row: bench.firstRowAt,
  };
}

/** One first open in a fresh context (no cache, as a window created anew): navigation start → first row focusable. */
async function firstOpen(browser: Browser, origin: string, listeners: AppUnderTest['listeners']): Promise<FirstOpen> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 860, height: 640 } });
  // The same bridge in both pages (the minimal one never calls it): only the pages differ.
  await bridge(context, origin, listeners);
  await context.addInitScript({ content: firstRowProbe });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  // Waiting for the probe's console line, not with page.waitForFunction: that compiles Playwright's own script in
  // the page and polls there, on the page's main thread while it starts (a trace showed 8 to 18 ms of it before the
  // first row, more in the page whose start is longer). Nothing is evaluated in the page until its first row.
  const rowSeen = page.waitForEvent('console', { predicate: (message) => message.text() === 'umeet-bench:first-row', timeout: 20_000 });
  await page.goto(`${origin}/index.html#presets`);
  await rowSeen.catch((error: unknown) => {
    throw new Error(`${origin}: the list's first row never became focusable (${errors.join('; ') || String(error)})`);
  });
  // The first paint's entry reaches the probe's observer a frame or so after the paint, which may be after the row:
  // waited for now that the row is measured (a page with nothing drawn would have none: then none is published).
  await page
    .waitForFunction(
      () => (window as unknown as { __bench: ProbeResult }).__bench.paints['first-contentful-paint'] !== undefined,
      undefined,
      {
        timeout: 2_000,
      },
    )
    .catch(() => undefined);
  const bench = await page.evaluate(() => (window as unknown as { __bench: ProbeResult }).__bench);
  return {
    firstRowMs: bench.firstRowAt,
    firstContentfulPaintMs: bench.paints['first-contentful-paint'],
    firstRowText: bench.firstRowText,
    fetched: bench.fetched,
    phases: phasesOf(bench),
    page,
    context,
  };
}

/**
 * A kept window shown again. Main hides the window on close and shows it again on the next open; meanwhile it
 * keeps sending `stateChanged` (main/index.ts), which a hidden window still receives. Headless Chromium cannot
 * hide a page, so the page's visibility is set as the OS would set it (document.visibilityState, `hidden`, and
 * the `visibilitychange` event, which the window's own code listens to: session.tsx, Toast.tsx). While hidden, a
 * preset is added in main, as the tray or `umeet` would; on show, the time until the first animation frame whose
 * list holds the new preset.
 */
const visibilityControl = `(() => {
  let state = 'visible';
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => state === 'hidden' });
  window.__benchSetVisibility = (next) => {
    state = next;
    document.dispatchEvent(new Event('visibilitychange'));
  };
})();`;

async function reopen(page: Page, main: AppUnderTest, emit: () => Promise<void>, name: string): Promise<number> {
  await page.evaluate(() => (window as unknown as { __benchSetVisibility(s: string): void }).__benchSetVisibility('hidden'));
  const saved = await main.ipc.savePreset({ name, topic: name, capacity: 10, duration: 60, afterCreate: { open: 'start', copy: 'none' } });
  if (!saved.ok) throw new Error(`the bench's preset was refused: ${saved.error.message}`);
  await emit();
  return page.evaluate(
    (expected) =>
      new Promise<number>((resolve) => {
        const shown = performance.now();
        (window as unknown as { __benchSetVisibility(s: string): void }).__benchSetVisibility('visible');
        const frame = () =>
          [...document.querySelectorAll('[role="listbox"] [role="option"]')].some((row) => row.textContent?.includes(expected))
            ? resolve(performance.now() - shown)
            : requestAnimationFrame(frame);
        requestAnimationFrame(frame);
      }),
    name,
  );
}

/** Each milestone's median over the runs (ms from navigation start). */
function medianPhases(runs: readonly Phases[]): Record<keyof Phases, number | null> {
  const of = (key: keyof Phases) => {
    const values = runs.map((run) => run[key]).filter((v): v is number => v !== undefined);
    return values.length ? round(median(values), 1) : null;
  };
  return { html: of('html'), files: of('files'), entry: of('entry'), answers: of('answers'), row: of('row') };
}

/** gzip -9 bytes of the built renderer's JS and CSS: all of it, and what the first open fetched. */
function gzipBytes(dir: string, files: readonly string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, 0);
}

export async function measureWindow(root: string, runs: number) {
  const rendererDir = join(root, 'out', 'renderer');
  const assets = readdirSync(join(rendererDir, 'assets')).filter((f) => f.endsWith('.js') || f.endsWith('.css'));

  // The baseline page, built as the renderer is: Vite, the React plugin, a production (minified) build.
  const minimalDir = join(root, 'out', 'bench', 'minimal-page');
  await build({
    configFile: false,
    root: join(root, 'bench', 'minimal-page'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: minimalDir, emptyOutDir: true, minify: true },
  });

  const sandbox = await startSandbox();
  const main = await appUnderTest({ sandbox, preferredLanguages: ['en-US'], credentials: 'verified' });
  const ours = await serveFolder(rendererDir);
  const minimal = await serveFolder(minimalDir);
  const browser = await chromium.launch({
    headless: true,
    executablePath: process.env.UMEET_CHROMIUM === 'playwright' ? undefined : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
    args: CHROMIUM_ARGS,
  });
  try {
    // A warm-up of each, not counted: Chromium's first page in a browser pays for its own start.
    for (const server of [ours, minimal]) await (await firstOpen(browser, server.origin, main.listeners)).context.close();
    const oursMs: number[] = [];
    const minimalMs: number[] = [];
    const fcpMs: number[] = [];
    const phases: Record<'ours' | 'minimal', Phases[]> = { ours: [], minimal: [] };
    let firstOpenFiles: string[] = [];
    let firstRowText = '';
    for (let run = 0; run < runs; run++) {
      // Paired and alternated, each pair in the other order to the last: neither page always goes first.
      const order = run % 2 === 0 ? (['ours', 'minimal'] as const) : (['minimal', 'ours'] as const);
      for (const which of order) {
        const server = which === 'ours' ? ours : minimal;
        const opened = await firstOpen(browser, server.origin, main.listeners);
        phases[which].push(opened.phases);
        if (which === 'ours') {
          oursMs.push(opened.firstRowMs);
          if (opened.firstContentfulPaintMs !== undefined) fcpMs.push(opened.firstContentfulPaintMs);
          firstOpenFiles = opened.fetched.filter((p) => p.startsWith('/assets/')).map((p) => p.slice(1));
          firstRowText = opened.firstRowText;
        } else minimalMs.push(opened.firstRowMs);
        await opened.context.close();
      }
    }

    // Reopen: one window, opened once, then hidden and shown again `runs` times.
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 860, height: 640 } });
    await bridge(context, ours.origin, main.listeners);
    await context.addInitScript({ content: visibilityControl });
    const page = await context.newPage();
    await page.goto(`${ours.origin}/index.html#presets`);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    const emit = () =>
      page.evaluate(() => (window as unknown as { __umeetEmit(e: string): void }).__umeetEmit('stateChanged')).catch(() => undefined);
    const reopenMs: number[] = [];
    for (let run = 0; run < runs; run++) reopenMs.push(await reopen(page, main, emit, `Reopen ${run + 1}`));
    await context.close();

    const oursMedian = median(oursMs);
    const minimalMedian = median(minimalMs);
    const allBytes = gzipBytes(join(rendererDir, 'assets'), assets);
    const firstBytes = gzipBytes(rendererDir, firstOpenFiles);
    return {
      runs,
      first_open_ours_median_ms: round(oursMedian, 1),
      first_open_minimal_median_ms: round(minimalMedian, 1),
      first_open_ratio: round(oursMedian / minimalMedian),
      first_contentful_paint_ours_median_ms: round(median(fcpMs), 1),
      first_open_phases_median_ms: { ours: medianPhases(phases.ours), minimal: medianPhases(phases.minimal) },
      first_row_text: firstRowText,
      reopen_ms: round(median(reopenMs), 1),
      reopen_max_ms: round(Math.max(...reopenMs), 1),
      renderer_gzip_bytes: allBytes,
      renderer_first_open_gzip_bytes: firstBytes,
      renderer_first_open_files: firstOpenFiles.map((file) => ({
        file,
        bytes: statSync(join(rendererDir, file)).size,
        gzip_bytes: gzipBytes(rendererDir, [file]),
      })),
      renderer_later_files: assets
        .filter((file) => !firstOpenFiles.includes(`assets/${file}`))
        .map((file) => ({ file, gzip_bytes: gzipBytes(join(rendererDir, 'assets'), [file]) })),
    };
  } finally {
    await browser.close();
    await new Promise((resolve) => ours.server.close(resolve));
    await new Promise((resolve) => minimal.server.close(resolve));
    await main.close();
    await sandbox.close();
  }
}
