import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storePathOf, backupPathOf } from '../../main/store/store-file.js';
import { createVault, storagePolicy } from '../../main/vault/vault.js';
import { openTestStore, tempDir } from './support/temp-store.js';
import { testCipher } from './support/test-cipher.js';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const secret = 'S3cr3t-Api-Secret-Value-9f8e7d';
const credentials = { apiKey: 'key-0000-1a2b', apiSecret: secret };

describe('storage policy per backend', () => {
  it.each([
    ['keychain', false, 'keychain'],
    ['dpapi', false, 'dpapi'],
    ['gnome_libsecret', false, 'libsecret'],
    ['kwallet', false, 'kwallet'],
    ['kwallet5', false, 'kwallet'],
    ['kwallet6', false, 'kwallet'],
    ['basic_text', false, 'session-only'],
    ['basic_text', true, 'weak'],
    ['unknown', true, 'session-only'],
  ] as const)('%s (weak storage accepted: %s) -> %s', (backend, allowWeak, expected) => {
    expect(storagePolicy(backend, allowWeak)).toBe(expected);
  });
});

describe('vault', () => {
  it('persists with a keyring, decrypts after a restart, and never writes the secret in clear', async () => {
    const dir = tempDir();
    const cipher = testCipher('gnome_libsecret');
    const store = openTestStore(dir);
    const vault = createVault({ cipher, store });
    expect(vault.status()).toEqual({
      configured: false,
      storage: 'none',
      locked: false,
      keyringMissing: false,
      verification: { state: 'unchecked' },
    });

    expect(await vault.set(credentials)).toEqual({
      ok: true,
      value: {
        configured: true,
        keyHint: '1a2b',
        storage: 'libsecret',
        locked: false,
        keyringMissing: false,
        verification: { state: 'unchecked' },
      },
    });
    store.flush();
    for (const file of [storePathOf(dir), backupPathOf(dir)]) {
      const raw = readFileSync(file, 'utf8');
      expect(raw).not.toContain(secret);
      expect(raw).not.toContain(Buffer.from(secret).toString('base64'));
      expect(raw).toContain('"keyHint": "1a2b"');
    }

    const restarted = createVault({ cipher, store: openTestStore(dir) });
    expect(restarted.status()).toMatchObject({ configured: true, keyHint: '1a2b', storage: 'libsecret' });
    expect(await restarted.get()).toEqual(credentials);
  });

  it('decrypts once per run, however many calls', async () => {
    const cipher = testCipher();
    const store = openTestStore(tempDir());
    await createVault({ cipher, store }).set(credentials);
    let decryptions = 0;
    const counting = { ...cipher, decrypt: (c: Buffer) => (decryptions++, cipher.decrypt(c)) };
    const vault = createVault({ cipher: counting, store });
    const all = await Promise.all([vault.get(), vault.get(), vault.get()]);
    await vault.get();
    expect(all).toEqual([credentials, credentials, credentials]);
    expect(decryptions).toBe(1);
  });

  it('keeps credentials for this run only without a keyring (basic_text), and persists once weak storage is accepted', async () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    const vault = createVault({ cipher: testCipher('basic_text'), store });
    expect(await vault.set(credentials)).toMatchObject({ ok: true, value: { storage: 'session-only', keyringMissing: true } });
    expect(await vault.get()).toEqual(credentials);
    store.flush();
    expect(store.credentialRecord()).toBeUndefined();
    expect(readFileSync(storePathOf(dir), 'utf8')).not.toContain('ciphertext');

    store.updateSettings({ allowWeakCredentialStorage: true });
    await vault.applyPolicy();
    expect(vault.status()).toMatchObject({ configured: true, storage: 'weak' });
    store.flush();
    expect(readFileSync(storePathOf(dir), 'utf8')).toContain('"backend": "basic_text"');
    expect(readFileSync(storePathOf(dir), 'utf8')).not.toContain(secret);

    // Withdrawing the consent removes the saved record but keeps this run working.
    store.updateSettings({ allowWeakCredentialStorage: false });
    await vault.applyPolicy();
    expect(store.credentialRecord()).toBeUndefined();
    expect(vault.status()).toMatchObject({ configured: true, storage: 'session-only' });
    expect(await vault.get()).toEqual(credentials);
  });

  it('reports locked, without crashing or wiping, when the record no longer decrypts', async () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    // Verified once; locked, it is no pair in use, so the verdict no longer counts.
    await createVault({ cipher: testCipher(), store }).set(credentials, { state: 'verified', at: '2026-03-02T01:30:00.000Z' });
    store.flush();

    // The keyring was reset: a cipher with another key.
    const reopened = openTestStore(dir);
    const vault = createVault({ cipher: testCipher(), store: reopened });
    expect(await vault.get()).toBeUndefined();
    expect(vault.status()).toEqual({
      configured: false,
      keyHint: '1a2b',
      storage: 'libsecret',
      locked: true,
      keyringMissing: false,
      verification: { state: 'unchecked' },
    });
    expect(reopened.credentialRecord()).toBeDefined();

    // Entering them again unlocks.
    expect(await vault.set(credentials)).toMatchObject({ ok: true, value: { configured: true, locked: false } });
    expect(await vault.get()).toEqual(credentials);
  });

  it('refuses blank input with the field named, and clear() forgets everything', async () => {
    const store = openTestStore(tempDir());
    const vault = createVault({ cipher: testCipher(), store });
    expect(await vault.set({ apiKey: 'k', apiSecret: '   ' })).toMatchObject({ ok: false, fields: [{ field: 'apiSecret' }] });
    await vault.set(credentials);
    vault.clear();
    expect(await vault.get()).toBeUndefined();
    expect(vault.status().configured).toBe(false);
    expect(store.credentialRecord()).toBeUndefined();
  });
});

describe('what the service said of the credentials', () => {
  const verified = { state: 'verified', at: '2026-03-02T01:30:00.000Z' } as const;
  const refused = { state: 'refused', at: '2026-03-02T01:40:00.000Z', serviceMessage: 'api_key 或 api_secret 错误' } as const;

  it('is kept with the record across a restart, and written only when it changes', async () => {
    const dir = tempDir();
    const cipher = testCipher();
    const store = openTestStore(dir);
    const vault = createVault({ cipher, store });
    await vault.set(credentials);
    expect(vault.status().verification).toEqual({ state: 'unchecked' });

    const inUse = (await vault.get())!;
    expect(vault.mark(inUse, verified)).toBe(true);
    store.flush();
    expect(readJson(storePathOf(dir)).credentials.verification).toEqual(verified);

    // Verified again at the next start: same verdict, so the file and its time stay as they were.
    const restarted = createVault({ cipher, store: openTestStore(dir) });
    expect(restarted.status().verification).toEqual(verified);
    const before = readFileSync(storePathOf(dir), 'utf8');
    expect(restarted.mark((await restarted.get())!, { state: 'verified', at: '2026-03-03T00:00:00.000Z' })).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(readFileSync(storePathOf(dir), 'utf8')).toBe(before);

    // Refused later (a secret rotated on the service's side): the pair stays, with the service's words.
    expect(restarted.mark((await restarted.get())!, refused)).toBe(true);
    expect(restarted.status()).toMatchObject({ configured: true, keyHint: '1a2b', verification: refused });
    expect(await restarted.get()).toEqual(credentials);
  });

  it('is not recorded for credentials that are no longer the ones in use', async () => {
    const store = openTestStore(tempDir());
    const vault = createVault({ cipher: testCipher(), store });
    await vault.set(credentials);
    const old = (await vault.get())!;
    await vault.set({ apiKey: 'key-0000-9z9z', apiSecret: 'another-secret' }, verified);
    expect(vault.mark(old, refused)).toBe(false);
    expect(vault.status()).toMatchObject({ keyHint: '9z9z', verification: verified });
    vault.clear();
    expect(vault.mark(old, refused)).toBe(false);
    expect(vault.status().verification).toEqual({ state: 'unchecked' });
  });

  it('stays in memory with credentials kept for this run only, and goes with them into the file once weak storage is accepted', async () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    const vault = createVault({ cipher: testCipher('basic_text'), store });
    await vault.set(credentials, verified);
    expect(vault.status()).toMatchObject({ storage: 'session-only', verification: verified });
    expect(vault.mark((await vault.get())!, refused)).toBe(true);
    expect(vault.status().verification).toEqual(refused);

    store.updateSettings({ allowWeakCredentialStorage: true });
    await vault.applyPolicy();
    store.flush();
    expect(readJson(storePathOf(dir)).credentials.verification).toEqual(refused);
    store.updateSettings({ allowWeakCredentialStorage: false });
    await vault.applyPolicy();
    expect(vault.status()).toMatchObject({ storage: 'session-only', verification: refused });
  });
});

describe('what the keyring really protects (Linux)', () => {
  it('a keyring backend whose key turned out to be the fixed fallback is treated as no keyring: this run only, or weak with consent', async () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    const vault = createVault({ cipher: testCipher('gnome_libsecret', { keyringWorks: false }), store });
    expect(await vault.set(credentials)).toMatchObject({ ok: true, value: { storage: 'session-only', keyringMissing: true } });
    store.flush();
    expect(readFileSync(storePathOf(dir), 'utf8')).not.toContain('ciphertext');

    // With the user's consent to weak storage, it is saved, and called what it is.
    store.updateSettings({ allowWeakCredentialStorage: true });
    await vault.applyPolicy();
    expect(vault.status()).toMatchObject({ configured: true, storage: 'weak', keyringMissing: true });
    store.flush();
    expect(readFileSync(storePathOf(dir), 'utf8')).toContain('"backend": "basic_text"');
  });

  it('after a restart, a record made with the fixed key is still reported weak', async () => {
    const dir = tempDir();
    const store = openTestStore(dir);
    store.updateSettings({ allowWeakCredentialStorage: true });
    const cipher = testCipher('gnome_libsecret', { keyringWorks: false });
    await createVault({ cipher, store }).set(credentials);
    store.flush();
    const again = createVault({ cipher, store: openTestStore(dir) });
    expect(await again.get()).toEqual(credentials);
    expect(again.status()).toMatchObject({ storage: 'weak', keyringMissing: true });
  });
});
