import { z } from 'zod';
import { URL_MAX } from './settings.js';
import { DayNumbering, MAX_OCCURRENCES, Recurrence, RecurrenceEnd, ScheduleRequest, ScheduleRequestFields } from './schedule.js';
import { MeetingId } from './umeet-api.js';

/**
 * Meetings booked for later, as the app keeps and shows them. What the user booked is kept (the
 * request, so the Upcoming list can say the series in words, edit it and make the .ics again), but
 * never the meeting's password: passwords are not written to plain files.
 */

/** The store keeps the last this many bookings the app made. */
export const BOOKED_LIMIT = 50;

export const BookedMeeting = z.object({
  meetingId: MeetingId,
  /** What the user asked for, without the password. */
  request: ScheduleRequestFields.omit({ password: true }),
  joinUrl: z.string().max(URL_MAX).optional(),
  /** Minutes before the start at which the host may open it (the schedule answer's `ready_time`). */
  readyMinutes: z
    .number()
    .int()
    .nonnegative()
    .max(24 * 60)
    .optional(),
  /** The series' meetings as the service booked them (ISO), when it said. */
  occurrences: z
    .array(z.iso.datetime({ offset: true }))
    .max(MAX_OCCURRENCES)
    .optional(),
  bookedAt: z.iso.datetime({ offset: true }),
});
export type BookedMeeting = z.infer<typeof BookedMeeting>;

/** A scheduled meeting as the Upcoming list and the tray show it: the service's listing, with what the app kept. */
export const UpcomingMeeting = z.object({
  meetingId: MeetingId,
  topic: z.string(),
  /** ISO: the start, a moment (the window shows it on the local clock). */
  start: z.iso.datetime({ offset: true }),
  /** Minutes. */
  duration: z.number().int().positive(),
  joinUrl: z.string().optional(),
  /** The series, when this app booked it. */
  recurrence: z.object({ rule: Recurrence, end: RecurrenceEnd }).optional(),
  /** Whether this app booked it (then it can be edited with everything the user chose). */
  booked: z.boolean(),
});
export type UpcomingMeeting = z.infer<typeof UpcomingMeeting>;

/** The occurrences the service booked differ from those asked for. */
export const SeriesMismatch = z.object({
  /** ISO moments. */
  asked: z.array(z.string()),
  booked: z.array(z.string()),
});
export type SeriesMismatch = z.infer<typeof SeriesMismatch>;

/** What booking (or changing) a meeting answers. */
export const BookOutcome = z.object({
  meetingId: MeetingId,
  /** The topic as booked ({date} and {time} expanded). */
  topic: z.string(),
  /** The invitation, in the user's language (also on the clipboard when `copied`). */
  invitation: z.string(),
  copied: z.boolean(),
  mismatch: SeriesMismatch.optional(),
});
export type BookOutcome = z.infer<typeof BookOutcome>;

/** The window asks to book, or to change a booked meeting (`meetingId`). */
export const BookRequest = z.strictObject({ request: ScheduleRequest, meetingId: MeetingId.optional() });

/** What the window asks of the free rooms for a slot. */
export const SlotQuery = z.strictObject({
  capacity: z.number().int().positive(),
  start: z.iso.datetime({ offset: true }),
  duration: z
    .number()
    .int()
    .min(31)
    .max(24 * 60),
});
export const SlotFree = z.object({
  capacity: z.number().int(),
  total: z.number().int().nonnegative(),
  free: z.number().int().nonnegative(),
});
export type SlotFree = z.infer<typeof SlotFree>;

/** What the store keeps of the service's ways, once proven. */
export const ServiceFacts = z.object({ dayNumbering: DayNumbering.optional() });
export type ServiceFacts = z.infer<typeof ServiceFacts>;
