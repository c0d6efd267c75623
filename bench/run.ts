// `npm run bench`: click-to-link latency and start-up cost, each beside a baseline measured in the
// same run (timings on shared machines are noisy; ratios within one run are not). Not part of
// `npm test`. Prints a table and writes bench/results.json (ignored by git: every run writes it);
// `npm run bench:publish` copies it to bench/published.json, the committed figures the README quotes.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureCli } from './cli.js';
import { benchOnly } from './click-only.js';
import { measureClickPath } from './click-path.js';
import { measureAlwaysOn } from './always-on-runner.js';
import { measureConnections } from './connections.js';
import { measureProxyClickPath } from './proxy.js';
import { rendererGzipBytes, startupFigures } from './startup.js';
import { measureWindow } from './window.js';

const CLICKS = Number(process.env.BENCH_CLICKS ?? 200);
const started = performance.now();
// `BENCH_ONLY=click` (or `click0`, `window`): the click sections or the window's alone, for iterating (bench/click-only.ts).
if (process.env.BENCH_ONLY) process.exit(await benchOnly(process.env.BENCH_ONLY, CLICKS, join(import.meta.dirname, '..', '..')));

// `node out/tools/bench.js --startup` (after `npm run build`): the start-up section alone, printed; nothing written.
if (process.argv.includes('--startup')) {
  console.log(JSON.stringify(await startupFigures(), null, 2));
  process.exit(0);
}

const click = {
  delay_0ms: await measureClickPath(0, CLICKS),
  delay_20ms: await measureClickPath(20, CLICKS),
};
const connections = await measureConnections(50);
const proxyClick = await measureProxyClickPath(20, CLICKS);
const proxy = { delay_20ms: proxyClick, warm_new_tunnels_per_click: proxyClick.warm_new_tunnels_per_click };
const alwaysOn = await measureAlwaysOn(join(import.meta.dirname, '..', '..'));
const idle = alwaysOn.idle as { wakeups_per_hour: number; open_sockets: number; pending_timers: number; real: Record<string, unknown> };
const soak = alwaysOn.soak as { heap_growth_mb: number; handles_leaked: number } & Record<string, unknown>;
const startup = {
  ...(await startupFigures()),
  ...(alwaysOn.memory as { rss_mb: number; heap_used_mb: number }),
};
const renderer_gzip_bytes = rendererGzipBytes();
const window = await measureWindow(join(import.meta.dirname, '..', '..'), Number(process.env.BENCH_WINDOW_RUNS ?? 15));
const cli = await measureCli(join(import.meta.dirname, '..', '..'), Number(process.env.BENCH_CLI_RUNS ?? 30));

const goals = {
  ratio_ours_bare_at_0ms_at_most_1_2: click.delay_0ms.ratio_ours_bare <= 1.2,
  ratio_ours_bare_at_20ms_at_most_1_05: click.delay_20ms.ratio_ours_bare <= 1.05,
  ratio_ours_curl_at_20ms_below_1: click.delay_20ms.ratio_ours_curl < 1,
  zero_new_connections_per_warm_click: connections.warm_new_per_click === 0,
  proxy_ratio_ours_bare_at_20ms_at_most_1_05: proxy.delay_20ms.ratio_ours_bare <= 1.05,
  proxy_zero_new_tunnels_per_warm_click: proxy.warm_new_tunnels_per_click === 0,
  idle_no_wakeups: idle.wakeups_per_hour === 0,
  idle_no_open_sockets: idle.open_sockets === 0,
  soak_heap_growth_at_most_2_mb: soak.heap_growth_mb <= 2,
  soak_no_handles_leaked: soak.handles_leaked === 0,
  cli_version_cpu_ratio_at_most_1_5: cli.version_cpu_ratio <= 1.5,
  cli_info_ratio_at_most_1_5: cli.info_ratio <= 1.5,
  modules_before_tray_at_most_200: startup.modules_before_tray <= 200,
  main_entry_at_most_400_kb: startup.main_entry_bytes <= 400_000,
  window_first_open_ratio_at_most_1_5: window.first_open_ratio <= 1.5,
  window_renderer_gzip_at_most_140_kib: window.renderer_gzip_bytes <= 140 * 1024,
  nothing_heavy_before_tray:
    !startup.before_tray_has_react && !startup.before_tray_has_renderer_code && !startup.before_tray_has_network_client,
};

const results = {
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gib: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString(),
  },
  click,
  connections,
  proxy,
  idle,
  soak,
  startup,
  renderer_gzip_bytes,
  window,
  cli,
  goals,
  seconds: Math.round((performance.now() - started) / 1000),
};
writeFileSync(join(import.meta.dirname, '..', '..', 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const rows: [string, string][] = [];
for (const [name, c] of Object.entries(click)) {
  rows.push([`click ${name}: ours median / p95`, `${c.ours_median_ms} / ${c.ours_p95_ms} ms`]);
  rows.push([`click ${name}: bare undici / curl median`, `${c.bare_median_ms} / ${c.curl_median_ms} ms`]);
  rows.push([`click ${name}: ours÷bare, ours÷curl`, `${c.ratio_ours_bare}, ${c.ratio_ours_curl}`]);
}
rows.push([
  'click through a proxy, 20 ms: ours / bare median',
  `${proxy.delay_20ms.ours_median_ms} / ${proxy.delay_20ms.bare_median_ms} ms`,
]);
rows.push([
  'click through a proxy, 20 ms: ours÷bare; new tunnels per warm click',
  `${proxy.delay_20ms.ratio_ours_bare}; ${proxy.warm_new_tunnels_per_click}`,
]);
rows.push([
  'idle, a simulated hour: timers fired / pending; sockets open',
  `${idle.wakeups_per_hour} / ${idle.pending_timers}; ${idle.open_sockets}`,
]);
rows.push([
  `soak, ${String(soak.clicks)} clicks: heap at 200 / at the end (growth)`,
  `${String(soak.heap_at_200_mb)} / ${String(soak.heap_at_end_mb)} MB (${soak.heap_growth_mb})`,
]);
rows.push([
  'soak: handles leaked; store file / log bytes',
  `${soak.handles_leaked}; ${String(soak.store_file_bytes)} / ${String(soak.log_bytes)}`,
]);
rows.push([
  'memory once the tray shows: resident / heap (Node, Electron stood in)',
  `${String(startup.rss_mb)} / ${String(startup.heap_used_mb)} MB`,
]);
rows.push(['new connections per click: warm / cold', `${connections.warm_new_per_click} / ${connections.cold_new_per_click}`]);
rows.push([
  'main bundle: entry / lazy / total',
  `${startup.main_entry_bytes} / ${startup.main_lazy_bytes} / ${startup.main_bundle_bytes} B`,
]);
rows.push([
  'modules before the tray / reachable in the graph / all',
  `${startup.modules_before_tray} / ${startup.modules_reachable_before_tray} / ${startup.modules_total}`,
]);
rows.push([
  'import before tray / to the tray / lazy chunks (Node, Electron stood in)',
  `${startup.import_before_tray_ms} / ${startup.to_tray_ms} / ${startup.import_after_tray_ms} ms`,
]);
rows.push(['renderer JS+CSS gzip', `${renderer_gzip_bytes} B`]);
rows.push([
  'window: renderer gzip, all / fetched by the first open',
  `${window.renderer_gzip_bytes} / ${window.renderer_first_open_gzip_bytes} B`,
]);
rows.push([
  `window: first open to a focusable row, ours / minimal React page, median of ${window.runs} (ratio)`,
  `${window.first_open_ours_median_ms} / ${window.first_open_minimal_median_ms} ms (${window.first_open_ratio})`,
]);
rows.push(['window: a kept window shown again, to its list up to date: median / max', `${window.reopen_ms} / ${window.reopen_max_ms} ms`]);
rows.push(['umeet --version / node -e 0: CPU per run (ratio)', `${cli.version_cpu_ms} / ${cli.node_cpu_ms} ms (${cli.version_cpu_ratio})`]);
rows.push([
  'umeet info --json / plain undici script: CPU per run (ratio)',
  `${cli.info_cpu_ms} / ${cli.plain_info_cpu_ms} ms (${cli.info_ratio})`,
]);
rows.push([
  'umeet info --json / plain undici script: wall median (ratio)',
  `${cli.info_wall_median_ms} / ${cli.plain_info_wall_median_ms} ms (${cli.info_wall_ratio})`,
]);
for (const [goal, met] of Object.entries(goals)) rows.push([`goal ${goal}`, met ? 'met' : 'NOT MET']);
const width = Math.max(...rows.map(([k]) => k.length));
console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
console.log(`(${results.seconds} s on ${results.machine.cpu}, ${results.machine.cores} cores; written to bench/results.json)`);
if (Object.values(goals).some((met) => !met)) process.exitCode = 1;
