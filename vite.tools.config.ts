import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

export default defineConfig({
  root,
  plugins: [executableEntries()],
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
