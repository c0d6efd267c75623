import { join } from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Test files that change what a module holds for the whole process — Electron's stand-in and the modules that
 * load it, `vi.mock`/`vi.spyOn`/`vi.resetModules`, fake timers, `process.env`/`argv` — each get a module graph of
 * their own (Vitest's default isolation). Every other file shares its worker's graph with the files before it,
 * which saves importing and transforming the same modules again: the suite took 116 CPU-s isolated and 62 with
 * the rest shared, on this 2-core machine. A file that starts to do one of those things belongs in the list below
 * (test/unit/vitest-projects.test.ts finds them by the same words and fails until it is).
 */
export const ISOLATED = [
  'cli-rooms',
  'dates-support',
  'electron-runtime',
  'electron-wiring',
  'ensure-package',
  'import-boundaries',
  'main-process',
  'main-startup-failure',
  'release-feed',
  'reminders',
  'schedule-calendar',
  'schedule-plan',
  'schedule-zones',
  'schedule',
  'stand-in',
  'store-write-after-click',
  'window-state',
  'workflows',
].map((name) => `test/unit/${name}.test.ts`);

const shared: TestProjectInlineConfiguration['test'] = {
  environment: 'node',
  // The suites start loopback servers and read built files; keep them in separate workers.
  pool: 'forks',
  // Many tests run the built CLI or the sandbox as Node processes, several per test: on a busy 2-core
  // machine one start takes a second, so vitest's 5 s default fails tests that are only slow. Under `npm test`
  // this suite shares the two cores with the renderer suite and the checks (run-p), and a test that takes 4 s
  // alone took over 20 there on a loaded machine. No test asserts a duration by this timeout, which only turns
  // a hang into a failure (timings live in \`npm run bench\`).
  testTimeout: 60_000,
  // The same for expect.poll, whose default second was too short there: the polls wait for something that
  // happens (a reader's answer, a request), and only a hang reaches the bound.
  expect: { poll: { timeout: 10_000 } },
  // The Electron stand-in collects garbage before a notification is clicked, as Electron may (electron#12690).
  execArgv: ['--expose-gc'],
};

export default defineConfig({
  test: {
    // Three at once on two cores: most tests wait on a child process (the CLI, the sandbox) or a socket, and
    // Vitest's default (cores − 1: one worker here) left the second core idle. 167 s → 63 s for the suite.
    maxWorkers: 3,
    // The default reporter, then each failure named again on stdout after the summary (failures-last.ts says why).
    reporters: ['default', join(import.meta.dirname, 'test/unit/support/failures-last.ts')],
    globalSetup: ['test/unit/support/build-tools.ts'],
    projects: [
      { test: { ...shared, name: 'isolated', include: ISOLATED, isolate: true } },
      { test: { ...shared, name: 'shared', include: ['test/unit/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
  },
});
