/**
 * The logging port the services write to. Main wires it to electron-log (a file in the app's
 * log folder plus the console); tests pass a recorder. Nothing passed here may hold a secret:
 * callers format requests and answers through the API client's redaction first.
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}
