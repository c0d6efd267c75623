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
    async decrypt(cipherText) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(cipherText);
      return { plainText: result, shouldReEncrypt };
    },
  };
}
