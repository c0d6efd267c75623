import { execFile } from 'node:child_process';
import type { Sandbox } from '../../../sandbox/server.js';

/** The built CLI (out/tools/umeet.js, bundled by the global setup from the current sources). */
export const UMEET_CLI = new URL('../../../out/tools/umeet.js', import.meta.url).pathname;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The clock the test runs on, for every process a test starts with an environment of its own: under
 * libfaketime (`npm run test:any-day`) the test's "now" is a year on, and a CLI on the real clock would
 * disagree with it about what is in the past, or find the certificates the test just made not valid yet.
 */
export const clockEnv = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(process.env).filter(([name, value]) => value !== undefined && /^(LD_PRELOAD|FAKETIME|DONT_FAKE_MONOTONIC)/.test(name)),
  ) as Record<string, string>;

/** Runs `umeet` as a script would, against the sandbox (or another server on 127.0.0.1 with its url and credentials), with only PATH, the sandbox's settings and `env` set (and the test's clock). */
export function umeet(sandbox: Pick<Sandbox, 'url' | 'credentials'>, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [UMEET_CLI, ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
          ...clockEnv(),
          UMEET_API_BASE: sandbox.url,
          UMEET_API_KEY: sandbox.credentials.apiKey,
          UMEET_API_SECRET: sandbox.credentials.apiSecret,
          ...env,
        },
        timeout: 20_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}
