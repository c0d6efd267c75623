import { execFile } from 'node:child_process';
import { isMainThread } from 'node:worker_threads';
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

export interface UmeetOptions {
  /**
   * Run the built CLI as a process of its own (`node out/tools/umeet.js`), as a shell would, rather than the
   * program in this one: for what only the process shows (the entry, the bundle, Node's warnings on stderr, the
   * exit code a shell sees).
   */
  process?: boolean;
}

/**
 * Variables that Node, OpenSSL or the C library read when a process starts, not when `umeet` runs: the
 * certificate store (SSL_CERT_FILE, SSL_CERT_DIR), NODE_OPTIONS, NODE_EXTRA_CA_CERTS, a preloaded library or
 * its clock (LD_PRELOAD, FAKETIME: libfaketime), OpenSSL's configuration. Given one, `umeet` runs as a process.
 */
const AT_PROCESS_START = /^(NODE_|SSL_CERT_|OPENSSL_|LD_|FAKETIME|DONT_FAKE_MONOTONIC$|UV_|TZDIR$)/;

/** Whether `env` (what the test gives, beyond the sandbox's settings) needs a process of its own. */
export function needsProcess(env: Readonly<Record<string, string | undefined>>): boolean {
  return Object.keys(env).some((name) => AT_PROCESS_START.test(name)) || env.TZ === '' || !isMainThread;
}

/**
 * Runs `umeet` as a script would, against the sandbox (or another server on 127.0.0.1 with its url and
 * credentials), with only PATH, the sandbox's settings and `env` set (an `undefined` in `env` unsets one of
 * those), on the test's clock. By default the program runs in this process (cli/umeet.ts runUmeet, from the
 * sources), which costs a few milliseconds where a process costs about 130 ms of CPU; it runs as a process of
 * its own (the built out/tools/umeet.js) when asked, or when `env` sets what a process reads only as it starts.
 */
export function umeet(
  sandbox: Pick<Sandbox, 'url' | 'credentials'>,
  args: string[],
  env: Record<string, string | undefined> = {},
  options: UmeetOptions = {},
): Promise<Run> {
  const full: Record<string, string> = {};
  for (const [name, value] of Object.entries({
    PATH: process.env.PATH ?? '',
    ...clockEnv(),
    UMEET_API_BASE: sandbox.url,
    UMEET_API_KEY: sandbox.credentials.apiKey,
    UMEET_API_SECRET: sandbox.credentials.apiSecret,
    ...env,
  }))
    if (value !== undefined) full[name] = value;
  return options.process || needsProcess(env) ? umeetProcess(args, full) : umeetHere(args, full);
}

/** The built CLI as a process, with exactly `env`. */
export function umeetProcess(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [UMEET_CLI, ...args], { env, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** One in-process run at a time: each sets this process's TZ for its duration. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The program in this process, with `env` as its environment. Its time zone is the one thing it reads from the
 * process rather than from `env` (every Date and Intl call does): TZ is set to `env`'s (or unset, the machine's
 * zone, as a process given no TZ has) while it runs, and put back after; Node applies a change of process.env.TZ
 * at once. The clock is this process's, which under libfaketime is already the test's.
 */
function umeetHere(args: string[], env: Record<string, string>): Promise<Run> {
  const run = queue.then(async () => {
    const { runUmeet } = await import('../../../cli/umeet.js');
    const out: string[] = [];
    const err: string[] = [];
    const zone = process.env.TZ;
    setZone(env.TZ);
    try {
      const code = await runUmeet(args, { env, stdout: (text) => void out.push(text), stderr: (text) => void err.push(text) });
      return { code, stdout: out.join(''), stderr: err.join('') };
    } finally {
      setZone(zone);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

function setZone(zone: string | undefined): void {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
}
