import { describe, expect, it } from 'vitest';
import { redact, redactText, REDACTED } from '../../core/api/redact.js';

const zak =
  'eyJ6bV9za20iOiJ6bV9vMm0iLCJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJjbGllbnQiLCJ1aWQiOiJMLXpM.-qzrBzHf66b06ruZpt4gK2bzh6kZUXcEhmuvUOsofJs';

describe('redactText', () => {
  it('hides api_secret in a form body, keeping the other fields', () => {
    expect(redactText('api_key=k1&api_secret=s%2Bcret&topic=%E5%91%A8')).toBe(`api_key=k1&api_secret=${REDACTED}&topic=%E5%91%A8`);
  });

  it('hides the zak of a start_url and any JWT', () => {
    const text = `open https://u.systeccloud.com/s/1890181373?zak=${zak} now; bare ${zak}`;
    const out = redactText(text);
    expect(out).not.toContain(zak.slice(0, 20));
    expect(out).toContain('https://u.systeccloud.com/s/1890181373?zak=[redacted]');
  });

  it('hides token= pairs and every known secret value, raw or encoded', () => {
    const secret = 'p@ss w+rd/密钥';
    const out = redactText(`token=abc123 a ${secret} b ${encodeURIComponent(secret)} c ${new URLSearchParams({ x: secret })}`, [secret]);
    expect(out).toBe(`token=${REDACTED} a ${REDACTED} b ${REDACTED} c x=${REDACTED}`);
  });

  it('leaves ordinary text alone', () => {
    expect(redactText('会议号 1591620888 · host key 765418')).toBe('会议号 1591620888 · host key 765418');
  });
});

describe('redact', () => {
  it('replaces secret-named keys at any depth and redacts strings elsewhere', () => {
    const value = {
      meeting_id: '1591620888',
      start_url: `https://x/s/1?zak=${zak}`,
      token: '9AYkPEIrxUzZmU2ZWIQXVvaVlTM3M9',
      nested: [{ api_secret: 'shh-secret', note: `see ${zak}` }],
      empty: { token: '' },
    };
    expect(redact(value)).toEqual({
      meeting_id: '1591620888',
      start_url: REDACTED,
      token: REDACTED,
      nested: [{ api_secret: REDACTED, note: `see ${REDACTED}` }],
      empty: { token: '' },
    });
  });

  it('reduces errors to name, code and a redacted message, and survives cycles', () => {
    const error = Object.assign(new Error(`failed posting api_secret=hunter22&x=1`), { code: 'ECONNRESET' });
    const cyclic: Record<string, unknown> = { error };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({
      error: { name: 'Error', code: 'ECONNRESET', message: `failed posting api_secret=${REDACTED}&x=1` },
      self: '[cycle]',
    });
  });
});
