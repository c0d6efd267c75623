import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localDate } from '../../../common/format.js';
import type { Result } from '../../../common/result.js';
import type { UpcomingMeeting } from '../../../common/scheduled.js';
import { failed, type Kept, type SchedulingDeps } from './kept.js';
import type { UpcomingList } from './upcoming-list.js';

/** The file name a calendar file is offered under: the topic without characters file systems refuse, and the date. */
const fileNameOf = (entry: UpcomingMeeting) =>
  `${
    entry.topic
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60) || 'meeting'
  } ${localDate(new Date(entry.start))}.ics`;

/**
 * A booked meeting as a calendar file (core/calendar/ics.ts): opened with the OS's calendar app, or saved where
 * the user says. Its DESCRIPTION is the invitation without the password (the file is a plain file).
 */
export function createCalendarFiles(deps: SchedulingDeps, kept: Kept, list: UpcomingList) {
  async function calendarOf(entry: UpcomingMeeting): Promise<string> {
    const [, { calendarFile }] = await kept.calendar();
    const booked = kept.bookedOf(entry.meetingId);
    const start = new Date(entry.start);
    const invitation = kept.invitationOf({ ...entry, start }, false);
    if (booked?.group) {
      // Every meeting of the group, each an event of its own (its own link), the group's invitation as each one's text.
      return calendarFile(
        kept.membersOf(booked.group).map((m) => ({
          meetingId: m.meetingId,
          topic: m.request.topic,
          start: new Date(m.request.start),
          duration: m.request.duration,
          joinUrl: m.joinUrl,
          invitation,
          now: deps.now(),
        })),
      );
    }
    const occurrences = booked?.occurrences?.map((d) => new Date(d));
    const { meetingId, topic, duration, joinUrl, recurrence } = entry;
    return calendarFile({ meetingId, topic, start, duration, joinUrl, invitation, recurrence, occurrences, now: deps.now() });
  }

  return {
    /** Writes the calendar file in the app's temp folder and opens it with the OS's calendar app. */
    async addToCalendar(meetingId: string): Promise<Result<{ path: string }>> {
      const t = deps.t();
      const entry = list.entryOf(meetingId);
      if (!entry) return failed(t('schedule.notFound'), 'not-found');
      if (await kept.heldMismatch(meetingId)) return failed(t('schedule.held'));
      const path = join(deps.tempDir, `umeet-${meetingId}.ics`);
      try {
        await mkdir(deps.tempDir, { recursive: true });
        await writeFile(path, await calendarOf(entry), { mode: 0o600 });
      } catch (error) {
        deps.log?.error('the calendar file could not be written', { error: String(error) });
        return failed(t('schedule.icsNotWritten'));
      }
      const problem = await deps.openPath(path).catch((error: unknown) => String(error));
      if (problem) {
        deps.log?.warn('the calendar file could not be opened', { problem });
        return failed(t('schedule.icsNotOpened', { problem }));
      }
      return { ok: true, value: { path } };
    },

    /** Asks where to save the calendar file (the native save dialog), and saves it there. */
    async saveCalendar(meetingId: string): Promise<Result<{ path: string }>> {
      const t = deps.t();
      const entry = list.entryOf(meetingId);
      if (!entry) return failed(t('schedule.notFound'), 'not-found');
      if (await kept.heldMismatch(meetingId)) return failed(t('schedule.held'));
      const path = await deps.files.chooseCalendarPath({ title: t('schedule.saveIcsTitle'), defaultName: fileNameOf(entry) });
      if (!path) return failed(t('schedule.saveIcsCancelled'), 'cancelled');
      try {
        await writeFile(path, await calendarOf(entry), { mode: 0o600 });
      } catch (error) {
        deps.log?.error('the calendar file could not be saved', { error: String(error) });
        return failed(t('schedule.icsNotWritten'));
      }
      return { ok: true, value: { path } };
    },
  };
}
