import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, resolveAppFile } from '../../main/security/app-protocol.js';
import { contentSecurityPolicy } from '../../main/security/window-policy.js';

let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'umeet-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.html'), 'outside the root');
  serve = createAppRequestHandler(root);
});

describe('app:// protocol handler', () => {
  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const response = await serve(new Request('app://umeet/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>ok</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their type', async () => {
    const response = await serve(new Request('app://umeet/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://umeet/../secret.html',
    'app://umeet/%2e%2e/secret.html',
    'app://umeet/assets/..%2f..%2fsecret.html',
    'app://umeet/%E0%A4%A',
    'app://umeet/index.html%00.js',
    'app://other/index.html',
    'app://umeet/missing.html',
  ])('refuses %s', async (url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('answers only GET', async () => {
    expect((await serve(new Request('app://umeet/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('never resolves a file outside the root', () => {
    expect(resolveAppFile('app://umeet/assets/app.js', root)).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppFile('app://umeet/..%5csecret.html', root)).toBeNull();
  });
});

describe('content security policy', () => {
  it('allows no network, no inline script and no framing', () => {
    const directives = Object.fromEntries(
      contentSecurityPolicy.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toContain('unsafe-');
  });
});
