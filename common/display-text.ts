import { z } from 'zod';

/**
 * Text from outside (the service's topics, a policy, an import) as one readable line: control
 * characters and line breaks become spaces, and the bidirectional overrides and isolates that could
 * make a line read other than it is (CVE-2021-42574, "Trojan Source") are dropped; then it is cut to
 * `max` characters (code points, so a Chinese character or an emoji is never split).
 */
export function oneLine(text: string, max = 200): string {
  const line = text
    // eslint-disable-next-line no-control-regex -- these are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}

/**
 * A string schema whose value is shown as one line (`oneLine`): what the service, a company policy or an
 * import says is neutralised where it is parsed, so the tray, notifications, the window, the CLI and the log
 * all get the same readable line, and none of them has to remember to.
 */
export const lineOf = (max: number) => z.string().transform((text) => oneLine(text, max));
