import { describe, expect, it } from 'vitest';
import { checkLink, trustDomainOf } from '../../core/link-allowlist.js';

const production = { apiBaseUrl: 'https://api.systeccloud.com' };

describe('link allowlist', () => {
  it.each([
    'https://u.systeccloud.com/j/1591620888',
    'https://systeccloud.com/s/1?zak=abc',
    'https://meet.umeet.com.cn/j/1',
    'https://wx.vzan.com/live/tvchat-1590377657?ver=6',
  ])('opens %s', (url) => {
    expect(checkLink(url, production)).toEqual({ ok: true, url: new URL(url).href });
  });

  it.each([
    ['http://u.systeccloud.com/j/1', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['smb://systeccloud.com/share', 'scheme'],
    ['https://user:pw@u.systeccloud.com/j/1', 'userinfo'],
    ['https://evil.example/j/1', 'host'],
    ['https://systeccloud.com.evil.example/j/1', 'host'],
    ['https://evilsysteccloud.com/j/1', 'host'],
    ['https://127.0.0.1/j/1', 'host'],
    ['not a url', 'not-a-url'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(checkLink(url, production)).toMatchObject({ ok: false, reason });
  });

  it('trusts the registrable domain of a private deployment, not its public suffix', () => {
    const policy = { apiBaseUrl: 'https://api.meet.example.com.cn' };
    expect(trustDomainOf('api.meet.example.com.cn')).toBe('example.com.cn');
    expect(checkLink('https://join.example.com.cn/j/1', policy).ok).toBe(true);
    expect(checkLink('https://other.com.cn/j/1', policy)).toMatchObject({ ok: false, reason: 'host', host: 'other.com.cn' });
  });

  it('trusts the hosts the user added, and their subdomains', () => {
    const policy = { ...production, extraHosts: ['meet.corp.example'] };
    expect(checkLink('https://meet.corp.example/x', policy).ok).toBe(true);
    expect(checkLink('https://a.meet.corp.example/x', policy).ok).toBe(true);
    expect(checkLink('https://corp.example/x', policy).ok).toBe(false);
  });

  it('allows http only for loopback links while the API itself is a loopback sandbox', () => {
    const sandbox = { apiBaseUrl: 'http://127.0.0.1:8787' };
    expect(checkLink('http://127.0.0.1:8787/j/1', sandbox).ok).toBe(true);
    expect(checkLink('http://u.systeccloud.com/j/1', sandbox)).toMatchObject({ ok: false, reason: 'scheme' });
    expect(checkLink('http://127.0.0.1:8787/j/1', production)).toMatchObject({ ok: false, reason: 'scheme' });
  });
});
