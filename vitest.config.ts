import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // The suites start loopback servers and read built files; keep them in separate workers.
    pool: 'forks',
    // The Electron stand-in collects garbage before a notification is clicked, as Electron may (electron#12690).
    execArgv: ['--expose-gc'],
    globalSetup: ['test/unit/support/build-tools.ts'],
  },
});
