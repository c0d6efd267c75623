import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import { describe, expect, it } from 'vitest';
import { RECENT_LIMIT } from '../../common/recent.js';
import { createLogger, LOG_MAX_BYTES } from '../../main/electron/log.js';
import { openAppStore } from '../../main/store/app-store.js';
import { storePathOf } from '../../main/store/store-file.js';
import { tempDir } from './support/temp-store.js';

// An app that runs for weeks writes two files without end in sight: its log and its store. Both stay bounded.

describe('the log', () => {
  it('rotates at its cap: main.log starts again, the one before is kept as main.old.log, and no more', async () => {
    const dir = tempDir();
    const log = createLogger(() => dir);
    // The file is what is measured; three megabytes on the test's own output would only drown it.
    const console = electronLog.transports.console.level;
    electronLog.transports.console.level = false;
    const line = `a line that repeats to fill the log ${'·'.repeat(200)}`;
    // Three times the cap: it rotates twice, and only one old file is ever kept.
    const lines = Math.ceil((3 * LOG_MAX_BYTES) / Buffer.byteLength(line));
    for (let i = 0; i < lines; i++) log.info(line, { i });
    // electron-log writes as it goes; give the last write its turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const main = join(dir, 'main.log');
    const old = join(dir, 'main.old.log');
    expect(existsSync(old)).toBe(true);
    // One line over, at most: the check happens before each write.
    expect(statSync(main).size).toBeLessThanOrEqual(LOG_MAX_BYTES + 2 * Buffer.byteLength(line));
    expect(statSync(old).size).toBeLessThanOrEqual(LOG_MAX_BYTES + 2 * Buffer.byteLength(line));
    expect(readFileSync(main, 'utf8')).toContain(`i: ${lines - 1}`);
    electronLog.transports.console.level = console;
  });
});

describe('the log before electron-log has loaded', () => {
  it('writes the lines that came first, in order and redacted, once it has (it loads with the first line)', async () => {
    const dir = tempDir();
    const log = createLogger(() => dir);
    const console = electronLog.transports.console.level;
    electronLog.transports.console.level = false;
    log.info('first line', { api_secret: 'do-not-log-me' });
    log.warn('second line');
    // Nothing is written until electron-log has loaded; a dialog waits for it (main/electron/failures.ts).
    await new Promise<void>((resolve) => log.whenWritten(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(text.indexOf('first line')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('second line')).toBeGreaterThan(text.indexOf('first line'));
    expect(text).not.toContain('do-not-log-me');
    electronLog.transports.console.level = console;
  });
});

describe('the store file', () => {
  it('keeps the last ten meetings however many are started: the file does not grow with use', () => {
    const dir = tempDir();
    const store = openAppStore({ dir, locale: 'en' });
    const sizes: number[] = [];
    for (let i = 0; i < 500; i++) {
      const added = store.addRecent({
        meetingId: String(1_000_000_000 + i),
        topic: `Weekly ${i}`,
        presetId: 'quick-meeting',
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        capacity: 10,
        joinUrl: `https://meeting.systeccloud.com/j/${1_000_000_000 + i}`,
        state: 'waiting',
      });
      expect(added.ok).toBe(true);
      if (i === RECENT_LIMIT || i === 499) {
        store.flush();
        sizes.push(statSync(storePathOf(dir)).size);
      }
    }
    expect(store.recent()).toHaveLength(RECENT_LIMIT);
    expect(store.recent()[0]?.topic).toBe('Weekly 499');
    // At 11 meetings and at 500: the same size, give or take the digits of the numbers in it.
    expect(Math.abs(sizes[1]! - sizes[0]!)).toBeLessThan(64);
  });
});
