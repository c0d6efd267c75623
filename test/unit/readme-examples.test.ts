import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clockEnv } from './support/umeet-cli.js';

// The README's command-line examples stay true on any day: no fixed date is given to an option that wants one
// in the future (a past --start is refused, a past --at too); the dates are worked out by the shell lines the
// README gives, which this test runs as it shows them.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** The lines of the README's ```sh blocks. */
const shellLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => block[1]!.split('\n'));

describe('the README’s shell examples', () => {
  it('give no literal date to --at, --start or --until', () => {
    const dated = shellLines.filter((line) => /--(at|start|until)\s+"?\d{4}-\d{2}-\d{2}/.test(line));
    expect(dated).toEqual([]);
    // …and still show those options.
    expect(shellLines.some((line) => /umeet rooms --at "\$\w+ \d{2}:\d{2}"/.test(line))).toBe(true);
    expect(shellLines.some((line) => /umeet schedule .*--start "\$\w+ \d{2}:\d{2}"/.test(line))).toBe(true);
  });

  it.each([
    ['tomorrow', 1],
    ['monday', undefined],
  ] as const)('$%s is worked out by node -p as the README writes it', (name, days) => {
    const line = shellLines.find((l) => l.startsWith(`${name}=$(node -p '`));
    expect(line).toBeDefined();
    const script = /^\w+=\$\(node -p '(.*)'\)$/.exec(line!)![1]!;
    const zone = 'America/New_York';
    const today = () =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    // The day before and after the run: one of them is the child's, even across midnight.
    const before = today();
    const printed = execFileSync(process.execPath, ['-p', script], { env: { PATH: process.env.PATH ?? '', ...clockEnv(), TZ: zone } })
      .toString()
      .trim();
    const after = today();
    expect(printed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ahead = (from: string) => Math.round((Date.parse(printed) - Date.parse(from)) / 86_400_000);
    if (days !== undefined) expect([ahead(before), ahead(after)]).toContain(days);
    else {
      expect(new Date(`${printed}T12:00:00Z`).getUTCDay()).toBe(1);
      expect(ahead(after)).toBeGreaterThanOrEqual(before === after ? 1 : 0);
      expect(ahead(before)).toBeLessThanOrEqual(7);
    }
  });
});
