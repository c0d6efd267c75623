import { z } from 'zod';
import { Licence } from './umeet-api.js';

/** Where safeStorage keeps its key: Electron's names on Linux, ours for macOS and Windows. */
export const StorageBackend = z.enum(['keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'basic_text', 'unknown']);
export type StorageBackend = z.infer<typeof StorageBackend>;

/** The longest service message kept with a refusal: the service's texts are one line; anything longer is cut. */
export const SERVICE_MESSAGE_MAX = 500;

/**
 * What the service last said of the saved credentials. They count (the tray's and the window's
 * attention marks go) only once it accepted them: `verified`. `refused` keeps the pair (a secret
 * rotated on the service's side must be told, not lose the user's record), with the service's own
 * words, already redacted by the API client. `unchecked`: saved without asking, or never asked
 * (a record from before this field existed).
 */
export const Verification = z.discriminatedUnion('state', [
  z.object({ state: z.literal('unchecked') }),
  z.object({ state: z.literal('verified'), at: z.iso.datetime({ offset: true }) }),
  z.object({
    state: z.literal('refused'),
    at: z.iso.datetime({ offset: true }),
    serviceMessage: z.string().max(SERVICE_MESSAGE_MAX).optional(),
  }),
]);
export type Verification = z.infer<typeof Verification>;

/** A secret as saved: safeStorage ciphertext (base64), the backend that made it, and when. Never the secret in clear. */
export const SecretRecord = z.object({
  ciphertext: z
    .base64()
    .min(1)
    .max(16 * 1024),
  backend: StorageBackend,
  savedAt: z.iso.datetime({ offset: true }),
});

/** The saved credentials: the ciphertext of `{"apiKey": …, "apiSecret": …}`. */
export const CredentialRecord = SecretRecord.extend({
  /** The last 4 characters of api_key, so the user can tell which key is saved. */
  keyHint: z.string().max(4),
  /** Optional, so a file written before it existed loads as it is (its pair reads as unchecked). */
  verification: Verification.optional(),
});
export type CredentialRecord = z.infer<typeof CredentialRecord>;

/** The proxy's password, saved like the API secret. */
export const ProxySecretRecord = SecretRecord;
export type ProxySecretRecord = z.infer<typeof ProxySecretRecord>;

/** Whether a proxy password is set, and where it is kept (never what it is). */
export const ProxyPasswordState = z.enum(['none', 'saved', 'session-only']);
export type ProxyPasswordState = z.infer<typeof ProxyPasswordState>;

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
  /** Whether the service accepted the pair in use; `unchecked` when there is none (nothing saved, or locked). */
  verification: Verification,
});
export type VaultStatus = z.infer<typeof VaultStatus>;

/** What the user types into the credentials form. */
export const CredentialsInput = z.strictObject({
  apiKey: z.string().trim().min(1, 'must not be blank').max(256),
  apiSecret: z.string().trim().min(1, 'must not be blank').max(256),
});
export type CredentialsInput = z.infer<typeof CredentialsInput>;

/** The `saveCredentials` request: the pair, and whether to ask the service first (the default). */
export const SaveCredentialsRequest = CredentialsInput.extend({ check: z.boolean().optional() });
export type SaveCredentialsRequest = z.input<typeof SaveCredentialsRequest>;

/**
 * What `saveCredentials` did. Only `verified` and `saved` stored the pair; after `refused` and
 * `unchecked` nothing changed, and the pair saved before (if any) is still the one in use.
 * `message` is in the user's language; `serviceMessage` is the service's own text.
 */
export const SaveCredentialsOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('verified'), status: VaultStatus, licence: Licence }),
  z.object({
    outcome: z.literal('refused'),
    status: VaultStatus,
    message: z.string(),
    serviceMessage: z.string().max(SERVICE_MESSAGE_MAX),
  }),
  z.object({ outcome: z.literal('unchecked'), status: VaultStatus, message: z.string() }),
  z.object({ outcome: z.literal('saved'), status: VaultStatus }),
]);
export type SaveCredentialsOutcome = z.infer<typeof SaveCredentialsOutcome>;
