import { describe, expect, it } from 'vitest';
import { translator } from '../../common/i18n/index.js';
import { dayAndTime, untilNextDay } from '../../common/relative-day.js';

// Local times: the window shows the user's own clock.
const now = new Date(2026, 2, 2, 0, 10);
const en = translator('en');
const zh = translator('zh-CN');

describe('dayAndTime', () => {
  it('says today and yesterday by the local calendar, not by 24 hours', () => {
    expect(dayAndTime(new Date(2026, 2, 2, 0, 5), now, en)).toBe('today 00:05');
    // Ten minutes ago, but before midnight.
    expect(dayAndTime(new Date(2026, 2, 1, 23, 59), now, en)).toBe('yesterday 23:59');
    expect(dayAndTime(new Date(2026, 2, 1, 0, 0), now, en)).toBe('yesterday 00:00');
    expect(dayAndTime(new Date(2026, 1, 28, 23, 59), now, en)).toBe('2026-02-28 23:59');
  });

  it('writes the full date for a moment ahead of the clock', () => {
    expect(dayAndTime(new Date(2026, 2, 3, 9, 30), now, en)).toBe('2026-03-03 09:30');
  });

  it('speaks Chinese', () => {
    expect(dayAndTime(new Date(2026, 2, 2, 9, 30), new Date(2026, 2, 2, 18, 0), zh)).toBe('今天 09:30');
    expect(dayAndTime(new Date(2026, 2, 1, 18, 5), now, zh)).toBe('昨天 18:05');
    expect(dayAndTime(new Date(2026, 0, 31, 18, 5), now, zh)).toBe('2026-01-31 18:05');
  });
});

describe('untilNextDay', () => {
  it('counts to the next local midnight', () => {
    expect(untilNextDay(now)).toBe((23 * 60 + 50) * 60_000);
    expect(untilNextDay(new Date(2026, 2, 2, 23, 59, 59, 500))).toBe(500);
  });
});
