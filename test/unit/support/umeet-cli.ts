import { execFile } from 'node:child_process';
import type { Sandbox } from '../../../sandbox/server.js';

/** The built CLI (out/tools/umeet.js, bundled by the global setup from the current sources). */
export const UMEET_CLI = new URL('../../../out/tools/umeet.js', import.meta.url).pathname;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `umeet` as a script would, against the sandbox, with only PATH, the sandbox's settings and `env` set. */
export function umeet(sandbox: Sandbox, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [UMEET_CLI, ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
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
