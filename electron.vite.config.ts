import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { mainOutput } from './main-output.config.js';
import { metaContentSecurityPolicy } from './main/security/window-policy.js';

const root = import.meta.dirname;

/** Puts the window's CSP (one definition, in main/security/window-policy.ts) into the built page. */
const cspMeta = (): Plugin => ({
  name: 'umeet-csp-meta',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy }, injectTo: 'head-prepend' },
  ],
});

// Three bundles: main (ESM, Node inside Electron), preload (CommonJS: sandboxed preloads cannot be
// ES modules), renderer (the React window). Main bundles its dependencies too, so start-up reads
// one file instead of walking node_modules, and the packaged app needs no node_modules at all.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      lib: { entry: resolve(root, 'main/index.ts'), formats: ['es'] },
      // Minified, names kept (main-output.config.ts): what loads before the tray is read and parsed at every start.
      rolldownOptions: { output: { entryFileNames: 'index.js', ...mainOutput } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      lib: { entry: resolve(root, 'preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [cspMeta(), react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
