import { describe, expect, it } from 'vitest';
import { calendarFile } from '../../core/calendar/ics.js';
import { addDays, nextYear, nthWeekday } from './support/dates.js';

// The .ics file on the bytes: RFC 5545 §3.1 says every content line ends with CRLF, the last
// (END:VCALENDAR) too. A reader that splits on CRLF sees a last line without it as unfinished.

describe('the .ics file’s bytes', () => {
  const start = new Date(`${nthWeekday(nextYear(), 1, 2, 'tue')!}T09:00:00+08:00`);
  const text = calendarFile({
    meetingId: '8801234567',
    topic: 'Weekly sync',
    start,
    duration: 60,
    joinUrl: 'https://meeting.systeccloud.com/j/8801234567',
    invitation: 'You are invited to a meeting: Weekly sync\nJoin: https://meeting.systeccloud.com/j/8801234567',
    recurrence: { rule: { kind: 'weekly', days: ['tue'] }, end: { until: addDays(start.toISOString().slice(0, 10), 21) } },
    now: new Date(),
  });
  const bytes = Buffer.from(text, 'utf8');

  it('ends with CRLF after END:VCALENDAR', () => {
    expect(bytes.subarray(-15).toString('latin1')).toBe('END:VCALENDAR\r\n');
  });

  it('every line ends with CRLF: no bare LF, no bare CR', () => {
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
  });
});
