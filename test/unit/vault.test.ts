import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storePathOf, backupPathOf } from '../../main/store/store-file.js';
import { createVault, storagePolicy } from '../../main/vault/vault.js';
import { openTestStore, tempDir } from './support/temp-store.js';
import { testCipher } from './support/test-cipher.js';

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
    expect(vault.status()).toEqual({ configured: false, storage: 'none', locked: false, keyringMissing: false });

    expect(await vault.set(credentials)).toEqual({
      ok: true,
      value: { configured: true, keyHint: '1a2b', storage: 'libsecret', locked: false, keyringMissing: false },
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
    await createVault({ cipher: testCipher(), store }).set(credentials);
    store.flush();

    // The keyring was reset: a cipher with another key.
    const reopened = openTestStore(dir);
    const vault = createVault({ cipher: testCipher(), store: reopened });
    expect(await vault.get()).toBeUndefined();
    expect(vault.status()).toEqual({ configured: false, keyHint: '1a2b', storage: 'libsecret', locked: true, keyringMissing: false });
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
