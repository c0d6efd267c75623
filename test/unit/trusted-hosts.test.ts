import { describe, expect, it } from 'vitest';
import { checkLink } from '../../core/link-allowlist.js';
import { hostOf, SettingsPatch } from '../../common/settings.js';

describe('trusted link hosts: what people paste keeps its host', () => {
  it.each([
    ['https://meet.example.com/path?x=1#y', 'meet.example.com'],
    ['http://Meet.Example.COM:8443/', 'meet.example.com'],
    ['meet.example.com/j/123', 'meet.example.com'],
    ['  live.example.org  ', 'live.example.org'],
    ['*.example.net', 'example.net'],
    ['example.org.', 'example.org'],
    ['meet.example.com:443', 'meet.example.com'],
  ])('%s → %s', (pasted, host) => {
    expect(hostOf(pasted)).toBe(host);
    expect(SettingsPatch.parse({ trustedLinkHosts: [pasted] }).trustedLinkHosts).toEqual([host]);
  });

  it('refuses what has no host, naming the entry that is wrong', () => {
    const parsed = SettingsPatch.safeParse({ trustedLinkHosts: ['meet.example.com', 'not a host', 'https://', 'localhost'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'trustedLinkHosts.1',
      'trustedLinkHosts.2',
      'trustedLinkHosts.3',
    ]);
  });

  it('a host kept from a pasted link is what the allowlist then trusts', () => {
    const hosts = SettingsPatch.parse({ trustedLinkHosts: ['https://meet.example.com/anything'] }).trustedLinkHosts ?? [];
    expect(checkLink('https://meet.example.com/j/1', { apiBaseUrl: 'https://api.systeccloud.com', extraHosts: hosts }).ok).toBe(true);
  });
});
