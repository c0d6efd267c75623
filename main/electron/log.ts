import { join } from 'node:path';
import log from 'electron-log/node';
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

export function createLogger(folder: () => string): Logger & { folder(): string } {
  // Resolved at the first line written, which is after `ready` in practice.
  log.transports.file.resolvePathFn = () => join(folder(), 'main.log');
  log.transports.file.level = 'info';
  log.transports.file.maxSize = LOG_MAX_BYTES;
  // Every line, whoever writes it, passes redact() before any transport sees it.
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redact(item)) }));
  return {
    folder,
    info: (message, ...details) => log.info(message, ...details),
    warn: (message, ...details) => log.warn(message, ...details),
    error: (message, ...details) => log.error(message, ...details),
  };
}
