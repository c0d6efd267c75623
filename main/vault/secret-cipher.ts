import type { StorageBackend } from '../../common/credentials.js';

/**
 * The port the vault encrypts through. In the app it is Electron's safeStorage (async API, used
 * only after `ready`; main/electron/safe-storage-cipher.ts); in tests a real AES-GCM cipher.
 */
export interface SecretCipher {
  /** Which OS store holds the key. Linux reports `basic_text` when no keyring was found. */
  backend(): StorageBackend;
  isAvailable(): Promise<boolean>;
  encrypt(plainText: string): Promise<Buffer>;
  /** Rejects when the ciphertext no longer decrypts (keyring reset, another backend, another machine). */
  decrypt(cipherText: Buffer): Promise<{ plainText: string; shouldReEncrypt: boolean }>;
}
