import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createTlsServer } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProxy } from 'proxy';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { startTestProxy, type TestProxy } from './support/test-proxy.js';
import { startTestSocks } from './support/test-socks.js';
import { createTestCa, type TestCa } from './support/tls-fixtures.js';
import { umeet as runUmeet, type Run, type UmeetOptions } from './support/umeet-cli.js';

// `umeet` behind a company network, against real parts on 127.0.0.1: the sandbox over HTTPS with a
// certificate from a CA made here, and a real CONNECT proxy that can ask for a password. It runs in this
// process (cli/umeet.ts) but where a process of its own is what is tested: Node's warnings kept off stderr by
// the entry, and the OS's certificate store, which Node reads where SSL_CERT_FILE / SSL_CERT_DIR say at start.
const dir = mkdtempSync(join(tmpdir(), 'umeet-cli-proxy-'));

let ca: TestCa;
let caFile: string;
let sandbox: Sandbox;
/** The sandbox's host:port, as certificate lines name it. */
let server: string;

beforeAll(async () => {
  ca = await createTestCa();
  caFile = join(dir, 'company-ca.pem');
  writeFileSync(caFile, ca.cert);
  sandbox = await startSandbox({ tls: await ca.issue(), licence: { 10: 50, 25: 50 } });
  server = new URL(sandbox.url).host;
});
afterAll(async () => {
  await sandbox.close();
});

const proxies: TestProxy[] = [];
async function proxy(options: { username?: string; password?: string } = {}): Promise<TestProxy> {
  const started = await startTestProxy(options);
  proxies.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

/** A port nothing listens on: a proxy that is down. */
async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Runs umeet with only the environment given here (never the machine's own proxy variables): the
 * sandbox, its credentials and the test CA in UMEET_CA_FILE unless overridden; `undefined` unsets. It
 * runs on the test's clock, which made the certificates; in this process unless `options` or the
 * environment asks for a process of its own (support/umeet-cli.ts).
 */
function umeet(
  args: string[],
  overrides: Record<string, string | undefined> = {},
  target: Sandbox = sandbox,
  options: UmeetOptions = {},
): Promise<Run> {
  return runUmeet(target, args, { UMEET_CA_FILE: caFile, ...overrides }, options);
}

const instants = (topic: string) => sandbox.requests.filter((r) => r.path === '/umeeting/share/instant' && r.fields.topic === topic);
const instant = (topic: string) => ['instant', '--topic', topic, '--capacity', '10', '--json'];
const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

describe('umeet through a proxy', () => {
  it('instant and info go through HTTPS_PROXY: one tunnel a run, and the sandbox gets the calls', async () => {
    const office = await proxy();
    const created = await umeet(instant('through HTTPS_PROXY'), { HTTPS_PROXY: office.url });
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(office.connects).toBe(1);
    expect(office.tunnels).toBe(1);
    expect(instants('through HTTPS_PROXY')).toHaveLength(1);

    const id = JSON.parse(created.stdout).meeting_id;
    const info = await umeet(['info', id, '--json'], { HTTPS_PROXY: office.url });
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ id, topic: 'through HTTPS_PROXY' });
    expect(office.connects).toBe(2);
  });

  it('rooms, resize and participants go through HTTPS_PROXY too: one tunnel a run, however many calls it makes', async () => {
    const office = await proxy();
    const rooms = await umeet(['rooms', '--json'], { HTTPS_PROXY: office.url });
    expect(rooms).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(rooms.stdout).map((r: { capacity: number }) => r.capacity)).toEqual([10, 25]);
    expect(office.tunnels).toBe(1); // licensing, then freeRooms for each size, on one connection

    const id = JSON.parse((await umeet(instant('resized through HTTPS_PROXY'), { HTTPS_PROXY: office.url })).stdout).meeting_id;
    sandbox.join(id, { name: 'someone', ip: '192.0.2.1' });
    const resized = await umeet(['resize', id, '--capacity', '25', '--json'], { HTTPS_PROXY: office.url });
    expect(resized).toMatchObject({ code: 0, stderr: '' });
    const participants = await umeet(['participants', id, '--json'], { HTTPS_PROXY: office.url });
    expect(JSON.parse(participants.stdout)).toMatchObject({ meeting_id: id, count: 1 });
    expect(office.tunnels).toBe(4);
  });

  it('--proxy works before and after the subcommand, and overrides the proxy variables', async () => {
    const chosen = await proxy();
    const fromEnvironment = await proxy();
    const created = await umeet(['--proxy', chosen.url, ...instant('through --proxy')], { HTTPS_PROXY: fromEnvironment.url });
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(instants('through --proxy')).toHaveLength(1);
    expect(chosen.connects).toBe(1);

    const id = JSON.parse(created.stdout).meeting_id;
    const info = await umeet(['info', id, `--proxy=${chosen.url}`], { https_proxy: fromEnvironment.url });
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/^Topic: through --proxy$/m);
    expect(chosen.connects).toBe(2);
    expect(fromEnvironment.connects).toBe(0);
  });

  it('--proxy overrides NO_PROXY too: the one server named on the command line goes through it', async () => {
    const chosen = await proxy();
    const run = await umeet(['licence', '--proxy', chosen.url], { NO_PROXY: '*' });
    expect(run.code).toBe(0);
    expect(chosen.connects).toBe(1);
  });

  it("--proxy '' goes straight, whatever the environment says", async () => {
    const office = await proxy();
    const run = await umeet(['licence', '--json', '--proxy', ''], {
      HTTPS_PROXY: office.url,
      https_proxy: office.url,
      ALL_PROXY: office.url,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout).capacity).toEqual({ 10: 50, 25: 50 });
    expect(office.connects).toBe(0);
  });

  it('an https:// proxy: TLS to the proxy too, its certificate trusted from UMEET_CA_FILE, and stderr stays empty', async () => {
    // The `proxy` package over an HTTPS server: a proxy reached over TLS, as some offices run them.
    const tlsProxy = createProxy(createTlsServer(await ca.issue()));
    let connects = 0;
    tlsProxy.prependListener('connect', () => void (connects += 1));
    await new Promise<void>((resolve) => tlsProxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = tlsProxy.address() as { port: number };
      // A process of its own: the warning would be this process's, and it is the entry that keeps it off stderr.
      const run = await umeet(instant('through an https proxy'), { HTTPS_PROXY: `https://127.0.0.1:${port}` }, sandbox, { process: true });
      // Node warns (DEP0123) when TLS is given an IP address as the server name, which undici does
      // for a proxy named by its address: umeet's stderr is for its own one-line errors only.
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(connects).toBe(1);
      expect(instants('through an https proxy')).toHaveLength(1);
    } finally {
      tlsProxy.closeAllConnections();
      await new Promise((resolve) => tlsProxy.close(resolve));
    }
  });

  it('ALL_PROXY is the fallback when no https proxy is set; HTTPS_PROXY comes first', async () => {
    const office = await proxy();
    const down = `http://127.0.0.1:${await deadPort()}`;
    expect((await umeet(['licence'], { ALL_PROXY: office.url })).code).toBe(0);
    expect(office.connects).toBe(1);
    expect((await umeet(['licence'], { HTTPS_PROXY: office.url, ALL_PROXY: down })).code).toBe(0);
    expect(office.connects).toBe(2);
  });

  it('the lower-case form wins when both are set: https_proxy, all_proxy, no_proxy', async () => {
    const office = await proxy();
    const down = `http://127.0.0.1:${await deadPort()}`;
    expect((await umeet(['licence'], { HTTPS_PROXY: down, https_proxy: office.url })).code).toBe(0);
    expect(office.connects).toBe(1);
    expect((await umeet(['licence'], { ALL_PROXY: down, all_proxy: office.url })).code).toBe(0);
    expect(office.connects).toBe(2);
    // no_proxy names another host, so NO_PROXY's 127.0.0.1 does not count: through the proxy.
    expect((await umeet(['licence'], { https_proxy: office.url, NO_PROXY: '127.0.0.1', no_proxy: 'example.com' })).code).toBe(0);
    expect(office.connects).toBe(3);
  });

  it.each([
    ['127.0.0.1', 'NO_PROXY'],
    ['127.0.0.1', 'no_proxy'],
    ['example.com, 127.0.0.0/8', 'NO_PROXY'],
    ['*', 'NO_PROXY'],
    ['127.0.0.1:{port}', 'no_proxy'],
  ])('NO_PROXY=%s (as %s) sends the server straight: the proxy is not touched', async (value, name) => {
    const office = await proxy();
    const list = value.replace('{port}', new URL(sandbox.url).port);
    const run = await umeet(instant(`bypass ${name}=${list}`), { HTTPS_PROXY: office.url, [name]: list });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(instants(`bypass ${name}=${list}`)).toHaveLength(1);
    expect(office.connects).toBe(0);
  });

  it.each(['example.com', 'localhost', '10.0.0.0/8', '127.0.0.1:1', '127.0.0.2'])(
    'NO_PROXY=%s does not match the server: through the proxy (loopback is not exempt by itself, as in curl)',
    async (list) => {
      const office = await proxy();
      expect((await umeet(['licence'], { HTTPS_PROXY: office.url, NO_PROXY: list })).code).toBe(0);
      expect(office.connects).toBe(1);
    },
  );
});

describe('proxy failures', () => {
  it('407 without credentials: one proxy line, exit 1, nothing reached the sandbox', async () => {
    const office = await proxy({ username: 'office.user', password: 'not-given-1' });
    const before = sandbox.requests.length;
    const run = await umeet(instant('needs a password'), { HTTPS_PROXY: office.url });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `umeet: proxy: the proxy ${office.address} given by HTTPS_PROXY asks for a user name and password (HTTP 407): put them in the proxy URL, http://user:password@host:port\n`,
    });
    expect(sandbox.requests.length).toBe(before);
    expect(office.tunnels).toBe(0);
  });

  it('credentials in the proxy URL are sent to the proxy, percent-decoded, and printed nowhere', async () => {
    const username = 'office.user';
    const password = 'pa:ss@w/rd%7é';
    const office = await proxy({ username, password });
    const url = `http://${encodeURIComponent(username)}:${encodeURIComponent(password)}@${office.address}`;
    const secrets = [password, encodeURIComponent(password), basic(username, password).slice(6), username];

    const created = await umeet(instant('with proxy credentials'), { HTTPS_PROXY: url });
    const id = JSON.parse(created.stdout).meeting_id;
    const runs = [created, await umeet(['info', id, '--proxy', url]), await umeet(['list', '--json'], { https_proxy: url })];
    for (const run of runs) {
      expect(run).toMatchObject({ code: 0, stderr: '' });
      for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
    }
    expect(instants('with proxy credentials')).toHaveLength(1);
    expect(office.authorizations).toEqual([basic(username, password), basic(username, password), basic(username, password)]);
    // The password went to the proxy only, never to the service.
    for (const request of sandbox.requests) expect(JSON.stringify(request)).not.toContain(password);
  });

  it('a SOCKS5 proxy takes the user name and password in its own sign-in; a wrong one is told, never printed', async () => {
    const socks = await startTestSocks({ username: 'li.si', password: 's0cks-pw-91' });
    try {
      // A process of its own: the entry keeps undici's notice that its SOCKS5 client is experimental off stderr.
      const good = await umeet(['licence', '--json', '--proxy', `socks5://li.si:s0cks-pw-91@${socks.address}`], {}, sandbox, {
        process: true,
      });
      expect(good).toMatchObject({ code: 0, stderr: '' });
      expect(socks.connects).toBe(1);
      const bad = await umeet(['licence', '--json', '--proxy', `socks5://li.si:wrong-pw-92@${socks.address}`]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(new RegExp(`^umeet: proxy: the proxy ${socks.address}.* refused the user name or password`));
      expect(bad.stdout + bad.stderr).not.toContain('wrong-pw-92');
    } finally {
      await socks.close();
    }
  });

  it('a wrong password: the refusal is told, the password is not', async () => {
    const office = await proxy({ username: 'office.user', password: 'right-one-2' });
    const before = sandbox.requests.length;
    const run = await umeet(['licence', '--json', '--proxy', `http://office.user:wrong-one-3@${office.address}`]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `umeet: proxy: the proxy ${office.address} given by --proxy refused the user name or password (HTTP 407)\n`,
    });
    expect(run.stderr).not.toContain('wrong-one-3');
    expect(sandbox.requests.length).toBe(before);
  });

  it('a proxy that is down: the line names its address and code, exit 1, nothing sent', async () => {
    const port = await deadPort();
    const before = sandbox.requests.length;
    const run = await umeet(instant('proxy down'), { HTTPS_PROXY: `http://someone:hunter2@127.0.0.1:${port}` });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `umeet: proxy: cannot reach the proxy 127.0.0.1:${port} given by HTTPS_PROXY (ECONNREFUSED)\n`,
    });
    expect(sandbox.requests.length).toBe(before);
  });

  it.each([
    [403, 'refused to connect to'],
    [502, 'could not reach'],
  ])('a proxy that answers CONNECT with %i: told as such, nothing sent', async (status, words) => {
    const office = await proxy();
    office.refuseWith(status);
    const before = sandbox.requests.length;
    const run = await umeet(instant(`refused ${status}`), { https_proxy: office.url });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `umeet: proxy: the proxy ${office.address} given by https_proxy ${words} ${server} (HTTP ${status})\n`,
    });
    expect(office.connects).toBe(1);
    expect(sandbox.requests.length).toBe(before);
  });

  it.each([
    [
      ['--proxy', 'ftp://someone:hunter2@127.0.0.1:21'],
      {},
      'umeet: invalid-input: --proxy: must be an http://, https:// or socks5:// URL, not ftp://\n',
    ],
    [['--proxy', 'http://'], {}, 'umeet: invalid-input: --proxy: must be a proxy URL such as http://proxy.example.com:8080\n'],
    [
      [],
      { HTTPS_PROXY: 'socks4://someone:hunter2@127.0.0.1:1080' },
      'umeet: invalid-input: HTTPS_PROXY must be an http://, https:// or socks5:// URL, not socks4://\n',
    ],
    [[], { https_proxy: 'http://someone:hunter2%zz@127.0.0.1:3128' }, /^umeet: invalid-input: https_proxy must percent-encode /],
  ])('a proxy that is not a proxy URL (%j %j): invalid-input, exit 2, nothing sent, no password echoed', async (args, env, stderr) => {
    const before = sandbox.requests.length;
    const run = await umeet(['licence', ...args], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr).not.toContain('hunter2');
    expect(sandbox.requests.length).toBe(before);
  });

  it('a proxy variable that does not apply is not read: http_proxy and HTTP_PROXY for an https server', async () => {
    const run = await umeet(['licence'], { http_proxy: 'not a url', HTTP_PROXY: 'ftp://x' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('certificates', () => {
  it('an untrusted certificate: one certificate line, exit 1, a create never sent and never tried twice', async () => {
    const before = { requests: sandbox.requests.length, connections: sandbox.connections };
    const run = await umeet(instant('untrusted'), { UMEET_CA_FILE: undefined });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `umeet: certificate: the certificate of ${server} is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE); behind a company proxy, add its CA certificate with UMEET_CA_FILE=/path/to/ca.pem\n`,
    });
    expect(sandbox.requests.length - before.requests).toBe(0);
    // One handshake, refused: the client did not connect a second time.
    expect(sandbox.connections - before.connections).toBe(1);
  });

  it('through a proxy too: one tunnel, one certificate line, nothing sent', async () => {
    const office = await proxy();
    const before = sandbox.requests.length;
    const run = await umeet(instant('untrusted via proxy'), { UMEET_CA_FILE: undefined, HTTPS_PROXY: office.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^umeet: certificate: the certificate of ${server} is not trusted \\(`));
    expect(office.connects).toBe(1);
    expect(sandbox.requests.length).toBe(before);
  });

  it('the company CA in the OS’s certificate store, and no UMEET_CA_FILE: trusted (tls.getCACertificates("system"), Node 24)', async () => {
    // The real path of core/api/trust.ts's systemCertificates(), which Node 20 did not have (its fallback read
    // nothing). On Linux Node reads the store where OpenSSL does, and SSL_CERT_FILE / SSL_CERT_DIR move it: here,
    // a store that holds the company CA alone.
    const store = mkdtempSync(join(tmpdir(), 'umeet-os-store-'));
    const os = { UMEET_CA_FILE: undefined, SSL_CERT_FILE: caFile, SSL_CERT_DIR: store };
    expect(await umeet(['licence', '--json'], os)).toMatchObject({ code: 0, stderr: '' });
    const office = await proxy();
    expect(await umeet(['licence', '--json'], { ...os, HTTPS_PROXY: office.url })).toMatchObject({ code: 0, stderr: '' });
    // The same store without the company CA: not trusted, so the line above came from the store.
    const other = await createTestCa('Another Company CA');
    const otherFile = join(store, 'other.pem');
    writeFileSync(otherFile, other.cert);
    const refused = await umeet(['licence', '--json'], { ...os, SSL_CERT_FILE: otherFile });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^umeet: certificate: the certificate of .* is not trusted/);
  });

  it('UMEET_CA_FILE with the company CA among other certificates: trusted, straight and through the proxy', async () => {
    const other = await createTestCa('Another Company CA');
    const bundle = join(dir, 'bundle.pem');
    writeFileSync(bundle, `# the company's roots\n${other.cert}\n${ca.cert}`);
    const office = await proxy();
    expect(await umeet(['licence', '--json'], { UMEET_CA_FILE: bundle })).toMatchObject({ code: 0, stderr: '' });
    expect(await umeet(['licence', '--json'], { UMEET_CA_FILE: bundle, HTTPS_PROXY: office.url })).toMatchObject({ code: 0, stderr: '' });
    expect(office.connects).toBe(1);
  });

  it.each([
    [
      'expired',
      { notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) },
      'has expired or is not valid yet (CERT_HAS_EXPIRED)',
    ],
    [
      'not yet valid',
      { notBefore: new Date(Date.now() + 86_400_000), notAfter: new Date(Date.now() + 10 * 86_400_000) },
      'has expired or is not valid yet (CERT_NOT_YET_VALID)',
    ],
    ['for another host', { hosts: ['api.example.com'] }, 'is for another host (ERR_TLS_CERT_ALTNAME_INVALID)'],
  ])('a certificate %s: its certificate line, exit 1, nothing sent', async (_name, issued, words) => {
    const other = await startSandbox({ tls: await ca.issue(issued) });
    try {
      const run = await umeet(['instant', '--topic', 'x', '--capacity', '10'], {}, other);
      expect(run).toEqual({ code: 1, stdout: '', stderr: `umeet: certificate: the certificate of ${new URL(other.url).host} ${words}\n` });
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it.each([
    ['missing', () => join(dir, 'nowhere.pem'), /cannot read .*nowhere\.pem \(ENOENT\)$/],
    ['a folder', () => dir, /cannot read .* \(EISDIR\)$/],
    ['without a certificate', () => write('notes.txt', 'not a certificate\n'), /no PEM certificate .*notes\.txt/],
    ['a private key only', () => write('key.pem', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'), /no PEM certificate/],
    [
      'with a damaged certificate',
      () => write('damaged.pem', `${ca.cert}-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n`),
      /certificate 2 .*damaged\.pem.* cannot be read/,
    ],
  ])('UMEET_CA_FILE %s: invalid-input on one line, exit 2, nothing sent', async (_name, path, message) => {
    const before = sandbox.requests.length;
    const run = await umeet(['licence'], { UMEET_CA_FILE: path() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^umeet: invalid-input: UMEET_CA_FILE must be a readable PEM file of certificates: [^\n]*\n$/);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(sandbox.requests.length).toBe(before);
  });
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('help', () => {
  it('--help documents --proxy, the proxy variables and UMEET_CA_FILE; a command’s help shows --proxy', async () => {
    const root = await umeet(['--help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(/^\s+--proxy <url>/m);
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'http_proxy', 'HTTP_PROXY', 'ALL_PROXY', 'NO_PROXY', 'UMEET_CA_FILE'])
      expect(root.stdout).toContain(name);
    const info = await umeet(['info', '--help']);
    expect(info.stdout).toMatch(/^\s+--proxy <url>/m);
  });
});
