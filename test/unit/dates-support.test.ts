import { describe, expect, it } from 'vitest';
import {
  addDays,
  clockChanges,
  isoIn,
  localDayOf,
  momentOf,
  nextYear,
  nthWeekday,
  offsetMinutes,
  onOrAfter,
  sameTimeDaysLater,
} from './support/dates.js';

// The tests' own calendar (support/dates.ts) against facts published for 2027, so that a test computing
// "next year's change to summer time" computes the right day.
describe('the tests’ calendar helper', () => {
  it('finds the Nth weekday of a month, and none when the month has no fifth', () => {
    expect(nthWeekday(2027, 1, 2, 'tue')).toBe('2027-01-12');
    expect(nthWeekday(2027, 9, 1, 'wed')).toBe('2027-09-01');
    expect(nthWeekday(2027, 2, 5, 'mon')).toBeUndefined();
    expect(onOrAfter('2027-03-10', 'mon')).toBe('2027-03-15');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(nextYear(new Date(2027, 11, 31, 23, 59))).toBe(2028);
  });

  it('finds the days the clocks change, as the zone database has them', () => {
    expect(clockChanges('America/Los_Angeles', 2027)).toEqual(['2027-03-14', '2027-11-07']);
    expect(clockChanges('America/New_York', 2027)).toEqual(['2027-03-14', '2027-11-07']);
    expect(clockChanges('Europe/Berlin', 2027)).toEqual(['2027-03-28', '2027-10-31']);
    expect(clockChanges('Australia/Sydney', 2027)).toEqual(['2027-04-04', '2027-10-03']);
    expect(clockChanges('Asia/Shanghai', 2027)).toEqual([]);
  });

  it('reads a wall time in a zone as a moment, and back', () => {
    const moment = momentOf('America/Los_Angeles', '2027-01-12', '18:00');
    expect(new Date(moment).toISOString()).toBe('2027-01-13T02:00:00.000Z');
    expect(isoIn('America/Los_Angeles', moment)).toBe('2027-01-12T18:00:00-08:00');
    expect(localDayOf('Asia/Shanghai', moment)).toBe('2027-01-13');
    expect(offsetMinutes('Asia/Kolkata', moment)).toBe(330);
    // The hour shown twice in the autumn: the earlier one.
    expect(isoIn('America/New_York', momentOf('America/New_York', '2027-11-07', '01:30'))).toBe('2027-11-07T01:30:00-04:00');
  });

  it('moves on by calendar days on the local clock, not by 24 hours, across a change of the clocks', () => {
    const original = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      // Saturday 6 November 2027, 00:30: the night after, the clocks go back an hour.
      const saturday = new Date(2027, 10, 6, 0, 30);
      const monday = sameTimeDaysLater(saturday, 2);
      expect([monday.getDate(), monday.getHours(), monday.getMinutes()]).toEqual([8, 0, 30]);
      expect(monday.getTime() - saturday.getTime()).toBe(49 * 3600_000);
      // On Sunday 12 March 2028 the clocks go forward: 23:00 that evening is 23 hours after 23:00 the evening before.
      const evening = new Date(2028, 2, 11, 23, 0);
      expect(sameTimeDaysLater(evening, 1).getTime() - evening.getTime()).toBe(23 * 3600_000);
      expect(sameTimeDaysLater(new Date(2028, 1, 28, 9, 0), 1).getDate()).toBe(29);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
