import { defineConfig } from '@playwright/test';

/**
 * Two suites:
 * - renderer: the built window in Debian's Chromium, with window.umeet routed to the real
 *   main-process handlers (test/renderer/harness.ts). Runs headless anywhere.
 * - electron: the real app through Playwright's _electron. Needs Electron's binary and a
 *   desktop (or Xvfb); skips, saying why, where either is missing.
 */
// Debian's Chromium by default (CHROMIUM_PATH to name another). Hosted CI runners have none: there
// `npx playwright install chromium` fetches Playwright's own, and UMEET_CHROMIUM=playwright uses it.
const chromium = process.env.UMEET_CHROMIUM === 'playwright' ? undefined : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');

export default defineConfig({
  outputDir: 'test-results/playwright',
  reporter: [['list']],
  // Each test waits more than it computes (a page boots, main answers over the binding, the sandbox over
  // loopback): one worker kept a 2-core machine under half busy (shortcut.spec.ts: 11 s of CPU in 27 s). Three
  // workers, each with its own browser, app server and sandbox (harness.ts), share the tests of every file;
  // each test has its own store and app, and a page
  // as new (harness.ts keeps one per worker, put back between tests). Serial groups (the Electron suite) stay serial.
  fullyParallel: true,
  workers: 3,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  projects: [
    {
      name: 'renderer',
      testDir: 'test/renderer',
      // A bound on a hang, not a speed: under `npm test` this suite shares two cores with the unit suite and the
      // checks (run-p), where a test that takes 5 s alone can take 25.
      timeout: 60_000,
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: {
          ...(chromium ? { executablePath: chromium } : {}),
          // Root in a container needs --no-sandbox; the rest keeps Chromium off the (closed) network.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            // Each tile repainted whole: with partial raster, a repaint of part of a tile (content arriving after
            // the first paint) draws the anti-aliased edge of a rounded card that its rectangle cuts through by
            // another path than a whole tile does, a shade apart, so the screenshots differed by when the page's
            // answers came (settings-*: a 2×30 px strip of the cards' left corners; presets-*: the panes' tops).
            '--disable-partial-raster',
          ],
        },
      },
    },
    { name: 'electron', testDir: 'test/electron', timeout: 60_000 },
  ],
});
