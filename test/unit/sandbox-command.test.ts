import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run sandbox` as a user runs it: the built script (out/tools/sandbox.js, bundled by the global
// setup from the current sources), its arguments checked, its lines pasteable, its stop real.
const root = new URL('../..', import.meta.url).pathname;
const script = new URL('../../out/tools/sandbox.js', import.meta.url).pathname;

function sandboxCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [script, ...args], { timeout: 10_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    ),
  );
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * Whether a sandbox started with `--port <port>` still runs: on Linux, found by its command line in /proc. Not
 * "is anything listening on the port": a port given back is soon handed to another test's server (bind to port 0),
 * which took a test that found it still "listening" 30 s after the sandbox had gone (a shuffled run). Elsewhere,
 * where there is no /proc, the port is all there is to ask.
 */
async function sandboxRuns(port: number): Promise<boolean> {
  if (process.platform !== 'linux') return listening(port);
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .some((pid) => {
      let args: string[];
      try {
        args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      } catch {
        return false; // gone while being read
      }
      const flag = args.indexOf('--port');
      return args.some((arg) => arg.endsWith('tools/sandbox.js')) && flag >= 0 && args[flag + 1] === String(port);
    });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the sandbox command', () => {
  it.each([
    [['--port', 'abc'], /^sandbox: --port "abc" is not a port number/],
    [['--port', '70000'], /^sandbox: --port "70000" is not a port number/],
    [['--speed', 'fast'], /^sandbox: --speed "fast" is not a number greater than 0/],
    [['--delay', 'soon'], /^sandbox: --delay "soon" is not a whole number/],
    [['--prot', '1'], /^sandbox: Unknown option '--prot'/],
    [['extra'], /^sandbox: Unexpected argument 'extra'/],
  ])('refuses %j with one line that says how, and no stack trace', async (args, line) => {
    const run = await sandboxCommand(args);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(line);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('usage: npm run sandbox -- [--port N]');
  });

  it('says a port in use is in use, with the fix', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const run = await sandboxCommand(['--port', String(port)]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toBe(
        `sandbox: port ${port} is already in use (another sandbox?); stop that one, or pick another port: npm run sandbox -- --port ${port + 1}\n`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'run by npm, prints pasteable export lines; %s to the npm process leaves nothing listening',
    async (signal) => {
      const port = await freePort();
      // --ignore-scripts skips the `presandbox` build: the global setup built the tools already, and a
      // rebuild here would empty out/tools under the other test files that spawn the CLI.
      const npm = spawn('npm', ['run', '--ignore-scripts', 'sandbox', '--', '--port', String(port)], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      npm.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      await expect.poll(() => stdout, { timeout: 30_000 }).toContain('# Demo credentials only');
      const exports = stdout.split('\n').filter((line) => line.startsWith('export '));
      expect(exports).toEqual([
        `export UMEET_API_BASE=http://127.0.0.1:${port}`,
        'export UMEET_API_KEY=demo-key-1a2b',
        'export UMEET_API_SECRET=demo-secret-5f3c9e7d1b',
      ]);
      expect(await listening(port)).toBe(true);
      expect(await sandboxRuns(port)).toBe(true);

      npm.kill(signal);
      // A bound on a hang: under `npm test` the two cores are shared, and npm passes the signal on in its own time.
      await expect.poll(() => sandboxRuns(port), { timeout: 30_000 }).toBe(false);
    },
    45_000,
  );

  it('a tool whose npm is gone before it is ready to watch (npm stopped while it was still starting) stops too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'umeet-stop-with-npm-'));
    const [loaded, stopped] = [join(dir, 'loaded'), join(dir, 'stopped')];
    // The tool: says it is running (its first line), its start (a listen, say) takes a second and a half more, then
    // it watches npm, as the sandbox does.
    writeFileSync(
      join(dir, 'tool.mjs'),
      `import { writeFileSync } from 'node:fs';
import { stopWithNpm } from ${JSON.stringify(join(root, 'sandbox/stop-with-npm.ts'))};
writeFileSync(${JSON.stringify(loaded)}, '');
setInterval(() => undefined, 1_000);
setTimeout(() => stopWithNpm(() => { writeFileSync(${JSON.stringify(stopped)}, ''); process.exit(0); }), 1_500);
`,
    );
    // Stands for npm: starts the tool with npm's variable for a script, and is gone (killed, say) once the tool runs.
    writeFileSync(
      join(dir, 'npm.mjs'),
      `import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
const tool = spawn(process.execPath, [${JSON.stringify(join(dir, 'tool.mjs'))}], {
  stdio: 'ignore',
  detached: true,
  env: { ...process.env, npm_lifecycle_event: 'sandbox' },
});
while (!existsSync(${JSON.stringify(loaded)})) await new Promise((resolve) => setTimeout(resolve, 20));
process.stdout.write(String(tool.pid));
process.exit(0);
`,
    );
    const pid = await new Promise<number>((resolve, reject) =>
      execFile(process.execPath, [join(dir, 'npm.mjs')], (error, stdout) => (error ? reject(error) : resolve(Number(stdout)))),
    );
    try {
      await expect.poll(() => existsSync(stopped), { timeout: 15_000 }).toBe(true);
    } finally {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // stopped, as it should
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
