import { measureClickPath } from './click-path.js';
import { measureProxyClickPath } from './proxy.js';
import { measureWindow } from './window.js';

/**
 * `BENCH_ONLY=click npm run bench`: the click sections alone (0 ms, 20 ms, through a proxy), printed, in about
 * 20 seconds, for iterating on the click path; `BENCH_ONLY=click0` runs only the 0 ms one (the one to profile:
 * `BENCH_ONLY=click0 BENCH_CLICKS=1000 node --cpu-prof out/tools/bench.js`). Nothing is written: bench/results.json
 * always holds a whole run. Returns the exit code: 1 if a click goal is not met.
 */
export async function benchOnly(only: string, clicks: number, root: string): Promise<number> {
  if (only === 'window') return windowOnly(root);
  if (only !== 'click' && only !== 'click0') {
    console.error(`BENCH_ONLY: "${only}" is not a section that runs alone (click, click0, window)`);
    return 2;
  }
  const click = {
    delay_0ms: await measureClickPath(0, clicks),
    ...(only === 'click' ? { delay_20ms: await measureClickPath(20, clicks) } : {}),
  };
  const proxy = only === 'click' ? await measureProxyClickPath(20, clicks) : undefined;
  const rows: [string, string][] = [];
  for (const [name, c] of Object.entries(click)) {
    rows.push([
      `click ${name}: ours / bare undici median (p95)`,
      `${c.ours_median_ms} / ${c.bare_median_ms} ms (${c.ours_p95_ms} / ${c.bare_p95_ms})`,
    ]);
    rows.push([`click ${name}: ours÷bare, ours÷curl`, `${c.ratio_ours_bare}, ${c.ratio_ours_curl}`]);
  }
  if (proxy) {
    rows.push(['click through a proxy, 20 ms: ours / bare median', `${proxy.ours_median_ms} / ${proxy.bare_median_ms} ms`]);
    rows.push(['click through a proxy, 20 ms: ours÷bare', `${proxy.ratio_ours_bare}`]);
  }
  const goals = {
    ratio_ours_bare_at_0ms_at_most_1_2: click.delay_0ms.ratio_ours_bare <= 1.2,
    ...(click.delay_20ms ? { ratio_ours_bare_at_20ms_at_most_1_05: click.delay_20ms.ratio_ours_bare <= 1.05 } : {}),
    ...(proxy ? { proxy_ratio_ours_bare_at_20ms_at_most_1_05: proxy.ratio_ours_bare <= 1.05 } : {}),
  };
  for (const [goal, met] of Object.entries(goals)) rows.push([`goal ${goal}`, met ? 'met' : 'NOT MET']);
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
  return Object.values(goals).every(Boolean) ? 0 : 1;
}

/**
 * `BENCH_ONLY=window npm run bench`: the window section alone (first open against the minimal React page, a kept
 * window shown again, the renderer's gzip size), printed, for iterating on the window's first open. Nothing is
 * written. Returns 1 if a window goal is not met.
 */
async function windowOnly(root: string): Promise<number> {
  const w = await measureWindow(root, Number(process.env.BENCH_WINDOW_RUNS ?? 15));
  const rows: [string, string][] = [
    ['window first open: ours / minimal median', `${w.first_open_ours_median_ms} / ${w.first_open_minimal_median_ms} ms`],
    ['window first open: ours÷minimal', `${w.first_open_ratio}`],
    ['window first contentful paint (ours)', `${w.first_contentful_paint_ours_median_ms} ms`],
    ...(['ours', 'minimal'] as const).map((which): [string, string] => [
      `window first open phases (${which}), ms`,
      Object.entries(w.first_open_phases_median_ms[which])
        .map(([phase, ms]) => `${phase} ${ms ?? '—'}`)
        .join(', '),
    ]),
    ['window reopen median (max)', `${w.reopen_ms} (${w.reopen_max_ms}) ms`],
    ['renderer gzip: all / first open', `${w.renderer_gzip_bytes} / ${w.renderer_first_open_gzip_bytes} B`],
    ['first open files', w.renderer_first_open_files.map((f) => `${f.file} ${f.gzip_bytes}`).join(', ')],
  ];
  const goals = {
    window_first_open_ratio_at_most_1_5: w.first_open_ratio <= 1.5,
    window_renderer_gzip_at_most_140_kib: w.renderer_gzip_bytes <= 140 * 1024,
  };
  for (const [goal, met] of Object.entries(goals)) rows.push([`goal ${goal}`, met ? 'met' : 'NOT MET']);
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
  return Object.values(goals).every(Boolean) ? 0 : 1;
}
