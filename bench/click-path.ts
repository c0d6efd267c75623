import { spawn } from 'node:child_process';
import { Agent } from 'undici';
import { startSandbox } from '../sandbox/server.js';
import { BENCH_PRESET, bareClick, instantBody, oursBeside, oursClick, settle } from './click-parts.js';
import { benchApp } from './bench-app.js';
import { median, round } from './stats.js';

/**
 * The product's click path, as the tray runs it: `meetings.start(presetId)` to the `OpenLink`
 * call, with real store files, the vault behind a test cipher and real HTTP to the sandbox. In the
 * same run, interleaved click by click so that the machine's noise falls on all three alike:
 *   bare — the floor: undici `request` of the same form body on a kept-alive agent, JSON.parse;
 *   curl — what a power user would script: `curl -s -d @- <url>` per click, parsing its output.
 */
export async function measureClickPath(delayMs: number, clicks: number) {
  const sandbox = await startSandbox({ delayMs, licence: { 25: 1_000_000 } });
  const app = await benchApp(sandbox, BENCH_PRESET);
  const preset = app.preset;
  const api = app.clients();
  const opened: { now?: () => void } = {};
  // Availability on, as in the app: the menu opening reads the free rooms (at most every 30 s) on the background connection.
  const availability = app.availability(api);
  const meetings = app.meetings(api, async () => opened.now?.(), availability);

  const url = `${sandbox.url}/umeeting/share/instant`;
  const bareAgent = new Agent({ keepAliveTimeout: 30_000 });
  const click = oursClick(meetings, preset, opened);
  const ours = async () => {
    availability.refresh();
    return click();
  };
  const bare = bareClick(sandbox, preset, bareAgent);
  const curl = async () => {
    const start = performance.now();
    const child = spawn('curl', ['-s', '-d', '@-', url], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdin.end(instantBody(sandbox, preset));
    await new Promise((resolve) => child.on('close', resolve));
    const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status: number };
    if (answer.status !== 200) throw new Error('curl failed');
    return performance.now() - start;
  };

  // Warm-up: the menu opening warms our connection; the others get one request each.
  await (await api.click()).warm();
  await bare();
  await curl();
  await new Promise((resolve) => setTimeout(resolve, 50));

  const times = { ours: [] as number[], bare: [] as number[], curl: [] as number[] };
  const order = [
    ['ours', ours],
    ['bare', bare],
    ['curl', curl],
  ] as const;
  for (let i = 0; i < clicks; i++) {
    // Rotate who goes first, so no method always follows the same other one.
    for (let j = 0; j < order.length; j++) {
      const [name, run] = order[(i + j) % order.length]!;
      await settle();
      times[name].push(await run());
    }
  }

  meetings.stop();
  await api.close();
  await bareAgent.close();
  await sandbox.close();

  const curl_median_ms = median(times.curl);
  return {
    clicks,
    ...oursBeside(times),
    curl_median_ms: round(curl_median_ms),
    ratio_ours_curl: round(median(times.ours) / curl_median_ms),
  };
}
