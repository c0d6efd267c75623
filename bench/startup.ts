import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';
import { median, round } from './stats.js';

/** The checkout's root, from the bundled bench (out/tools) or from the sources (bench/, in tests). */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  throw new Error('no package.json above the bench');
}
const root = findRoot(import.meta.dirname);
const outMain = join(root, 'out', 'main');

/** Bytes of the built main process: the entry (loaded before the tray) and its lazy chunks. */
export function mainBundleBytes() {
  const files = readdirSync(outMain).filter((f) => f.endsWith('.js'));
  const entry = statSync(join(outMain, 'index.js')).size;
  const total = files.reduce((sum, f) => sum + statSync(join(outMain, f)).size, 0);
  return { main_bundle_bytes: total, main_entry_bytes: entry, main_lazy_bytes: total - entry };
}

/**
 * The modules statically reachable from main/index.ts: what Electron must read and evaluate
 * before the tray can exist. Taken from the bundler's own module graph (rolldown, which
 * electron-vite uses), following static imports only: app-services.ts is imported dynamically,
 * after the tray shows.
 */
export async function modulesBeforeTray() {
  const graph = new Map<string, { imports: readonly string[] }>();
  const bundle = await rolldown({
    input: join(root, 'main/index.ts'),
    platform: 'node',
    logLevel: 'silent',
    external: [/^electron(\/.*)?$/, /^node:/, ...builtinModules],
    plugins: [
      {
        name: 'module-graph',
        buildEnd() {
          for (const id of this.getModuleIds()) {
            const info = this.getModuleInfo(id);
            if (info) graph.set(id, { imports: info.importedIds });
          }
        },
      },
    ],
  });
  await bundle.generate({ format: 'es' });
  await bundle.close();

  const entry = [...graph.keys()].find((id) => id.endsWith(join('main', 'index.ts')))!;
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const next of graph.get(queue.shift()!)?.imports ?? []) {
      if (graph.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  const names = [...seen].map((id) => relative(root, id));
  const packageOf = (path: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  const packages = [...new Set(names.map(packageOf).filter(Boolean))].sort() as string[];
  return {
    modules_before_tray: seen.size,
    modules_total: graph.size,
    packages_before_tray: packages,
    main_modules_before_tray: names.filter((n) => !n.includes('node_modules')).sort(),
    // What must never load before the tray: UI, renderer code, the network stack.
    before_tray_has_react: packages.some((p) => p === 'react' || p === 'react-dom'),
    before_tray_has_renderer_code: names.some((n) => n.startsWith('renderer/')),
    before_tray_has_network_client: packages.includes('undici') || names.some((n) => /^main\/(api\/(client|transport)|meetings\/(meetings-service|api-clients))\.ts$/.test(n)),
  };
}

/**
 * Time to import the built main-process modules under Node with Electron stood in for
 * (bench/electron-stand-in): the entry (everything before the tray) and then the services chunk.
 * Each sample is a fresh process; the median of several is reported.
 */
export function importTimes(samples: number) {
  const chunk = readdirSync(outMain).find((f) => f.startsWith('app-services-') && f.endsWith('.js'));
  if (!chunk) throw new Error('out/main has no app-services chunk: run npm run build');
  const script = `
    const t0 = performance.now();
    await import(${JSON.stringify(join(outMain, 'index.js'))});
    const t1 = performance.now();
    await import(${JSON.stringify(join(outMain, chunk))});
    const t2 = performance.now();
    process.stdout.write(JSON.stringify({ entry: t1 - t0, services: t2 - t1 }));
    process.exit(0);`;
  const entry: number[] = [];
  const services: number[] = [];
  for (let i = 0; i < samples; i++) {
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '--import', join(root, 'bench/electron-stand-in/register.mjs'), '-e', script],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
    );
    const sample = JSON.parse(output) as { entry: number; services: number };
    entry.push(sample.entry);
    services.push(sample.services);
  }
  const before = median(entry);
  const after = median(services);
  return {
    import_before_tray_ms: round(before, 1),
    import_after_tray_ms: round(after, 1),
    ratio_before_tray_to_all: round(before / (before + after)),
  };
}

/** Gzipped bytes of the built renderer's JS and CSS. */
export function rendererGzipBytes() {
  const assets = join(root, 'out', 'renderer', 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
}
