import log from 'electron-log/main';
import type { Logger } from '../log.js';

/**
 * electron-log writes to the platform's log folder (e.g. ~/Library/Logs/Umeet Tray on macOS,
 * %APPDATA%\Umeet Tray\logs on Windows, ~/.config/Umeet Tray/logs on Linux) and to the console.
 */
export function createLogger(): Logger {
  log.initialize({ preload: false });
  log.transports.file.level = 'info';
  return {
    info: (message, ...details) => log.info(message, ...details),
    warn: (message, ...details) => log.warn(message, ...details),
    error: (message, ...details) => log.error(message, ...details),
  };
}
