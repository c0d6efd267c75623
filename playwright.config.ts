import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './test/renderer/chromium-args.js';

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
        // The window's own size (main/electron/main-window.ts). Playwright's default, 1280×720, left room for the
        // whole preset editor, and hid that a company preset's scrolled editor could not be reached by keyboard.
        viewport: { width: 860, height: 640 },
        launchOptions: {
          ...(chromium ? { executablePath: chromium } : {}),
          args: CHROMIUM_ARGS,
        },
      },
    },
    { name: 'electron', testDir: 'test/electron', timeout: 60_000 },
  ],
});
