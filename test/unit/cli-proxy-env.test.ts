import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaFile } from '../../cli/ca-file.js';
import { bypassesProxy, chooseProxy, parseProxyUrl, proxyVariable } from '../../cli/proxy-env.js';
import { createTestCa } from './support/tls-fixtures.js';

// The pure half of `umeet` behind a proxy: which variable is read, how NO_PROXY matches, what a
// proxy URL means. The CLI as a process, through a real proxy, is in cli-proxy.test.ts.

const https = new URL('https://api.example.com');
const http = new URL('http://127.0.0.1:8787');

describe('parseProxyUrl', () => {
  it.each([
    ['http://proxy.corp:3128', { kind: 'http', host: 'proxy.corp', port: 3128 }],
    ['proxy.corp:3128', { kind: 'http', host: 'proxy.corp', port: 3128 }],
    ['  http://proxy.corp:3128/  ', { kind: 'http', host: 'proxy.corp', port: 3128 }],
    ['http://proxy.corp', { kind: 'http', host: 'proxy.corp', port: 80 }],
    ['https://proxy.corp', { kind: 'https', host: 'proxy.corp', port: 443 }],
    ['socks5://127.0.0.1:1080', { kind: 'socks5', host: '127.0.0.1', port: 1080 }],
    ['socks5h://gateway:1080', { kind: 'socks5', host: 'gateway', port: 1080 }],
    ['http://[::1]:8080', { kind: 'http', host: '::1', port: 8080 }],
  ])('%s is the route %j, without credentials', (text, route) => {
    expect(parseProxyUrl(text)).toEqual({ ok: true, route });
  });

  it('takes the user name and password out of the URL, percent-decoded', () => {
    expect(parseProxyUrl('http://office%40corp:p%3Ass%2Fw%25rd@proxy.corp:3128')).toEqual({
      ok: true,
      route: { kind: 'http', host: 'proxy.corp', port: 3128 },
      auth: { username: 'office@corp', password: 'p:ss/w%rd' },
    });
    expect(parseProxyUrl('http://office@proxy.corp:3128')).toMatchObject({ auth: { username: 'office', password: '' } });
  });

  it.each([
    ['ftp://secret-user:secret-pass@proxy.corp:21', 'must be an http://, https:// or socks5:// URL, not ftp://'],
    ['socks4://secret-user:secret-pass@proxy.corp:1080', 'must be an http://, https:// or socks5:// URL, not socks4://'],
    ['http://', 'must be a proxy URL such as http://proxy.example.com:8080'],
    ['http://secret-user:secret-pass@proxy.corp:99999', 'must be a proxy URL such as http://proxy.example.com:8080'],
    ['http://proxy.corp:0', 'must have a port from 1 to 65535'],
    [
      'http://secret-user:secret-pass%zz@proxy.corp:3128',
      'must percent-encode its user name and password (a % is followed by two hex digits)',
    ],
  ])('refuses %s, quoting no credential', (text, problem) => {
    const parsed = parseProxyUrl(text);
    expect(parsed).toEqual({ ok: false, problem });
    expect(JSON.stringify(parsed)).not.toMatch(/secret/);
  });
});

describe('proxyVariable: the one curl would read', () => {
  it.each([
    [https, { HTTPS_PROXY: 'a' }, 'HTTPS_PROXY'],
    [https, { https_proxy: 'b', HTTPS_PROXY: 'a' }, 'https_proxy'],
    [https, { https_proxy: '', HTTPS_PROXY: 'a' }, 'HTTPS_PROXY'],
    [https, { ALL_PROXY: 'c' }, 'ALL_PROXY'],
    [https, { all_proxy: 'd', ALL_PROXY: 'c' }, 'all_proxy'],
    [https, { HTTPS_PROXY: 'a', all_proxy: 'd' }, 'HTTPS_PROXY'],
    [https, { http_proxy: 'e', HTTP_PROXY: 'f' }, undefined],
    [http, { http_proxy: 'e' }, 'http_proxy'],
    [http, { HTTP_PROXY: 'f' }, undefined],
    [http, { HTTP_PROXY: 'f', ALL_PROXY: 'c' }, 'ALL_PROXY'],
    [http, { HTTPS_PROXY: 'a', https_proxy: 'b' }, undefined],
  ])('%s with %j reads %s', (url, env, name) => {
    expect(proxyVariable(url, env)?.name).toBe(name);
  });
});

describe('bypassesProxy: NO_PROXY as curl reads it', () => {
  it.each([
    // `*` alone: everything.
    ['*', 'api.example.com', 443, true],
    [' * ', '127.0.0.1', 8787, true],
    ['*,example.com', 'other.com', 443, false],
    ['', 'api.example.com', 443, false],
    // A name: itself and its subdomains, a leading dot or not, any case, a trailing dot ignored.
    ['example.com', 'example.com', 443, true],
    ['example.com', 'api.example.com', 443, true],
    ['.example.com', 'example.com', 443, true],
    ['.example.com', 'a.b.example.com', 443, true],
    ['EXAMPLE.com.', 'Api.Example.COM', 443, true],
    ['*.example.com', 'api.example.com', 443, true],
    ['example.com', 'notexample.com', 443, false],
    ['example.com', 'example.com.cn', 443, false],
    ['api.example.com', 'example.com', 443, false],
    ['bücher.example', 'xn--bcher-kva.example', 443, true],
    // :port narrows an entry to that port.
    ['example.com:443', 'api.example.com', 443, true],
    ['example.com:8443', 'api.example.com', 443, false],
    ['127.0.0.1:8787', '127.0.0.1', 8787, true],
    ['127.0.0.1:8788', '127.0.0.1', 8787, false],
    // Addresses and CIDR ranges.
    ['127.0.0.1', '127.0.0.1', 443, true],
    ['127.0.0.0/8', '127.1.2.3', 443, true],
    ['192.168.0.0/16', '192.168.255.1', 443, true],
    ['10.0.0.0/8', '11.0.0.1', 443, false],
    ['0.0.0.0/0', '8.8.8.8', 443, true],
    ['127.0.0.1/33', '127.0.0.1', 443, false],
    ['127.0.0.1/x', '127.0.0.1', 443, false],
    ['::1', '[::1]', 443, true],
    ['[::1]:8080', '[::1]', 8080, true],
    ['fd00::/8', '[fd12::1]', 443, true],
    ['fd00::/8', '[fe80::1]', 443, false],
    // Names are names and addresses addresses: nothing is resolved, loopback has no exemption.
    ['localhost', '127.0.0.1', 443, false],
    ['127.0.0.1', 'localhost', 443, false],
    ['example.com', '127.0.0.1', 443, false],
    // A list: commas, blanks and empty entries.
    ['a.com, ,b.com,,127.0.0.1', '127.0.0.1', 443, true],
    [' a.com , b.com ', 'x.b.com', 443, true],
  ])('NO_PROXY=%j, host %s port %i: %s', (list, host, port, expected) => {
    expect(bypassesProxy(list, host, port)).toBe(expected);
  });
});

describe('chooseProxy', () => {
  const office = { kind: 'http', host: 'proxy.corp', port: 3128 };

  it("--proxy '' is straight, whatever the environment says", () => {
    expect(chooseProxy({ option: '', env: { HTTPS_PROXY: 'http://proxy.corp:3128', ALL_PROXY: 'x' }, apiUrl: https })).toEqual({
      ok: true,
      route: { kind: 'direct' },
    });
  });

  it('--proxy wins over the variables and NO_PROXY alike, and names itself as the source', () => {
    expect(chooseProxy({ option: 'proxy.corp:3128', env: { https_proxy: 'http://other:1', NO_PROXY: '*' }, apiUrl: https })).toEqual({
      ok: true,
      route: office,
      source: '--proxy',
    });
  });

  it('a variable names itself; NO_PROXY (lower case first) sends a listed server straight', () => {
    expect(chooseProxy({ option: undefined, env: { https_proxy: 'http://proxy.corp:3128' }, apiUrl: https })).toEqual({
      ok: true,
      route: office,
      source: 'https_proxy',
    });
    const both = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'api.example.com' };
    expect(chooseProxy({ option: undefined, env: both, apiUrl: https })).toEqual({ ok: true, route: { kind: 'direct' } });
    expect(chooseProxy({ option: undefined, env: { ...both, no_proxy: 'other.com' }, apiUrl: https })).toMatchObject({ route: office });
    // The server's default port counts for an entry with a port.
    const port = { HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: 'api.example.com:443' };
    expect(chooseProxy({ option: undefined, env: port, apiUrl: https })).toEqual({ ok: true, route: { kind: 'direct' } });
  });

  it('a bad variable is a problem named after it, unless NO_PROXY means it is not used', () => {
    expect(chooseProxy({ option: undefined, env: { HTTPS_PROXY: 'ftp://proxy.corp' }, apiUrl: https })).toEqual({
      ok: false,
      source: 'HTTPS_PROXY',
      problem: 'must be an http://, https:// or socks5:// URL, not ftp://',
    });
    expect(chooseProxy({ option: undefined, env: { HTTPS_PROXY: 'ftp://proxy.corp', NO_PROXY: '*' }, apiUrl: https })).toMatchObject({
      ok: true,
    });
  });

  it('carries the proxy credentials of the chosen URL only', () => {
    const chosen = chooseProxy({
      option: undefined,
      env: { https_proxy: 'http://u:p@proxy.corp:3128', ALL_PROXY: 'http://x:y@z:1' },
      apiUrl: https,
    });
    expect(chosen).toEqual({ ok: true, route: office, auth: { username: 'u', password: 'p' }, source: 'https_proxy' });
  });
});

describe('readCaFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'umeet-ca-file-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads every certificate of a bundle, ignoring the text around them', async () => {
    const [one, two] = await Promise.all([createTestCa('One'), createTestCa('Two')]);
    const read = readCaFile(file('bundle.pem', `# One\n${one.cert}\n\n# Two\r\n${two.cert.replace(/\n/g, '\r\n')}`));
    expect(read.ok && read.pems.length).toBe(2);
    expect(read.ok && read.pems[0]).toBe(`${one.cert.trim()}\n`);
  });

  it.each([
    ['missing', () => join(dir, 'none.pem'), /^cannot read .*none\.pem \(ENOENT\)$/],
    ['a folder', () => dir, /^cannot read .* \(EISDIR\)$/],
    ['empty', () => file('empty.pem', ''), /^no PEM certificate \(-----BEGIN CERTIFICATE-----\) in .*empty\.pem$/],
    ['DER, not PEM', () => file('ca.der', '\u0030\u0082\u0001\u0000'), /^no PEM certificate/],
    [
      'damaged',
      () => file('bad.pem', '-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----\n'),
      /^certificate 1 in .*bad\.pem cannot be read$/,
    ],
  ])('a file %s is a problem that names it', (_name, path, problem) => {
    const read = readCaFile(path());
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problem).toMatch(problem);
  });
});
