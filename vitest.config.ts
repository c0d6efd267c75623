import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // The suites start loopback servers and read built files; keep them in separate workers.
    pool: 'forks',
    // Three at once on two cores: most tests wait on a child process (the CLI, the sandbox) or a socket, and
    // Vitest's default (cores − 1: one worker here) left the second core idle. 167 s → 63 s for the suite.
    maxWorkers: 3,
    // Many tests run the built CLI or the sandbox as Node processes, several per test: on a busy 2-core
    // machine one start takes a second, so vitest's 5 s default fails tests that are only slow. No test
    // asserts a duration by this timeout (timings live in \`npm run bench\`).
    testTimeout: 20_000,
    // The Electron stand-in collects garbage before a notification is clicked, as Electron may (electron#12690).
    execArgv: ['--expose-gc'],
    globalSetup: ['test/unit/support/build-tools.ts'],
  },
});
