import { dirname } from 'node:path';
import log from 'electron-log/main';
import { redact } from '../api/redact.js';
import type { Logger } from '../log.js';

/**
 * electron-log writes to the platform's log folder (e.g. ~/Library/Logs/Umeet Tray on macOS,
 * %APPDATA%\Umeet Tray\logs on Windows, ~/.config/Umeet Tray/logs on Linux) and to the console.
 */
export function createLogger(): Logger & { folder(): string } {
  log.initialize({ preload: false });
  log.transports.file.level = 'info';
  // Every line, whoever writes it, passes redact() before any transport sees it.
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redact(item)) }));
  return {
    folder: () => dirname(log.transports.file.getFile().path),
    info: (message, ...details) => log.info(message, ...details),
    warn: (message, ...details) => log.warn(message, ...details),
    error: (message, ...details) => log.error(message, ...details),
  };
}
