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
    globalSetup: ['test/unit/support/build-tools.ts'],
  },
});
