import type { CredentialStorage, ProxyPasswordState, ProxySecretRecord } from '../../common/credentials.js';
import type { Logger } from '../../core/log.js';
import type { SecretCipher } from './secret-cipher.js';

/** What the proxy password needs of the store. */
export interface ProxyPasswordStore {
  proxySecretRecord(): ProxySecretRecord | undefined;
  setProxySecretRecord(record: ProxySecretRecord | undefined): void;
}

/**
 * The proxy's password, kept like the API secret: encrypted with the same cipher, saved where the
 * vault's policy saves secrets (`where`), for this run only when that policy says so, never shown
 * back, logged or sent anywhere but to the proxy. Decrypted once, then kept in main's memory.
 */
export function createProxyPassword(options: {
  cipher: SecretCipher;
  store: ProxyPasswordStore;
  /** Where a secret entered now would be kept (the vault's policy: keyring, weak, this run only). */
  where: () => CredentialStorage;
  now?: () => Date;
  log?: Logger;
}) {
  const { cipher, store, log } = options;
  const now = options.now ?? (() => new Date());
  let memory: string | undefined;
  let loaded = false;
  let sessionOnly = false;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  return {
    async get(): Promise<string | undefined> {
      if (loaded) return memory;
      const record = store.proxySecretRecord();
      if (record) {
        try {
          memory = (await cipher.decrypt(Buffer.from(record.ciphertext, 'base64'))).plainText;
        } catch {
          // Kept, for the user to enter again: the proxy will say it wants one.
          log?.warn('vault: the saved proxy password no longer decrypts', { backend: record.backend });
        }
      }
      loaded = true;
      return memory;
    },

    /** Sets the password (null removes it), saved where secrets go, or for this run only. */
    async set(password: string | null): Promise<void> {
      memory = password ?? undefined;
      loaded = true;
      sessionOnly = false;
      if (password === null) store.setProxySecretRecord(undefined);
      else if (options.where() === 'session-only') {
        store.setProxySecretRecord(undefined);
        sessionOnly = true;
      } else {
        const ciphertext = await cipher.encrypt(password);
        store.setProxySecretRecord({ ciphertext: ciphertext.toString('base64'), backend: cipher.backend(), savedAt: now().toISOString() });
      }
      changed();
    },

    state(): ProxyPasswordState {
      if (sessionOnly && memory !== undefined) return 'session-only';
      return store.proxySecretRecord() ? 'saved' : 'none';
    },

    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type ProxyPassword = ReturnType<typeof createProxyPassword>;
