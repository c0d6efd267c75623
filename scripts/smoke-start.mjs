// The workflow's check that a packaged app starts: runs the app's executable with --smoke-test
// (main/electron/smoke-test.ts), which starts to the tray, prints one line and exits 0. Fails, saying why, when the
// app exits otherwise (a macOS app with a broken signature is killed by the kernel: SIGKILL), prints no such line,
// or does not exit within the deadline.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node scripts/smoke-start.mjs <the app executable> (or: arch -x86_64 <the executable>)\n');
  process.exit(2);
}
const executable = [command, ...args].join(' ');
const DEADLINE_MS = 90_000;
const child = spawn(command, [...args, '--smoke-test'], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const timer = setTimeout(() => {
  child.kill('SIGKILL');
  process.stderr.write(`${output}\nsmoke test failed: ${executable} did not exit within ${DEADLINE_MS / 1000} s\n`);
  process.exit(1);
}, DEADLINE_MS);
child.on('error', (error) => {
  clearTimeout(timer);
  process.stderr.write(`smoke test failed: ${executable} could not be started: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  process.stdout.write(output);
  const passed = /^umeet-tray: smoke test passed: /m.test(output);
  if (code === 0 && passed) process.exit(0);
  process.stderr.write(`smoke test failed: ${executable} exited with ${signal ?? code}${passed ? '' : ' without reaching the tray'}\n`);
  process.exit(1);
});
