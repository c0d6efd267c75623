import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

// The command-line tools, bundled for plain Node 20: `umeet` (cli/), the API sandbox (sandbox/),
// the benchmark (bench/), the renderer's dev server (dev/, `npm run dev:renderer`), and the Electron
// stand-in the bench loads the built main process with (test/stand-in/).
// They run from this checkout; their npm dependencies are bundled but for the few named below.
/** Entry files start with `#!/usr/bin/env node`; `npx umeet` runs them directly, so they must be executable. */
const executableEntries = (): Plugin => ({
  name: 'umeet-executable-entries',
  writeBundle(options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.isEntry && options.dir) chmodSync(join(options.dir, chunk.fileName), 0o755);
    }
  },
});

/** Where a build of the tools lists what it was built from: each file it read, and its SHA-256. */
export const INPUTS_FILE = '.inputs.json';

/**
 * What the build reads besides the modules its graph names: this file (its options), and the lockfile (the versions
 * of Vite, Rolldown and the externals, which are not in the graph).
 */
const ALWAYS = ['vite.tools.config.ts', 'package-lock.json'];

const digest = (file: string): string | undefined => {
  try {
    return createHash('sha256')
      .update(readFileSync(resolve(root, file)))
      .digest('hex');
  } catch {
    return undefined;
  }
};

/**
 * Writes INPUTS_FILE beside the bundle: every file in the module graph (the sources and the bundled packages' files)
 * and ALWAYS, each with its digest. `toolsUpToDate` reads it back.
 */
const inputsList = (): Plugin => {
  let inputs: string[] = [];
  return {
    name: 'umeet-inputs-list',
    generateBundle() {
      inputs = [...this.getModuleIds()].filter((id) => isAbsolute(id)).map((id) => relative(root, id.split('?')[0]!));
    },
    writeBundle(options) {
      const listed = Object.fromEntries([...new Set([...inputs, ...ALWAYS])].sort().map((file) => [file, digest(file)]));
      if (options.dir) writeFileSync(join(options.dir, INPUTS_FILE), `${JSON.stringify({ inputs: listed }, null, 1)}\n`);
    },
  };
};

/**
 * Whether the tools in `outDir` were built from the files as they are now: each file the last build read has the
 * same bytes. A new file can only enter the build through a file that imports it, which then differs too. The unit
 * suite's global setup skips its build when this holds (`npm test` has just built them).
 */
export function toolsUpToDate(outDir: string): boolean {
  let listed: Record<string, string | null>;
  try {
    listed = (JSON.parse(readFileSync(join(outDir, INPUTS_FILE), 'utf8')) as { inputs: Record<string, string | null> }).inputs;
  } catch {
    return false;
  }
  const files = Object.entries(listed);
  return files.length > ALWAYS.length && files.every(([file, sha]) => sha !== null && digest(file) === sha);
}

export default defineConfig({
  root,
  plugins: [executableEntries(), inputsList()],
  logLevel: 'warn',
  // Vite and its React plugin run the dev server; bundled, they would lose their own files.
  // Every other dependency is bundled: Node then reads one file, not hundreds, and lexes no CommonJS at start
  // (`umeet` is run in loops by scripts). `open` stays outside: it runs a script shipped beside its own files; and
  // `proxy` (the bench's test proxy) reads its own ../package.json at load, which a bundle does not carry; and
  // `electron` must stay an import for the bench's loader to give the main process the stand-in
  // (bench/stand-in-loader.mjs): bundled, it was the npm package's launcher, which fails as an ES module.
  // `@playwright/test` (the bench drives Chromium with it, as the renderer suite does) loads its own driver files.
  ssr: { external: ['vite', '@vitejs/plugin-react', 'open', 'proxy', 'electron', '@playwright/test'], noExternal: true },
  build: {
    ssr: true,
    outDir: resolve(root, 'out/tools'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      input: {
        umeet: resolve(root, 'cli/start.ts'),
        sandbox: resolve(root, 'sandbox/main.ts'),
        bench: resolve(root, 'bench/run.ts'),
        'always-on': resolve(root, 'bench/always-on.ts'),
        'dev-renderer': resolve(root, 'dev/renderer-server.ts'),
        'electron-stand-in': resolve(root, 'test/stand-in/electron.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    },
  },
});
