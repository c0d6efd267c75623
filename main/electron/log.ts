import { join } from 'node:path';
import type { LogLevel } from 'electron-log';
import { redact } from '../../core/api/redact.js';
import type { Logger } from '../../core/log.js';

/**
 * electron-log writes to the platform's log folder (~/Library/Logs/Umeet Tray on macOS,
 * %APPDATA%\Umeet Tray\logs on Windows, ~/.config/Umeet Tray/logs on Linux: Electron's
 * `app.getPath('logs')`, asked for when first needed) and to the console. Its Node flavour, not `electron-log/main`:
 * the main flavour registers an IPC channel of its own that takes log lines from any
 * renderer, which this app has no use for and no window may reach (every channel main answers
 * checks its sender; that one cannot).
 */
/**
 * The log's cap. Past it, electron-log moves main.log to main.old.log (replacing the one before) and
 * starts again: the logs of an app that runs for weeks stay under twice this, on disk, for good.
 */
export const LOG_MAX_BYTES = 1024 * 1024;

/** The logger main/index.ts makes: electron-log's, loaded with the first line (main/features/later.ts explains why later). */
export type AppLogger = Logger & {
  folder(): string;
  /** Loads electron-log now if no line has; rejects if it cannot load (a failed start). */
  loaded(): Promise<unknown>;
  /** Runs `then` once every line so far is with electron-log (at once if it is): before a dialog that ends the app. */
  whenWritten(then: () => void): void;
};

/**
 * electron-log (21 modules) is not read before the tray: it is imported with the first line written, which in a
 * start that goes well is "tray ready". A line written before it has loaded waits, with its time, and is handed
 * to electron-log as it was written once it has.
 */
export function createLogger(folder: () => string): AppLogger {
  type Line = { level: LogLevel; date: Date; data: unknown[] };
  const waiting: Line[] = [];
  let log: typeof import('electron-log/node').default | undefined;
  let loading: Promise<unknown> | undefined;
  const load = () =>
    (loading ??= import('electron-log/node').then(({ default: loaded }) => {
      // Resolved at the first line written, which is after `ready` in practice.
      loaded.transports.file.resolvePathFn = () => join(folder(), 'main.log');
      loaded.transports.file.level = 'info';
      loaded.transports.file.maxSize = LOG_MAX_BYTES;
      // Every line, whoever writes it, passes redact() before any transport sees it.
      loaded.hooks.push((message) => ({ ...message, data: message.data.map((item) => redact(item)) }));
      log = loaded;
      for (const line of waiting.splice(0)) loaded.processMessage(line);
    }));
  const write =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, ...details: unknown[]): void => {
      if (log) return log[level](message, ...details);
      waiting.push({ level, date: new Date(), data: [message, ...details] });
      // Told once, by `loaded`'s caller: a line is never a second report of the same failure.
      load().catch(() => undefined);
    };
  return {
    folder,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    loaded: load,
    whenWritten(then) {
      if (log || !waiting.length) then();
      else load().then(then, then);
    },
  };
}
