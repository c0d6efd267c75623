import type { Command, Section } from '../common/commands.js';

/**
 * The small interfaces the services receive instead of Electron: the app wires them to Electron's
 * modules in main/electron/, the tests to recorders. (SecretCipher, the vault's, is in vault/.)
 */

/** Opens a link in the default browser. Only ever called with a link the allowlist accepted. */
export type OpenLink = (url: string) => Promise<void>;

/** Electron 45's clipboard is asynchronous (electron.d.ts, Clipboard: `writeText(text): Promise<void>`). */
export interface Clipboard {
  writeText(text: string): Promise<void>;
  /** What the clipboard holds now, as the app sees it: a write can be dropped while this still answers it (Wayland). */
  readText(): Promise<string>;
  /**
   * Whether a write now may be dropped unseen, so that nothing may say "copied": a Wayland session while no window of
   * the app's has focus (docs/architecture.md, "Wayland"). Absent: never.
   */
  unconfirmable?(): boolean;
  /**
   * A copy the user asked for: where a write now is unconfirmable, the window is shown and the text written once it
   * has focus. Resolves whether it was written (false: focus never came). Absent: a plain write.
   */
  writeWhenFocused?(text: string): Promise<boolean>;
}

export interface Notice {
  title: string;
  body: string;
  /** What clicking the notification does, e.g. "check whether it was created". */
  onClick?: () => void;
  /** The OS refused to show it (e.g. macOS, for an unsigned app), with its reason. */
  onFailed?: (reason: string) => void;
}

/** Shows a system notification. Never given a secret: callers build notices from redacted text. */
export type Notify = (notice: Notice) => void;

/**
 * A notification as the services give it: clicking it runs a command (common/commands.ts), like a tray
 * item. The app turns the command into the click handler of the Notify port.
 */
export type CommandNotify = (notice: { title: string; body: string; command?: Command }) => void;

/** Asks the user to confirm something with consequences (a native dialog in the app). Its texts come from the caller. */
export type Confirm = (question: { title?: string; message: string; detail: string; confirm: string; cancel: string }) => Promise<boolean>;

/** Native file dialogs, opened by main (the window never touches files). Undefined: cancelled. */
export interface FileDialogs {
  chooseExportPath(options: { title: string; defaultName: string }): Promise<string | undefined>;
  chooseImportFile(options: { title: string }): Promise<string | undefined>;
  /** Where to save a meeting's calendar file (.ics). */
  chooseCalendarPath(options: { title: string; defaultName: string }): Promise<string | undefined>;
  /** Where to save a table as CSV (the Usage section's export). */
  chooseCsvPath(options: { title: string; defaultName: string }): Promise<string | undefined>;
}

/**
 * Opens a file with the OS's app for its type (a calendar file: the calendar app). Electron's
 * `shell.openPath` resolves with the error's message, '' on success (shell.md).
 */
export type OpenPath = (path: string) => Promise<string>;

/** The one window: shown on a section, with its title in the user's language. */
export interface WindowPort {
  /** Without a section, the window opens where the user left it. */
  show(section: Section | undefined, title: string): void;
}

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
