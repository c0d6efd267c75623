import { z } from 'zod';

/** Where safeStorage keeps its key: Electron's names on Linux, ours for macOS and Windows. */
export const StorageBackend = z.enum(['keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'basic_text', 'unknown']);
export type StorageBackend = z.infer<typeof StorageBackend>;

/** The saved credentials: ciphertext only, never the key or the secret in clear. */
export const CredentialRecord = z.object({
  /** safeStorage ciphertext of `{"apiKey": …, "apiSecret": …}`, base64. */
  ciphertext: z
    .base64()
    .min(1)
    .max(16 * 1024),
  backend: StorageBackend,
  savedAt: z.iso.datetime({ offset: true }),
  /** The last 4 characters of api_key, so the user can tell which key is saved. */
  keyHint: z.string().max(4),
});
export type CredentialRecord = z.infer<typeof CredentialRecord>;

/**
 * What the rest of the app (and the window) may know about the credentials.
 * - `keychain`, `dpapi`, `libsecret`, `kwallet`: saved, encrypted by the OS keyring;
 * - `weak`: saved with Linux's `basic_text` backend, because the user accepted it;
 * - `session-only`: kept in memory for this run only (no keyring, weak storage not accepted);
 * - `none`: nothing entered.
 */
export const CredentialStorage = z.enum(['keychain', 'dpapi', 'libsecret', 'kwallet', 'weak', 'session-only', 'none']);
export type CredentialStorage = z.infer<typeof CredentialStorage>;

export const VaultStatus = z.object({
  configured: z.boolean(),
  keyHint: z.string().max(4).optional(),
  storage: CredentialStorage,
  /** A saved record no longer decrypts (keyring reset, backend changed): enter the credentials again. */
  locked: z.boolean(),
  /** No OS keyring on this Linux desktop: the user may opt in to weak storage. */
  keyringMissing: z.boolean(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

/** What the user types into the credentials form. */
export const CredentialsInput = z.strictObject({
  apiKey: z.string().trim().min(1, 'must not be blank').max(256),
  apiSecret: z.string().trim().min(1, 'must not be blank').max(256),
});
export type CredentialsInput = z.infer<typeof CredentialsInput>;
