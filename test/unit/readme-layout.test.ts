import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README is the door (issue 29): short, and true. Its tree names folders that exist and every folder of the
// layout it describes; its performance figures are bench/published.json's; its links lead somewhere.

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = (title: string) => {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, title).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
};
const folders = (path: string) =>
  readdirSync(join(root, path)).filter((name) => !name.startsWith('.') && statSync(join(root, path, name)).isDirectory());

/** The tree's folders as paths (`main/`, `main/features/`, `renderer/src/`), from its indentation. */
function treeFolders(): string[] {
  const tree = /```\n([\s\S]*?)```/.exec(section('Repository layout'))![1]!;
  const paths: string[] = [];
  const parents: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^( *)(\S+\/)\s/.exec(`${line} `);
    if (!match) continue;
    const depth = match[1]!.length / 2;
    parents.length = depth;
    parents.push(match[2]!);
    paths.push(parents.join(''));
  }
  return paths;
}

describe('the README', () => {
  it('is at most 250 lines, and its sections are the door: install, run, use, the CLI, links', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
    const titles = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(titles.slice(0, 6)).toEqual(['Contents', 'Install', 'Run from source', 'The tray', 'The window', 'The `umeet` command line']);
    expect(titles).toEqual(expect.arrayContaining(['Documentation', 'Repository layout', 'Where your data lives', 'Security']));
  });

  it('its tree names only folders that exist, and every folder of the repository and of main/, renderer/src/, core/', () => {
    const named = treeFolders();
    for (const path of named) expect(existsSync(join(root, path)), path).toBe(true);
    const ignored = new Set(['node_modules', 'out', 'test-results', 'release', 'dist']);
    const expected = [
      ...folders('.')
        .filter((name) => !ignored.has(name))
        .map((name) => `${name}/`),
      ...folders('main').map((name) => `main/${name}/`),
      'renderer/src/',
    ];
    for (const path of expected) expect(named, path).toContain(path);
    // Second-level folders said in words on their parent's line.
    const text = section('Repository layout');
    for (const name of folders('renderer/src')) expect(text, `renderer/src/${name}`).toContain(`${name}/`);
    for (const name of folders('core')) expect(text, `core/${name}`).toContain(`${name}/`);
  });

  it('gives the performance figures of bench/published.json', () => {
    const published = JSON.parse(readFileSync(join(root, 'bench', 'published.json'), 'utf8')) as {
      click: { delay_20ms: { ours_median_ms: number; ratio_ours_bare: number }; delay_0ms: { ratio_ours_bare: number } };
      proxy: { delay_20ms: { ratio_ours_bare: number } };
      connections: { warm_new_per_click: number };
      idle: { wakeups_per_hour: number; open_sockets: number };
      soak: { heap_growth_mb: number };
      startup: { modules_before_tray: number; modules_total: number; main_entry_bytes: number };
      cli: { version_cpu_ratio: number };
      window: { first_open_ratio: number; renderer_gzip_bytes: number; renderer_first_open_gzip_bytes: number };
    };
    const rows = Object.fromEntries(
      [...section('Performance').matchAll(/^\| (.+?) \| (.+?) \|$/gm)].map((m) => [m[1]!.split(' (')[0]!.split(',')[0]!, m[2]!]),
    );
    const p = published;
    expect(rows['a click']).toBe(`${p.click.delay_20ms.ours_median_ms} ms`);
    expect(rows['the same ÷ a bare HTTP request']).toBe(String(p.click.delay_20ms.ratio_ours_bare));
    expect(rows['through a proxy ÷ a bare request through it']).toBe(String(p.proxy.delay_20ms.ratio_ours_bare));
    expect(rows['new connections per warm click']).toBe(String(p.connections.warm_new_per_click));
    expect(rows['idle: timers fired in a simulated hour / sockets open']).toBe(`${p.idle.wakeups_per_hour} / ${p.idle.open_sockets}`);
    expect(rows['heap growth over 2000 clicks and 200 window cycles']).toBe(`${p.soak.heap_growth_mb} MB`);
    expect(rows['modules loaded before the tray shows']).toBe(`${p.startup.modules_before_tray} of ${p.startup.modules_total}`);
    expect(rows['at a 0 ms server ÷ a bare request']).toBe(String(p.click.delay_0ms.ratio_ours_bare));
    expect(rows['main entry as shipped']).toBe(String(p.startup.main_entry_bytes));
    expect(rows['`umeet --version` CPU ÷ `node -e 0`']).toBe(String(p.cli.version_cpu_ratio));
    expect(rows["window's first open ÷ a minimal React page"]).toBe(String(p.window.first_open_ratio));
    expect(rows['window JS+CSS gzip']).toBe(`${p.window.renderer_gzip_bytes} / ${p.window.renderer_first_open_gzip_bytes}`);
  });

  it('links only to files that exist (and the pages it sends readers to link back correctly)', () => {
    for (const file of [
      'README.md',
      'CONTRIBUTING.md',
      ...readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ]) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        expect(existsSync(normalize(join(root, dirname(file), target!))), `${file} → ${target}`).toBe(true);
      }
    }
  });
});
