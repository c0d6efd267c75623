import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { StorageBackend } from '../../../common/credentials.js';
import type { SecretCipher } from '../../../main/vault/secret-cipher.js';

/**
 * A real cipher (AES-256-GCM with a key of its own) standing in for safeStorage, which needs
 * Electron. A second instance has another key, exactly as a reset keyring would: what the first
 * encrypted, the second cannot decrypt.
 */
export function testCipher(
  backend: StorageBackend = 'gnome_libsecret',
  options: { keyringWorks?: boolean } = {},
): SecretCipher & { setBackend(b: StorageBackend): void } {
  const key = randomBytes(32);
  let current = backend;
  return {
    backend: () => current,
    setBackend: (b) => {
      current = b;
    },
    // As Chromium's os_crypt on Linux: a key from a working keyring, or the fixed fallback (basic_text, or a keyring that did not answer).
    keptSecret: () => current !== 'basic_text' && options.keyringWorks !== false,
    isAvailable: async () => true,
    async encrypt(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(cipherText) {
      const decipher = createDecipheriv('aes-256-gcm', key, cipherText.subarray(0, 12));
      decipher.setAuthTag(cipherText.subarray(12, 28));
      const plainText = Buffer.concat([decipher.update(cipherText.subarray(28)), decipher.final()]).toString('utf8');
      return { plainText, shouldReEncrypt: false };
    },
  };
}
