import type { Logger } from '../../../core/log.js';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  details: unknown[];
}

/** A Logger that keeps every line, so tests can assert what was (and was not) logged; `echo` sees each line too. */
export function recordingLogger(echo?: (line: LogLine) => void): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (message: string, ...details: unknown[]) => {
      lines.push({ level, message, details });
      echo?.({ level, message, details });
    };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
