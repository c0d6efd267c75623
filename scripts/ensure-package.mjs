// `npm run package`'s first step (the `prepackage` script), as `prestart` is `npm start`'s: electron-builder needs
// Electron's zip for each architecture it packs, from its cache or downloaded from GitHub (or ELECTRON_MIRROR).
// Offline and without it, `npm run package` used to build for 47 s and then fail with an 11-frame stack trace
// (getaddrinfo ENOTFOUND while fetching the zip). This says in one line what is missing and what to run, before
// anything is built, and exits 1; otherwise it says nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
const platform = process.env.UMEET_PACKAGE_PLATFORM ?? process.platform;
// electron-builder.yml packs both Mac architectures; elsewhere, this machine's.
const archs = platform === 'darwin' ? ['arm64', 'x64'] : [process.env.UMEET_PACKAGE_ARCH ?? process.arch];
const zips = archs.map((arch) => `electron-v${version}-${platform}-${arch}.zip`);

/** Where electron-builder (util/electronGet.js, getCacheDirectory) and @electron/get keep downloaded zips. */
function caches() {
  const home = homedir();
  const byOs = (name) =>
    process.platform === 'darwin'
      ? join(home, 'Library', 'Caches', name)
      : process.platform === 'win32'
        ? join(process.env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), name, 'Cache')
        : join(process.env.XDG_CACHE_HOME ?? join(home, '.cache'), name);
  return [process.env.ELECTRON_BUILDER_CACHE ?? byOs('electron-builder'), process.env.electron_config_cache ?? byOs('electron')];
}

/** Whether a file of that name is in the folder or a few levels below it (the caches keep one folder per download). */
function cached(dir, name, depth = 3) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some(
    (entry) =>
      (entry.isFile() && entry.name === name) || (entry.isDirectory() && depth > 0 && cached(join(dir, entry.name), name, depth - 1)),
  );
}

const missing = zips.filter((zip) => !caches().some((dir) => cached(dir, zip)));
if (missing.length === 0) process.exit(0);

// Not cached: electron-builder will download it. Can it? One connection to the download host, bounded.
const mirror = process.env.ELECTRON_MIRROR ? new URL(process.env.ELECTRON_MIRROR) : undefined;
const [host, port] = (process.env.UMEET_PACKAGE_PROBE ?? `${mirror?.hostname ?? 'github.com'}:${mirror?.port || 443}`).split(':');
const socket = connect({ host, port: Number(port), timeout: 10_000 });
socket.once('connect', () => {
  socket.destroy();
  process.exit(0);
});
const fail = (reason) => {
  socket.destroy();
  process.stderr.write(
    `umeet-tray: npm run package needs Electron ${version}'s ${missing.join(' and ')}, which is not in electron-builder's cache, and ${host} cannot be reached (${reason}); connect to the internet, then run \`npm run package\` again.\n`,
  );
  process.exit(1);
};
socket.once('timeout', () => fail('no answer in 10 s'));
socket.once('error', (error) => fail(error.code ? `${error.syscall ?? 'connect'} ${error.code}` : error.message));
