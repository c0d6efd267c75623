import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../sandbox/server.js';
import { round } from './stats.js';

/**
 * What `umeet` costs a script that runs it in a loop, each figure beside a baseline run in the same loop, turn
 * about (paired runs), so that a busy machine slows both alike:
 * - `umeet --version` against `node -e 0`: the CPU time of the process (user + system, as the parent's
 *   children's times count it: Linux's /proc/self/stat), start to exit;
 * - `umeet info <id> --json` against the sandbox on 127.0.0.1, against a plain Node script that makes the same
 *   request with undici (the same form body, JSON.parse, one line out): CPU time and wall time.
 */
const TICK_MS = 10; // USER_HZ, 100 on Linux

/** CPU (ms) used by the children this process has waited for so far (Linux). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ": state is field 0 here; cutime and cstime are the stat file's fields 16 and 17.
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ cpuMs: number; wallMs: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}`));
      else resolve({ cpuMs: childrenCpuMs() - cpuBefore, wallMs: performance.now() - started, stdout });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** `runs` pairs of each; CPU ratios are of the totals (a tick is 10 ms, a run a few of them), wall ratios of medians. */
export async function measureCli(root: string, runs = 30) {
  const umeet = join(root, 'out', 'tools', 'umeet.js');
  const sandbox = await startSandbox({ licence: { 10: 1000 } });
  const env = {
    PATH: process.env.PATH ?? '',
    UMEET_API_BASE: sandbox.url,
    UMEET_API_KEY: sandbox.credentials.apiKey,
    UMEET_API_SECRET: sandbox.credentials.apiSecret,
  };
  const dir = mkdtempSync(join(tmpdir(), 'umeet-bench-cli-'));
  try {
    const created = JSON.parse((await run([umeet, 'instant', '--topic', 'bench', '--capacity', '10', '--json'], env)).stdout) as {
      meeting_id: string;
    };
    // The floor for `info`: the same request as the CLI sends (core/api/client.ts, `get`), with undici alone.
    const plain = join(dir, 'plain-info.mjs');
    const undici = pathToFileURL(createRequire(join(root, 'package.json')).resolve('undici')).href;
    writeFileSync(
      plain,
      `import { request } from ${JSON.stringify(undici)};
const body = new URLSearchParams({ api_key: process.env.UMEET_API_KEY, api_secret: process.env.UMEET_API_SECRET, meeting_id: process.argv[2] });
const response = await request(new URL('/umeeting/share/get', process.env.UMEET_API_BASE), {
  method: 'POST',
  body: body.toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
});
const answer = JSON.parse(await response.body.text());
if (response.statusCode !== 200 || answer.status !== 200) process.exit(1);
process.stdout.write(JSON.stringify(answer.data) + '\\n');
`,
    );
    const times = { version: [] as number[], node: [] as number[], info: [] as number[], plain: [] as number[] };
    const walls = { info: [] as number[], plain: [] as number[] };
    // One of each first, not counted: the compile cache (cli/start.ts) and the OS's file cache filled, as in a loop.
    await run([umeet, '--version'], env);
    await run([umeet, 'info', created.meeting_id, '--json'], env);
    await run([plain, created.meeting_id], env);
    for (let i = 0; i < runs; i++) {
      times.version.push((await run([umeet, '--version'], env)).cpuMs);
      times.node.push((await run(['-e', '0'], env)).cpuMs);
      const info = await run([umeet, 'info', created.meeting_id, '--json'], env);
      times.info.push(info.cpuMs);
      walls.info.push(info.wallMs);
      const bare = await run([plain, created.meeting_id], env);
      times.plain.push(bare.cpuMs);
      walls.plain.push(bare.wallMs);
    }
    return {
      runs,
      version_cpu_ms: round(sum(times.version) / runs),
      node_cpu_ms: round(sum(times.node) / runs),
      version_cpu_ratio: round(sum(times.version) / sum(times.node)),
      info_cpu_ms: round(sum(times.info) / runs),
      plain_info_cpu_ms: round(sum(times.plain) / runs),
      info_ratio: round(sum(times.info) / sum(times.plain)),
      info_wall_median_ms: round(median(walls.info)),
      plain_info_wall_median_ms: round(median(walls.plain)),
      info_wall_ratio: round(median(walls.info) / median(walls.plain)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sandbox.close();
  }
}
