import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';
import { mainOutput } from '../main-output.config.js';
import { median, round } from './stats.js';

/** The checkout's root, from the bundled bench (out/tools) or from the sources (bench/, in tests). */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  throw new Error('no package.json above the bench');
}
const root = findRoot(import.meta.dirname);
const outMain = join(root, 'out', 'main');

/** The chunks a built file imports statically (`import … from "./x.js"`, `import "./x.js"`; not `import("./x.js")`). */
const staticImports = (code: string) =>
  [...code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]!);

/**
 * Bytes of the built main process: what loads before the tray (out/main/index.js and the chunks it imports
 * statically, transitively: the bundler puts what the entry shares with later chunks, zod for one, in a chunk
 * of its own) and the lazy chunks.
 */
export function mainBundleBytes() {
  const files = readdirSync(outMain).filter((f) => f.endsWith('.js'));
  const size = (f: string) => statSync(join(outMain, f)).size;
  const loaded = new Set(['index.js']);
  for (const file of loaded) for (const chunk of staticImports(readFileSync(join(outMain, file), 'utf8'))) loaded.add(chunk);
  const entry = [...loaded].reduce((sum, f) => sum + size(f), 0);
  const total = files.reduce((sum, f) => sum + size(f), 0);
  return { main_bundle_bytes: total, main_entry_bytes: entry, main_entry_files: [...loaded], main_lazy_bytes: total - entry };
}

/**
 * What Electron reads and evaluates before the tray can exist: the modules the bundler (rolldown, which
 * electron-vite uses, with the main build's settings) puts into the entry chunk with code of their own,
 * and into any chunk the entry imports statically, plus the built-in modules they import (node:*, electron).
 * What is imported dynamically (the features' code loaded once the tray shows: docs/architecture.md,
 * "Start-up") is in other chunks and not counted. A module the graph reaches but whose every export the
 * tree-shaker dropped (zod's 50-odd locales behind its `locales` namespace, for one) is not in the file
 * and never loads: `modules_reachable_before_tray` counts the graph as a reader of the imports would,
 * those included, for comparison with figures before this count (issue 30: 302 then). `modules_total` counts
 * every chunk the same way as the entry; `modules_in_graph`, every module the bundler read.
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
  const { output } = await bundle.generate({ format: 'es', ...mainOutput });
  await bundle.close();

  // The chunks loaded with the entry: itself and what it imports statically, transitively.
  const chunks = new Map(output.flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
  const entryChunk = [...chunks.values()].find((c) => c.isEntry)!;
  const loaded = new Set([entryChunk]);
  const builtins = new Set<string>();
  for (const chunk of loaded)
    for (const name of chunk.imports) {
      const next = chunks.get(name);
      if (next) loaded.add(next);
      else builtins.add(name);
    }
  const withCode = (list: (typeof entryChunk)[]) =>
    list.flatMap((c) => Object.entries(c.modules).flatMap(([id, m]) => (m.renderedLength > 0 ? [id] : [])));
  const rendered = withCode([...loaded]);
  // Everything the built main process can ever load, counted the same way: every chunk's modules, every built-in.
  const everyBuiltin = new Set([...chunks.values()].flatMap((c) => c.imports.filter((name) => !chunks.has(name))));
  const names = [...rendered.filter((id) => !id.startsWith('\0')).map((id) => relative(root, id)), ...builtins];

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
  const packageOf = (path: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  const packages = [...new Set(names.map(packageOf).filter(Boolean))].sort() as string[];
  return {
    modules_before_tray: rendered.length + builtins.size,
    modules_total: withCode([...chunks.values()]).length + everyBuiltin.size,
    modules_reachable_before_tray: seen.size,
    modules_in_graph: graph.size,
    bytes_before_tray: [...loaded].reduce((sum, c) => sum + Buffer.byteLength(c.code), 0),
    packages_before_tray: packages,
    main_modules_before_tray: names.filter((n) => !n.includes('node_modules')).sort(),
    // What must never load before the tray: UI, renderer code, the network stack.
    before_tray_has_react: packages.some((p) => p === 'react' || p === 'react-dom'),
    before_tray_has_renderer_code: names.some((n) => n.startsWith('renderer/')),
    before_tray_has_network_client: packages.includes('undici') || names.some((n) => /^main\/api\/(client|transport)\.ts$/.test(n)),
  };
}

/**
 * Start-up under Node with Electron stood in (test/stand-in/electron.ts, through
 * bench/stand-in-loader.mjs), in fresh processes, medians of `samples`:
 * - `import_before_tray_ms`: importing the built entry (out/main/index.js): every module the tray
 *   needs, evaluated;
 * - `to_tray_ms`: from that import to the tray existing: 'ready', the store and vault opened, the
 *   app built, the menu rendered (Electron's own start is not in it);
 * - `import_after_tray_ms`: the chunks loaded after the tray shows (the HTTP client, the allowlist).
 */
export function importTimes(samples: number) {
  const lazy = readdirSync(outMain).filter((f) => f !== 'index.js' && f.endsWith('.js'));
  if (!lazy.length) throw new Error('out/main has no lazy chunks: run npm run build');
  const script = `
    const { control } = await import('electron');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    control.paths.userData = mkdtempSync(join(tmpdir(), 'umeet-bench-start-'));
    const t0 = performance.now();
    await import(${JSON.stringify(join(outMain, 'index.js'))});
    const t1 = performance.now();
    while (!control.trays.length) await new Promise((resolve) => setImmediate(resolve));
    const t2 = performance.now();
    for (const chunk of ${JSON.stringify(lazy.map((f) => join(outMain, f)))}) await import(chunk);
    const t3 = performance.now();
    process.stdout.write('\\nRESULT ' + JSON.stringify({ entry: t1 - t0, tray: t2 - t0, after: t3 - t2 }) + '\\n');
    process.exit(0);`;
  const entry: number[] = [];
  const tray: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < samples; i++) {
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '--import', join(root, 'bench/stand-in-loader.mjs'), '-e', script],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    // The app logs to stdout too (electron-log's console transport): the figures are on their own line.
    const line = output.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`start-up sample printed no result:\n${output}`);
    const sample = JSON.parse(line.slice('RESULT '.length)) as { entry: number; tray: number; after: number };
    entry.push(sample.entry);
    tray.push(sample.tray);
    after.push(sample.after);
  }
  return {
    import_before_tray_ms: round(median(entry), 1),
    to_tray_ms: round(median(tray), 1),
    import_after_tray_ms: round(median(after), 1),
  };
}

/** Gzipped bytes of the built renderer's JS and CSS. */
export function rendererGzipBytes() {
  const assets = join(root, 'out', 'renderer', 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
}

/** The start-up section of `npm run bench` from the built app (but the memory, measured in bench/always-on.ts). */
export async function startupFigures(samples = 9) {
  return { ...mainBundleBytes(), ...(await modulesBeforeTray()), ...importTimes(samples) };
}
