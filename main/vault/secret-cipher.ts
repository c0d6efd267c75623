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
  /**
   * Whether this ciphertext was made with a key the OS keeps secret. Not always what `backend()`
   * says: on Linux the backend is chosen from the desktop without probing the keyring, and when the
   * Secret Service does not answer Chromium falls back to a fixed key (its ciphertext starts `v10`,
   * a keyring key's `v11`).
   */
  keptSecret(cipherText: Buffer): boolean;
}
