import { ProxyAgent } from 'undici';
import { startSandbox } from '../sandbox/server.js';
import { startTestProxy } from '../test/unit/support/test-proxy.js';
import { createTestCa } from '../test/unit/support/tls-fixtures.js';
import { benchApp } from './bench-app.js';
import { BENCH_PRESET, bareClick, oursBeside, oursClick, settle } from './click-parts.js';
import { round } from './stats.js';

/**
 * The click path behind a company proxy: the app's, routed as the OS says ("PROXY host:port", the
 * answer Electron's resolveProxy would give), to the sandbox over HTTPS with a certificate from a CA
 * the app trusts, through a real CONNECT proxy on 127.0.0.1. Beside it, interleaved click by click,
 * the floor: a bare undici request through the same proxy on a kept-alive ProxyAgent. Then a run of
 * warm clicks alone, counting the tunnels the proxy opens for them: a warm click opens none.
 */
export async function measureProxyClickPath(delayMs: number, clicks: number) {
  const ca = await createTestCa();
  const sandbox = await startSandbox({ delayMs, licence: { 25: 1_000_000 }, tls: await ca.issue() });
  const proxy = await startTestProxy();
  const app = await benchApp(sandbox, BENCH_PRESET);
  const preset = app.preset;
  const api = app.clients({ resolveProxy: async () => `PROXY ${proxy.address}`, extraCertificates: [ca.cert] });
  const opened: { now?: () => void } = {};
  const meetings = app.meetings(api, async () => opened.now?.());
  const bareAgent = new ProxyAgent({ uri: proxy.url, requestTls: { ca: ca.cert }, keepAliveTimeout: 30_000 });
  const ours = oursClick(meetings, preset, opened);
  const bare = bareClick(sandbox, preset, bareAgent);

  // Warm-up, as the menu opening does for ours; one request for the bare one.
  await (await api.click()).warm();
  await bare();
  const times = { ours: [] as number[], bare: [] as number[] };
  for (let i = 0; i < clicks; i++) {
    for (const [name, run] of (i % 2
      ? [
          ['bare', bare],
          ['ours', ours],
        ]
      : [
          ['ours', ours],
          ['bare', bare],
        ]) as [keyof typeof times, () => Promise<number>][]) {
      await settle();
      times[name].push(await run());
    }
  }

  // Warm clicks alone: the menu opens (warm), the user clicks; the proxy counts the tunnels.
  const warmClicks = Math.min(clicks, 50);
  const tunnelsBefore = proxy.connects;
  for (let i = 0; i < warmClicks; i++) {
    await (await api.click()).warm();
    await ours();
    await settle();
  }
  const warm_new_tunnels_per_click = round((proxy.connects - tunnelsBefore) / warmClicks);

  meetings.stop();
  await api.close();
  await bareAgent.close();
  await proxy.close();
  await sandbox.close();

  return {
    clicks,
    ...oursBeside(times),
    warm_clicks: warmClicks,
    warm_new_tunnels_per_click,
  };
}
