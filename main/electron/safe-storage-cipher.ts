import { safeStorage } from 'electron';
import type { StorageBackend } from '../../common/credentials.js';
import type { SecretCipher } from '../vault/secret-cipher.js';

/**
 * safeStorage behind the SecretCipher port, through its async API (Electron 45). Create it only
 * after `app` is ready: before that, Linux reports the backend as `unknown`.
 */
export function createSafeStorageCipher(): SecretCipher {
  return {
    backend(): StorageBackend {
      if (process.platform === 'darwin') return 'keychain';
      if (process.platform === 'win32') return 'dpapi';
      return safeStorage.getSelectedStorageBackend();
    },
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
    // Chromium's os_crypt on Linux: `v11` is a key from the keyring (libsecret, KWallet), `v10` the fixed
    // key it falls back to (and what basic_text uses). macOS (Keychain) and Windows (DPAPI) write `v10` with a
    // key the OS keeps, so only Linux needs the check.
    keptSecret: (cipherText) => process.platform !== 'linux' || cipherText.subarray(0, 3).toString('latin1') === 'v11',
    async decrypt(cipherText) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(cipherText);
      return { plainText: result, shouldReEncrypt };
    },
  };
}
