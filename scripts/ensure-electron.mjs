// `npm start`'s first step (the `prestart` script): makes sure Electron's binary is there.
// Electron's npm package (since 45) installs without its binary, and electron-vite does not fetch
// it either, so a fresh clone would otherwise fail on start with a stack trace. When the binary is
// missing this runs Electron's own installer (node_modules/electron/install.js, what
// `npx install-electron` runs); when that cannot succeed (offline, a proxy, a full disk), it says
// so in one line, names the command to run later, and exits 1 — well within 30 seconds.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Long enough for a download of ~100 MB on a slow connection, bounded so that nothing hangs forever.
 * Offline, the installer fails by itself at once (no DNS) or after its fetch's 10 s connect timeout.
 */
const INSTALL_TIMEOUT_MS = Number(process.env.UMEET_ELECTRON_INSTALL_TIMEOUT_MS ?? 15 * 60_000);

// Tests point this at a stand-in package; everyone else gets the pinned one in node_modules.
const packageDir = process.env.UMEET_ELECTRON_PACKAGE_DIR ?? dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const later = 'npx install-electron';

function installed() {
  try {
    const executable = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    const distVersion = readFileSync(join(packageDir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    const root = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
    return distVersion === version && existsSync(join(root, executable));
  } catch {
    return false;
  }
}

/** The installer's last meaningful line: its error message, never the stack under it. */
function reasonFrom(output) {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !/^Downloading Electron/i.test(line));
  const error = lines.reverse().find((line) => /error|fail|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|certificate|denied|ENOSPC/i.test(line));
  const reason = (error ?? lines[0] ?? 'the installer gave no reason')
    .replace(/^(Error|TypeError|RequestError|HTTPError):\s*/, '')
    .slice(0, 160);
  return /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH/.test(reason)
    ? `no connection to Electron's download server: ${reason}`
    : reason;
}

function fail(reason) {
  process.stderr.write(
    `umeet-tray: Electron ${version}'s binary is missing and could not be downloaded (${reason}); connect to the internet and run \`${later}\`, then \`npm start\` again.\n`,
  );
  process.exit(1);
}

if (installed()) process.exit(0);

const installer = spawn(process.execPath, [join(packageDir, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
const collect = (chunk) => {
  output += chunk.toString('utf8');
  if (output.length > 64 * 1024) output = output.slice(-32 * 1024);
};
installer.stdout.on('data', collect);
installer.stderr.on('data', collect);
const overall = setTimeout(() => {
  installer.kill('SIGKILL');
  fail(`no result after ${Math.round(INSTALL_TIMEOUT_MS / 1000)} s`);
}, INSTALL_TIMEOUT_MS);
// Said only once the download is really under way: offline, the one line below is all there is.
const notice = setTimeout(() => process.stderr.write(`Downloading Electron ${version}'s binary, once (about 100 MB)…\n`), 1500);
installer.on('error', (error) => fail(error.message));
installer.on('exit', (code, signal) => {
  clearTimeout(overall);
  clearTimeout(notice);
  if (code === 0 && installed()) {
    process.stderr.write(`Electron ${version} installed.\n`);
    process.exit(0);
  }
  fail(
    code === 0 ? 'the installer finished but the binary is not there' : reasonFrom(output) || `the installer exited with ${code ?? signal}`,
  );
});
