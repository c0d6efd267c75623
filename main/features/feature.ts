import type { Command, CommandValue } from '../../common/commands.js';
import type { Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';
import type { Result } from '../../common/result.js';
import type { Settings } from '../../common/settings.js';
import type { AppState } from '../../common/window-state.js';
import type { Logger } from '../../core/log.js';
import type { ApiClients } from '../meetings/api-clients.js';
import type { IpcFunctions } from '../ipc/handle.js';
import type { PolicyGuard } from '../policy/guard.js';
import type { PolicyControl } from '../policy/policy.js';
import type { CommandNotify, Notify, Timers } from '../ports.js';
import type { Later } from './later.js';
import type { AppStore } from '../store/app-store.js';

/**
 * The seam every feature plugs into the app through (docs/architecture.md, "Features"). A feature is made
 * from the app's context and gives back what it adds: its part of the state, the commands and IPC channels
 * it carries out, what it does when the settings in force change, and its share of the app's lifecycle.
 * `createApp` (main/app.ts) merges them, and refuses a command or a channel carried out twice.
 */

/** One member of the command union, by its type. */
export type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;

/** What carries out each command: its answer is the one result shape (common/result.ts). */
export type CommandHandlers = {
  [T in Command['type']]: (command: CommandOf<T>) => Promise<Result<CommandValue>> | Result<CommandValue>;
};

export type { IpcFunctions } from '../ipc/handle.js';

/** What every feature is given. */
export interface AppContext {
  log: Logger & { folder(): string };
  now: () => Date;
  timers: Timers;
  /** The store as every service sees it under the company policy. */
  store: AppStore;
  /** The user's own store, beneath the policy: for recording which settings the user chose. */
  ownStore: AppStore;
  policy: PolicyControl;
  /** The policy's refusals (a locked setting, a company preset), in the user's language. */
  guard: PolicyGuard;
  locale: () => Locale;
  t: () => Translate;
  /** A notification; one the OS refuses becomes the tray's `lastEvent` line. */
  notify: Notify;
  /** A notification whose click runs a command, like a tray item. */
  commandNotify: CommandNotify;
  api: ApiClients;
  /** Tells the tray and the window that the state changed. */
  changed: () => void;
  /** Carries out a command (a notification's click, a launch): late-bound to the merged commands. */
  run: (command: Command) => Promise<Result<CommandValue>>;
  /** Code loaded once the tray shows, not with the entry (main/features/later.ts). */
  later: <T>(load: () => Promise<T>) => Later<T>;
}

/** A feature of the app, as `createApp` merges it. */
export interface Feature<K extends keyof AppState = never> {
  /** Its part of the app's state (common/window-state.ts, AppState). */
  state?: () => Pick<AppState, K>;
  commands?: Partial<CommandHandlers>;
  ipc?: Partial<IpcFunctions>;
  /** The settings in force changed (by the user, an import or the company policy): before and after. */
  onSettings?: (before: Settings, after: Settings) => void | Promise<void>;
  /** Once the tray shows: what could wait for it. */
  begin?: () => void;
  /** The tray menu is about to open. */
  warm?: () => void;
  /** The computer woke from sleep: what time or the network may have changed meanwhile. */
  resume?: () => void;
  /** Quit (and tests): timers and connections go. */
  stop?: () => void | Promise<void>;
}

/**
 * The features' commands and channels as one table each. A command or a channel that two features carry
 * out is a mistake of the code, found at start (every test starts the app), not a silent override.
 */
export function mergeTables<T extends object>(kind: string, tables: readonly (Partial<T> | undefined)[]): Partial<T> {
  const merged: Record<string, unknown> = {};
  for (const table of tables) {
    for (const [key, value] of Object.entries(table ?? {})) {
      if (key in merged) throw new Error(`the ${kind} "${key}" is carried out by two features`);
      merged[key] = value;
    }
  }
  return merged as Partial<T>;
}
