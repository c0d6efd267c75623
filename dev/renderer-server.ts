// `npm run dev:renderer [-- --port N] [--no-open]`: the window in a browser, with Vite's hot reload,
// and `window.umeet` routed to main's real IPC handlers, composed as the renderer suite composes them
// (test/unit/support/app-under-test.ts: createApp with recording ports): real store files in a temp folder, the vault behind a test
// cipher holding the sandbox's demo credentials, the real API client against the API sandbox on
// 127.0.0.1. Links, clipboard writes and notifications, which would leave the app, are printed instead;
// native dialogs are stood in (no file is chosen, confirmations say yes).
//
// No Content-Security-Policy here: Vite's hot reload needs inline scripts and a websocket, which the
// app's CSP forbids. The renderer suite (test/renderer/) checks the built page under the real CSP.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import react from '@vitejs/plugin-react';
import { createServer, type ViteDevServer } from 'vite';
import { startSandbox } from '../sandbox/server.js';
import { stopWithNpm } from '../sandbox/stop-with-npm.js';
import { appUnderTest } from '../test/unit/support/app-under-test.js';
import { umeetBridge, type DevListener } from './bridge-plugin.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'no-open': { type: 'boolean', default: false },
  },
});
const port = values.port === undefined ? 5173 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (0 for any free one), not ${values.port}`);
  process.exit(2);
}
// A browser needs a desktop: on Linux, none without an X or Wayland display.
const canOpen = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const open = !values['no-open'] && canOpen;

/** The checkout: the folder with the renderer's sources, above this file (dev/ or out/tools/; out/renderer is the build). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'renderer', 'src', 'main.tsx'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no renderer/src/main.tsx above ${from}`);
  }
}
const root = findRoot(import.meta.dirname);

const sandbox = await startSandbox();
const main = await appUnderTest({
  sandbox,
  preferredLanguages: [Intl.DateTimeFormat().resolvedOptions().locale],
  credentials: 'verified',
  onLog: ({ level, message, details }) => console[level === 'info' ? 'log' : level](`[main] ${level}: ${message}`, ...details),
});

/** Prints what main did that would have left the app: links opened, clipboard writes, notifications. */
const seen = { opened: 0, clipboard: 0, notices: 0 };
const reportSideEffects = () => {
  for (const url of main.opened.slice(seen.opened)) console.log(`[main] would open in the browser: ${url}`);
  for (const text of main.clipboard.slice(seen.clipboard)) console.log(`[main] would copy: ${text}`);
  for (const notice of main.notices.slice(seen.notices)) console.log(`[main] would notify: ${JSON.stringify(notice)}`);
  seen.opened = main.opened.length;
  seen.clipboard = main.clipboard.length;
  seen.notices = main.notices.length;
};
const offSideEffects = main.onChange(reportSideEffects);

let closed: Promise<void> | undefined;
/** Main's side: its API clients and status timers, the sandbox, the temp store. After Vite has closed. */
const closeMain = () =>
  (closed ??= (async () => {
    offSideEffects();
    await main.close();
    await sandbox.close();
    rmSync(main.dir, { recursive: true, force: true });
  })());

let server: ViteDevServer;
try {
  server = await createServer({
    configFile: false,
    root: join(root, 'renderer'),
    clearScreen: false,
    plugins: [
      react(),
      umeetBridge({
        listeners: main.listeners as unknown as Record<string, DevListener>,
        token: randomBytes(32).toString('base64url'),
        onChange: main.onChange,
        afterCall: reportSideEffects,
        onClose: closeMain,
      }),
    ],
    server: {
      host: '127.0.0.1',
      port,
      // A port asked for is that port or an error; without --port, the next free one after 5173.
      strictPort: values.port !== undefined,
      open,
      // Only the page itself reads its modules (and the bridge's token in one of them).
      cors: false,
      fs: { allow: [root] },
    },
  });
  await server.listen();
} catch (error) {
  await closeMain();
  console.error(`Could not start the dev server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const address = server.httpServer?.address();
if (!address || typeof address === 'string') throw new Error('the dev server has no address');
const url = `http://127.0.0.1:${address.port}/`;
console.log(
  `Umeet Tray window (dev, hot reload): ${url} — main's real handlers; API sandbox ${sandbox.url} (demo credentials saved); store ${main.dir} (removed on exit). Ctrl+C stops.`,
);

// Ctrl+C or SIGTERM: close Vite (its closeServer hook closes main's side, see closeMain), then exit.
// Vite also stops on SIGTERM by itself, through the same close; a stop on request is a clean exit.
// The signal may come again while stopping (rolldown's signal-exit raises it once more): once is enough.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  process.exitCode = 0;
  void server
    .close()
    .then(closeMain)
    .catch((error: unknown) => {
      console.error('could not stop cleanly:', error);
      process.exitCode = 1;
    })
    .finally(() => process.exit());
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Run by npm, stop with it even where npm does not pass the signal on.
stopWithNpm(stop);
