import { describe, expect, it } from 'vitest';
import { addDays, addMinutes, readDate, readTime } from '../../common/typed-date-time.js';

// Issue 29, item 7: the schedule form's own date and time fields read what is typed into the app's one way of
// writing dates and times (common/format.ts), whatever the browser's locale.
describe('a typed date', () => {
  it('is read as year-month-day, with the separators people type in either language', () => {
    for (const typed of ['2026-12-21', '2026/12/21', '2026.12.21', '2026年12月21日', ' 20261221 ', '2026 - 12 - 21'])
      expect(readDate(typed), typed).toBe('2026-12-21');
    expect(readDate('2027-1-5')).toBe('2027-01-05');
  });

  it('is not a day the calendar lacks, nor another order', () => {
    for (const typed of ['2026-02-29', '2026-13-01', '2026-04-31', '12/21/2026', '21.12.2026', '', 'tomorrow'])
      expect(readDate(typed), typed).toBeUndefined();
    expect(readDate('2028-02-29')).toBe('2028-02-29');
  });

  it('while typed, is not read from a day that may yet get its second digit', () => {
    expect(readDate('2026-12-2', true)).toBeUndefined();
    expect(readDate('2026-12-2')).toBe('2026-12-02');
    expect(readDate('2026年12月2日', true)).toBe('2026-12-02');
    expect(readDate('2026-12-21', true)).toBe('2026-12-21');
  });

  it('moves by calendar days, across months, years and clock changes', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2026-03-29', 7)).toBe('2026-04-05');
  });
});

describe('a typed time', () => {
  it('is read on the 24-hour clock', () => {
    expect(readTime('14:30')).toBe('14:30');
    expect(readTime('9:05')).toBe('09:05');
    expect(readTime('9.05')).toBe('09:05');
    expect(readTime('14：30')).toBe('14:30');
    expect(readTime('1430')).toBe('14:30');
    expect(readTime('930')).toBe('09:30');
    expect(readTime('9')).toBe('09:00');
  });

  it('with its half of the day, in either language', () => {
    expect(readTime('2:30 pm')).toBe('14:30');
    expect(readTime('12:00 AM')).toBe('00:00');
    expect(readTime('12:15 p.m.')).toBe('12:15');
    expect(readTime('10:30am')).toBe('10:30');
    expect(readTime('下午2:30')).toBe('14:30');
    expect(readTime('上午 9:00')).toBe('09:00');
  });

  it('is no time past the clock, and, while typed, nothing that may yet grow', () => {
    for (const typed of ['24:00', '12:60', '13:00 pm', '', 'noon', '1:2']) expect(readTime(typed), typed).toBeUndefined();
    expect(readTime('9', true)).toBeUndefined();
    expect(readTime('930', true)).toBeUndefined();
    expect(readTime('9:30', true)).toBe('09:30');
  });

  it('moves round the clock', () => {
    expect(addMinutes('23:45', 15)).toBe('00:00');
    expect(addMinutes('00:00', -15)).toBe('23:45');
    expect(addMinutes('09:00', 60)).toBe('10:00');
  });
});
