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
  /** What clicking the notification does, e.g. "check whether it was created". */
  onClick?: () => void;
}

/** Shows a system notification. Never given a secret: callers build notices from redacted text. */
export type Notify = (notice: Notice) => void;

/** Asks the user to confirm something with consequences (a native dialog in the app). */
export type Confirm = (question: { message: string; detail: string; confirm: string; cancel: string }) => Promise<boolean>;

/** Timers, injectable so tests can count what is left running. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A refresh timer alone must never keep the process alive (the CLI, tests).
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
