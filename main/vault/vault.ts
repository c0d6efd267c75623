import { z } from 'zod';
import {
  CredentialsInput,
  type CredentialRecord,
  type CredentialStorage,
  type StorageBackend,
  type Verification,
  type VaultStatus,
} from '../../common/credentials.js';
import type { Credentials } from '../../core/api/client.js';
import type { Logger } from '../../core/log.js';
import { checkedParse, type Checked } from '../../common/result.js';
import type { SecretCipher } from './secret-cipher.js';

/** What the vault needs of the store: the saved record and the weak-storage opt-in. */
export interface VaultStore {
  credentialRecord(): CredentialRecord | undefined;
  setCredentialRecord(record: CredentialRecord | undefined): void;
  settings(): { allowWeakCredentialStorage: boolean };
}

const keyringStorage: Partial<Record<StorageBackend, CredentialStorage>> = {
  keychain: 'keychain',
  dpapi: 'dpapi',
  gnome_libsecret: 'libsecret',
  kwallet: 'kwallet',
  kwallet5: 'kwallet',
  kwallet6: 'kwallet',
};

/**
 * Where credentials entered now would be kept, per backend: an OS keyring persists; Linux's
 * `basic_text` (no keyring found) and an unknown backend keep them for this run only, unless the
 * user accepted weak storage, which only `basic_text` can offer.
 */
export function storagePolicy(backend: StorageBackend, allowWeak: boolean): CredentialStorage {
  const keyring = keyringStorage[backend];
  if (keyring) return keyring;
  return backend === 'basic_text' && allowWeak ? 'weak' : 'session-only';
}

const Plain = z.object({ apiKey: z.string(), apiSecret: z.string() });

const unchecked: Verification = { state: 'unchecked' };

/** Same verdict: no change worth a write (a start-up that verifies again leaves `at` and the file alone). */
const sameVerdict = (a: Verification, b: Verification) =>
  a.state === b.state && (a.state !== 'refused' || b.state !== 'refused' || a.serviceMessage === b.serviceMessage);

/**
 * The one place the API secret lives. Decrypted once per run and then kept in main's memory
 * only; nothing it returns to the rest of the app but `get()` holds the secret, and no IPC
 * channel calls `get()`. A record that no longer decrypts is reported `locked` and kept (never
 * wiped) until the user enters the credentials again or clears them.
 */
export function createVault(options: { cipher: SecretCipher; store: VaultStore; now?: () => Date; log?: Logger }) {
  const { cipher, store, log } = options;
  const now = options.now ?? (() => new Date());
  let memory: Credentials | undefined;
  let sessionOnly = false;
  /** The verdict on credentials kept for this run only; a saved record carries its own. */
  let sessionVerification: Verification = unchecked;
  let locked = false;
  let loading: Promise<Credentials | undefined> | undefined;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  const sealed = sealedRecord({ cipher, store, now, log, changed });
  const { backend, policy, persist } = sealed;
  const fellBack = () => sealed.fellBack();

  async function decryptRecord(): Promise<Credentials | undefined> {
    const opened = await sealed.open();
    if (opened.state === 'none') return undefined;
    locked = opened.state === 'locked';
    if (locked) changed();
    return opened.state === 'open' ? opened.credentials : undefined;
  }

  /** The verdict on the credentials in use: the run's own, or the saved record's. */
  const verification = (): Verification =>
    memory && sessionOnly ? sessionVerification : (store.credentialRecord()?.verification ?? unchecked);

  return {
    status: (): VaultStatus =>
      statusOf({
        record: store.credentialRecord(),
        memory,
        sessionOnly,
        sessionVerification,
        locked,
        fellBack: fellBack(),
        keyringMissing: backend() === 'basic_text',
        verification: verification(),
      }),

    /** The credentials, for main's API client only. Decrypts at most once per run. */
    async get(): Promise<Credentials | undefined> {
      if (memory) return memory;
      loading ??= decryptRecord().then((credentials) => {
        memory = credentials;
        loading = undefined;
        return credentials;
      });
      return loading;
    },

    /**
     * Saves new credentials where the policy allows, or keeps them for this run only, with what the
     * service said of them (`unchecked` when it was not asked).
     */
    async set(input: unknown, verdict: Verification = unchecked): Promise<Checked<VaultStatus>> {
      const parsed = checkedParse(CredentialsInput, input);
      if (!parsed.ok) return parsed;
      const credentials = parsed.value;
      const where = policy();
      if (where === 'session-only' || !(await persist(credentials, verdict))) {
        // A record from an earlier keyring would now shadow what the user just typed: replace it.
        store.setCredentialRecord(undefined);
        sessionOnly = true;
      } else {
        sessionOnly = false;
      }
      sessionVerification = verdict;
      memory = credentials;
      locked = false;
      changed();
      return { ok: true, value: this.status() };
    },

    /**
     * Records what the service said of `checked`, the credentials a call was made with (as `get()`
     * gave them). Nothing happens if the user has entered or cleared credentials since (the answer
     * is about a pair no longer in use), or if the verdict is the one already recorded: a start-up
     * that verifies again does not rewrite the store. True when it changed something.
     */
    mark(checked: Credentials, verdict: Verification): boolean {
      if (!memory || memory !== checked || sameVerdict(verification(), verdict)) return false;
      if (sessionOnly) {
        sessionVerification = verdict;
      } else {
        const record = store.credentialRecord();
        if (!record) return false;
        store.setCredentialRecord({ ...record, verification: verdict });
      }
      changed();
      return true;
    },

    clear(): void {
      memory = undefined;
      sessionOnly = false;
      sessionVerification = unchecked;
      locked = false;
      store.setCredentialRecord(undefined);
      changed();
    },

    /**
     * Re-applies the storage policy after the weak-storage opt-in changed: credentials held for
     * this run only are saved once the user accepts weak storage, and a weak record is removed
     * (kept in memory for this run) once they withdraw it.
     */
    async applyPolicy(): Promise<void> {
      const where = policy();
      if (memory && sessionOnly && where !== 'session-only') {
        sessionOnly = !(await persist(memory, sessionVerification));
        changed();
      } else if (
        where === 'session-only' &&
        (store.credentialRecord()?.backend === 'basic_text' || (fellBack() && store.credentialRecord()))
      ) {
        memory ??= await this.get();
        // The verdict moves with the credentials into this run's memory.
        sessionVerification = store.credentialRecord()?.verification ?? unchecked;
        store.setCredentialRecord(undefined);
        sessionOnly = memory !== undefined;
        changed();
      }
    },

    /** Where a secret entered now would be kept: the same policy for every secret (the proxy password too). */
    where: (): CredentialStorage => policy(),

    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The saved record: the credentials sealed by the cipher (safeStorage in the app) and opened again. The
 * backend as it really protects is Electron's choice, unless a ciphertext showed that the key was the fixed
 * fallback one (then it protects like basic_text, whatever the backend's name).
 */
function sealedRecord(deps: { cipher: SecretCipher; store: VaultStore; now: () => Date; log?: Logger | undefined; changed: () => void }) {
  const { cipher, store, log } = deps;
  let fellBack = false;
  const backend = (): StorageBackend => (fellBack ? 'basic_text' : cipher.backend());
  const policy = () => storagePolicy(backend(), store.settings().allowWeakCredentialStorage);

  /** Saves the credentials where the policy allows; false when, as it turned out, only this run may keep them. */
  async function persist(credentials: Credentials, verification: Verification): Promise<boolean> {
    const ciphertext = await cipher.encrypt(JSON.stringify(credentials));
    if (!cipher.keptSecret(ciphertext) && !fellBack) {
      log?.warn('vault: the keyring did not give a key; the fixed fallback key was used', { backend: cipher.backend() });
      fellBack = true;
      deps.changed();
      if (policy() === 'session-only') return false;
    }
    store.setCredentialRecord({
      ciphertext: ciphertext.toString('base64'),
      backend: backend(),
      savedAt: deps.now().toISOString(),
      keyHint: credentials.apiKey.slice(-4),
      verification,
    });
    return true;
  }

  /** The saved credentials, decrypted; a record that no longer decrypts is `locked` (kept, never wiped). */
  async function open(): Promise<{ state: 'none' } | { state: 'locked' } | { state: 'open'; credentials: Credentials }> {
    const record = store.credentialRecord();
    if (!record) return { state: 'none' };
    try {
      const ciphertext = Buffer.from(record.ciphertext, 'base64');
      const { plainText, shouldReEncrypt } = await cipher.decrypt(ciphertext);
      if (!cipher.keptSecret(ciphertext)) fellBack = true;
      const credentials = Plain.parse(JSON.parse(plainText));
      if (shouldReEncrypt) await persist(credentials, record.verification ?? unchecked);
      return { state: 'open', credentials };
    } catch {
      // Not the secret, only the fact: the record stays for the user to replace or clear.
      log?.warn('vault: the saved credentials no longer decrypt', { backend: record.backend, now: cipher.backend() });
      return { state: 'locked' };
    }
  }

  return { backend, policy, persist, open, fellBack: () => fellBack };
}

/** What the vault's status says, from its state: where the credentials in use are kept, and the service's verdict. */
function statusOf(v: {
  record: CredentialRecord | undefined;
  memory: Credentials | undefined;
  sessionOnly: boolean;
  sessionVerification: Verification;
  locked: boolean;
  fellBack: boolean;
  keyringMissing: boolean;
  verification: Verification;
}): VaultStatus {
  const { record, memory, keyringMissing } = v;
  if (memory && v.sessionOnly) {
    return {
      configured: true,
      keyHint: memory.apiKey.slice(-4),
      storage: 'session-only',
      locked: false,
      keyringMissing,
      verification: v.sessionVerification,
    };
  }
  if (!record) return { configured: false, storage: 'none', locked: false, keyringMissing, verification: unchecked };
  // A record made with the fixed key is weak, whatever backend it was labelled with.
  const saved = v.fellBack ? 'basic_text' : record.backend;
  const storage = keyringStorage[saved] ?? (saved === 'basic_text' ? 'weak' : 'session-only');
  // A record that no longer decrypts is no pair in use: whatever the service said of it no longer counts.
  return {
    configured: !v.locked,
    keyHint: record.keyHint,
    storage,
    locked: v.locked,
    keyringMissing,
    verification: v.locked ? unchecked : v.verification,
  };
}

export type Vault = ReturnType<typeof createVault>;
