import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// The command-line tools, bundled for plain Node 20: `umeet` (cli/), the API sandbox (sandbox/),
// the benchmark (bench/) and the renderer's dev server (dev/, `npm run dev:renderer`).
// Their npm dependencies stay external: they run from this checkout, beside node_modules.
export default defineConfig({
  root,
  logLevel: 'warn',
  // Vite and its React plugin run the dev server; bundled, they would lose their own files.
  ssr: { external: ['vite', '@vitejs/plugin-react'] },
  build: {
    ssr: true,
    outDir: resolve(root, 'out/tools'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      input: { umeet: resolve(root, 'cli/umeet.ts'), sandbox: resolve(root, 'sandbox/main.ts'), bench: resolve(root, 'bench/run.ts'), 'dev-renderer': resolve(root, 'dev/renderer-server.ts') },
      output: { format: 'es', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    },
  },
});
