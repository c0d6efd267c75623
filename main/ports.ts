/**
 * The small interfaces the services receive instead of Electron: the app wires them to Electron's
 * modules in main/electron/, the tests to recorders. (SecretCipher, the vault's, is in vault/.)
 */

/** Opens a link in the default browser. Only ever called with a link the allowlist accepted. */
export type OpenLink = (url: string) => Promise<void>;

export interface Clipboard {
  writeText(text: string): void;
}

export interface Notice {
  title: string;
  body: string;
}

/** Shows a system notification. Never given a secret: callers build notices from redacted text. */
export type Notify = (notice: Notice) => void;

export interface Clock {
  now(): Date;
}
