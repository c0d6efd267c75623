import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIRECT, parsePacAnswer, ProxyUrl, routeOfUrl, type ProxySetting } from '../../common/proxy.js';
import { createProxyRoutes, FINGERPRINT_FRESH_MS } from '../../main/api/proxy-routes.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { appUnderTest, fromAppWindow, type AppUnderTest } from './support/app-under-test.js';
import { createTestCa, type TestCa } from './support/tls-fixtures.js';
import { startTestProxy, type TestProxy } from './support/test-proxy.js';
import { startTestSocks } from './support/test-socks.js';

// Company networks: the app reaches the service the way the OS says (system proxy, PAC), through a
// real CONNECT proxy on 127.0.0.1 that may ask for a password, to the sandbox served over HTTPS with a
// certificate from a CA made here (as a TLS-inspecting proxy's would be). Electron's resolveProxy is
// the one part stood in: it answers what a PAC script would.

let ca: TestCa;
let sandbox: Sandbox;
const proxies: TestProxy[] = [];
const apps: AppUnderTest[] = [];

beforeAll(async () => {
  ca = await createTestCa();
  sandbox = await startSandbox({ tls: await ca.issue(), licence: { 10: 1000 } });
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const proxy of proxies.splice(0)) await proxy.close();
  sandbox.clearFaults();
});
afterAll(async () => {
  await sandbox.close();
});

async function proxy(options: Parameters<typeof startTestProxy>[0] = {}): Promise<TestProxy> {
  const started = await startTestProxy(options);
  proxies.push(started);
  return started;
}

/** The app with the OS answering `pac` for the API's URL, trusting the test CA unless told not to. */
async function app(options: { pac?: string | (() => string); trustCa?: boolean; proxy?: ProxySetting; timeoutMs?: number } = {}) {
  const queries: string[] = [];
  const made = await appUnderTest({
    sandbox,
    credentials: true,
    ...(options.timeoutMs ? { requestTimeoutMs: options.timeoutMs } : {}),
    ports: {
      resolveProxy: async (url) => {
        queries.push(url);
        return typeof options.pac === 'function' ? options.pac() : (options.pac ?? 'DIRECT');
      },
      ...(options.trustCa === false ? {} : { extraCertificates: [ca.cert] }),
    },
  });
  if (options.proxy) await made.ipc.updateSettings({ proxy: options.proxy });
  apps.push(made);
  return Object.assign(made, { queries });
}

/** Time for the client to see that the proxy closed its kept-alive tunnel (the proxy went away between clicks). */
const moment = () => new Promise((resolve) => setTimeout(resolve, 100));
const instants = () => sandbox.requests.filter((r) => r.path === '/umeeting/share/instant').length;
const start = (target: AppUnderTest) => target.listeners.run(fromAppWindow, { type: 'start', presetId: 'quick-meeting' });

describe('PAC answers', () => {
  it('are read in order, as Chromium writes them; what cannot be used here is left out; nothing usable means straight', () => {
    expect(parsePacAnswer('PROXY proxy.corp:8080; DIRECT')).toEqual([{ kind: 'http', host: 'proxy.corp', port: 8080 }, DIRECT]);
    expect(parsePacAnswer('HTTPS secure.corp:443;SOCKS5 socks.corp:1080')).toEqual([
      { kind: 'https', host: 'secure.corp', port: 443 },
      { kind: 'socks5', host: 'socks.corp', port: 1080 },
    ]);
    expect(parsePacAnswer('PROXY [::1]:3128')).toEqual([{ kind: 'http', host: '::1', port: 3128 }]);
    expect(parsePacAnswer('PROXY p:80; PROXY p:80; DIRECT')).toEqual([{ kind: 'http', host: 'p', port: 80 }, DIRECT]);
    expect(parsePacAnswer('QUIC q:443; PROXY bad:99999')).toEqual([DIRECT]);
    // `SOCKS` is SOCKS4 to Chromium (Windows' socks= setting arrives so), as is `SOCKS4`.
    expect(parsePacAnswer('SOCKS old.corp:1080; SOCKS4 older.corp; DIRECT')).toEqual([
      { kind: 'socks4', host: 'old.corp', port: 1080 },
      { kind: 'socks4', host: 'older.corp', port: 1080 },
      DIRECT,
    ]);
    expect(parsePacAnswer('')).toEqual([DIRECT]);
    expect(routeOfUrl('http://proxy.corp')).toEqual({ kind: 'http', host: 'proxy.corp', port: 80 });
  });
});

describe('a proxy address the user names', () => {
  it.each([
    ['http://proxy.corp:8080', true],
    ['https://[::1]:3128', true],
    ['socks5://10.0.0.1:1080', true],
    // The window's URL parser (Chromium's) and main's (Node's) disagree on these: the schema decides alike in both.
    ['http://not a proxy', false],
    ['http://proxy_corp:1', false],
    ['http://user:secret@proxy.corp:8080', false],
    ['ftp://proxy.corp:21', false],
    ['http://proxy.corp:8080/path', false],
  ])('%s: %s', (address, valid) => {
    expect(ProxyUrl.safeParse(address).success).toBe(valid);
  });
});

describe('the click path behind a company proxy', () => {
  it('goes through the proxy the OS names, one tunnel kept for later clicks, and trusts the company CA', async () => {
    const office = await proxy();
    const target = await app({ pac: `PROXY ${office.address}; DIRECT` });
    // The menu opens: the click's connection is warmed (and the free rooms are read, on a connection of their own).
    target.warm();
    // Bounded waits, not timings: the warm-up loads the HTTP client first, which takes longer on a busy machine than
    // expect.poll's default second (this failed under the full suite on two cores).
    await expect.poll(() => office.tunnels, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => target.log.lines.some((line) => /availability|api rooms/.test(line.message)), { timeout: 10_000 }).toBe(true);
    const warmed = office.connects;
    expect(await start(target)).toMatchObject({ ok: true });
    expect(await start(target)).toMatchObject({ ok: true });
    // The tunnel the menu opened served both clicks.
    expect(office.connects).toBe(warmed);
    expect(target.opened).toHaveLength(2);
    // Resolved once, for the API's URL: not on every click.
    expect(target.queries).toEqual([sandbox.url]);
  });

  it('asks the OS again when the network may have changed, and when the server or the proxy setting changes', async () => {
    const target = await app();
    await start(target);
    await start(target);
    expect(target.queries).toHaveLength(1);
    target.networkChanged();
    await start(target);
    expect(target.queries).toHaveLength(2);
    await target.ipc.updateSettings({ requestTimeoutMs: 20_000 });
    await target.ipc.updateSettings({ proxy: { mode: 'none' } });
    await start(target);
    await target.ipc.updateSettings({ proxy: { mode: 'system' } });
    await start(target);
    expect(target.queries).toHaveLength(3);
  });

  it('a proxy that asks for a password is told, nothing reaches the service, and the user name and password make it work', async () => {
    const office = await proxy({ username: 'zhang.san', password: 'p@ss 密码' });
    const target = await app({ pac: `PROXY ${office.address}` });
    const before = instants();
    const refused = await start(target);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'failed' } });
    expect(refused.ok ? '' : refused.error.message).toBe(
      `The proxy ${office.address} asks for a user name and password. Enter them under Settings → Advanced → Proxy.`,
    );
    expect(instants()).toBe(before);
    // Nothing was sent, so nothing to check, and the banner leads to the proxy setting.
    expect(target.state().pendingChecks).toEqual([]);
    expect(target.ipc.snapshot()).toMatchObject({ value: { lastError: { fix: 'proxy' } } });

    await target.ipc.updateSettings({ proxy: { mode: 'system', username: 'zhang.san' } });
    await target.listeners.setProxyPassword(fromAppWindow, { password: 'wrong' });
    const wrong = await start(target);
    expect(wrong.ok ? '' : wrong.error.message).toMatch(/refused the user name or password/);

    await target.listeners.setProxyPassword(fromAppWindow, { password: 'p@ss 密码' });
    expect(await start(target)).toMatchObject({ ok: true });
    expect(instants()).toBe(before + 1);
    // The password: to the proxy only; in the store, ciphertext; nowhere in what the window sees or the log.
    const file = await target.storeFiles();
    expect(file).not.toContain('p@ss');
    expect(target.readStoreFile()).toMatchObject({ proxyPassword: { ciphertext: expect.any(String) } });
    expect(JSON.stringify(target.ipc.snapshot())).not.toContain('p@ss');
    expect(target.ipc.snapshot()).toMatchObject({ value: { proxyPassword: 'saved' } });
    expect(JSON.stringify(target.log.lines)).not.toContain('p@ss');
  });

  it('PAC’s "PROXY a:1; DIRECT": a proxy that is down is passed over before anything is sent, and tried last afterwards', async () => {
    const dead = await proxy();
    await dead.close();
    const target = await app({ pac: `PROXY ${dead.address}; DIRECT` });
    const before = instants();
    expect(await start(target)).toMatchObject({ ok: true });
    expect(await start(target)).toMatchObject({ ok: true });
    expect(instants()).toBe(before + 2);
    expect(target.log.lines.filter((line) => line.message.includes(`${dead.address} failed; trying DIRECT`))).toHaveLength(1);
  });

  it('an untrusted certificate (a TLS-inspecting proxy IT did not install) is told, and the create is neither sent nor retried', async () => {
    const office = await proxy();
    const target = await app({ pac: `PROXY ${office.address}`, trustCa: false });
    const before = instants();
    const outcome = await start(target);
    expect(outcome.ok ? '' : outcome.error.message).toBe(
      `The certificate of ${new URL(sandbox.url).host} is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE), so nothing was sent. Behind a company proxy? Ask IT to install its certificate on this computer.`,
    );
    expect(instants()).toBe(before);
    expect(office.connects).toBe(1);
    expect(target.state().pendingChecks).toEqual([]);
  });

  it('the proxy going away mid-session: the next click says so; a click it cut after sending offers the check and is not sent again', async () => {
    const office = await proxy();
    const target = await app({ pac: `PROXY ${office.address}`, timeoutMs: 5_000 });
    expect(await start(target)).toMatchObject({ ok: true });
    await office.close();
    await moment();
    const down = await start(target);
    expect(down.ok ? '' : down.error.message).toMatch(new RegExp(`^Cannot reach the proxy ${office.address} \\(ECONNREFUSED\\)`));
    expect(target.state().pendingChecks).toEqual([]);

    // A proxy that dies while the create is on its way: it may have reached the service.
    const flaky = await proxy();
    const second = await app({ pac: `PROXY ${flaky.address}`, timeoutMs: 5_000 });
    expect(await start(second)).toMatchObject({ ok: true });
    sandbox.inject({ kind: 'no-answer', path: '/umeeting/share/instant' });
    const before = instants();
    const pending = start(second);
    await expect.poll(instants).toBe(before + 1);
    await flaky.close();
    const cut = await pending;
    expect(cut.ok).toBe(false);
    expect(second.state().pendingChecks).toHaveLength(1);
    expect(instants()).toBe(before + 1);
  });

  it('"None" goes straight whatever the OS says; "Manual" goes through the proxy named, and only that one', async () => {
    const office = await proxy();
    const target = await app({ pac: 'PROXY 127.0.0.1:9', proxy: { mode: 'none' } });
    expect(await start(target)).toMatchObject({ ok: true });
    await target.ipc.updateSettings({ proxy: { mode: 'manual', url: office.url } });
    expect(await start(target)).toMatchObject({ ok: true });
    expect(office.connects).toBe(1);
    await office.close();
    await moment();
    const down = await start(target);
    expect(down.ok ? '' : down.error.message).toMatch(/^Cannot reach the proxy/);
  });
});

describe('a SOCKS5 proxy', () => {
  it('takes the user name and password in its own handshake, and a wrong one is told as refused', async () => {
    const socks = await startTestSocks({ username: 'li.si', password: 's0cks 密码' });
    try {
      const target = await app({ proxy: { mode: 'manual', url: socks.url, username: 'li.si' } });
      await target.listeners.setProxyPassword(fromAppWindow, { password: 'wrong' });
      const before = instants();
      const wrong = await start(target);
      expect(wrong.ok ? '' : wrong.error.message).toMatch(new RegExp(`^The proxy ${socks.address} refused the user name or password`));
      expect(instants()).toBe(before);
      await target.listeners.setProxyPassword(fromAppWindow, { password: 's0cks 密码' });
      expect(await start(target)).toMatchObject({ ok: true });
      expect(socks.connects).toBe(1);
    } finally {
      await socks.close();
    }
  });
});

describe('routes as the app keeps them', () => {
  it('are resolved again when the network’s interfaces change, not otherwise', async () => {
    let network = 'wifi=10.0.0.5';
    let asked = 0;
    let now = 0;
    const routes = createProxyRoutes({
      resolveProxy: async () => {
        asked += 1;
        return 'PROXY p:1; DIRECT';
      },
      apiUrl: () => 'https://api.example.com',
      setting: () => ({ mode: 'system' }),
      fingerprint: () => network,
      now: () => now,
    });
    await routes.routes();
    now += FINGERPRINT_FRESH_MS;
    await routes.routes();
    expect(asked).toBe(1);
    network = 'wifi=192.168.1.9;vpn0=10.8.0.2';
    now += FINGERPRINT_FRESH_MS;
    await routes.routes();
    expect(asked).toBe(2);
  });

  it('look at the interfaces (a system call) at most once in FINGERPRINT_FRESH_MS: the menu’s warm-up looks, the click uses it', async () => {
    let looks = 0;
    let network = 'wifi=10.0.0.5';
    let now = 1_000_000;
    const routes = createProxyRoutes({
      resolveProxy: async () => 'DIRECT',
      apiUrl: () => 'https://api.example.com',
      setting: () => ({ mode: 'system' }),
      fingerprint: () => {
        looks += 1;
        return network;
      },
      now: () => now,
    });
    await routes.routes(); // the menu opens
    now += 1_500;
    await routes.routes(); // the click
    await routes.routes();
    expect(looks).toBe(1);
    // A change is seen once the look is older than the bound, and at once after a wake-up (invalidate).
    network = 'vpn0=10.8.0.2';
    now += FINGERPRINT_FRESH_MS;
    await routes.routes();
    expect(looks).toBe(2);
    routes.invalidate();
    await routes.routes();
    expect(looks).toBe(3);
    // A clock set back does not keep an old look for longer.
    now -= 60_000;
    await routes.routes();
    expect(looks).toBe(4);
  });

  it('a failing route goes last for five minutes, then takes its place again', async () => {
    let now = 0;
    const routes = createProxyRoutes({
      resolveProxy: async () => 'PROXY p:1; DIRECT',
      apiUrl: () => 'https://api.example.com',
      setting: () => ({ mode: 'system' }),
      fingerprint: () => 'same',
      now: () => now,
    });
    const [first] = await routes.routes();
    routes.failed(first!);
    expect((await routes.routes())[0]).toEqual(DIRECT);
    now += 5 * 60_000 + 1;
    expect((await routes.routes())[0]).toEqual(first);
  });

  it('an OS that cannot say (no PAC, an error) means straight', async () => {
    const routes = createProxyRoutes({
      resolveProxy: async () => {
        throw new Error('net::ERR_PAC_SCRIPT_FAILED');
      },
      apiUrl: () => 'https://api.example.com',
      setting: () => ({ mode: 'system' }),
    });
    expect(await routes.routes()).toEqual([DIRECT]);
  });
});
