import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Preset } from '../../common/preset.js';

/**
 * `npm run dev:renderer` as a contributor runs it (out/tools/dev-renderer.js, built by `npm run
 * build`): the window served by Vite, `window.umeet` over the dev bridge to main's real handlers in
 * that process, its store in a temp folder, the API sandbox behind it.
 */
const root = join(import.meta.dirname, '..', '..');
const script = join(root, 'out', 'tools', 'dev-renderer.js');

interface DevServer {
  child: ChildProcess;
  url: string;
  storeDir: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function startDevServer(): Promise<DevServer> {
  if (!existsSync(script)) throw new Error('out/tools/dev-renderer.js is missing: run `npm run build` first (npm test does).');
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, [script, '--port', '0', '--no-open'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 20 s:\n${output}`)), 20_000);
    const look = () => {
      const found = /window \(dev, hot reload\): (http:\/\/127\.0\.0\.1:\d+\/) .* store (\S+) /.exec(output);
      if (!found) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      resolve(found);
    };
    child.stdout.on('data', look);
    void exited.then((code) => reject(new Error(`exited (${code}) before printing its URL:\n${output}`)));
  });
  return { child, url: line[1]!, storeDir: line[2]!, output: () => output, exited };
}

test('npm run dev:renderer: the window in Vite, on main’s real handlers, its store and the sandbox', async ({ page, request }) => {
  test.setTimeout(60_000);
  const dev = await startDevServer();
  try {
    const storeFile = join(dev.storeDir, 'umeet-tray.json');
    expect(existsSync(storeFile)).toBe(true);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // The seed preset comes from main's store, across the bridge.
    await page.goto(dev.url);
    await expect(page.getByRole('listbox').getByRole('option', { name: /^Quick meeting/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('app-locale')).toBeVisible();

    // Saved through the UI, it lands in the store file; the list follows main's stateChanged event,
    // which arrives over Vite's HMR socket.
    await page.getByRole('button', { name: 'New preset' }).click();
    await page.getByLabel('Name (shown in the tray)').fill('Dev check');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('listbox').getByRole('option', { name: /^Dev check/ })).toBeVisible();
    const names = () => (JSON.parse(readFileSync(storeFile, 'utf8')) as { presets: Preset[] }).presets.map((p) => p.name);
    await expect.poll(names).toEqual(['Quick meeting', 'Dev check']);

    // The demo credentials are saved: "Start now" creates a meeting in the sandbox; the link main
    // would open is printed instead.
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByTestId('toasts')).toContainText(/Meeting \d{3} \d{3} \d{4} started\./);
    await expect.poll(dev.output).toMatch(/\[main\] would open in the browser: http:\/\/127\.0\.0\.1:\d+\/[js]\/\d+/);
    expect(errors).toEqual([]);

    // The endpoint answers the page only: not without its token, not from another origin.
    const endpoint = new URL('/__umeet/ipc', dev.url).href;
    const origin = new URL(dev.url).origin;
    const data = { channel: 'snapshot' };
    expect((await request.post(endpoint, { data, headers: { origin } })).status()).toBe(403);
    expect((await request.post(endpoint, { data, headers: { origin, 'x-umeet-token': 'guess' } })).status()).toBe(403);
    const token = /const token = "([^"]+)"/.exec(await (await request.get(new URL('/@id/virtual:umeet-bridge', dev.url).href)).text())?.[1];
    expect(token).toBeTruthy();
    expect((await request.post(endpoint, { data, headers: { origin: 'http://evil.example', 'x-umeet-token': token! } })).status()).toBe(
      403,
    );
    const own = await request.post(endpoint, { data, headers: { origin, 'x-umeet-token': token! } });
    expect(own.status()).toBe(200);
    expect(await own.json()).toMatchObject({ ok: true, value: { presets: [{ name: 'Quick meeting' }, { name: 'Dev check' }] } });

    // SIGTERM: it closes Vite, the sandbox and the API clients, removes its temp store and exits.
    dev.child.kill('SIGTERM');
    expect(await dev.exited, dev.output()).toBe(0);
    expect(existsSync(dev.storeDir)).toBe(false);
  } finally {
    if (dev.child.exitCode === null && dev.child.signalCode === null) dev.child.kill('SIGKILL');
  }
});
