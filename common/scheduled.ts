import { z } from 'zod';
import { lineOf } from './display-text.js';
import { URL_MAX } from './settings.js';
import { DayNumbering, MAX_OCCURRENCES, Recurrence, RecurrenceEnd, ScheduleRequest, ScheduleRequestFields } from './schedule.js';
import { MeetingId, TOPIC_SHOWN_MAX } from './umeet-api.js';

/**
 * Meetings booked for later, as the app keeps and shows them. What the user booked is kept (the
 * request, so the Upcoming list can say the series in words, edit it and make the .ics again), but
 * never the meeting's password: passwords are not written to plain files.
 */

const Moment = z.iso.datetime({ offset: true });

/** The store keeps the last this many bookings the app made. */
export const BOOKED_LIMIT = 50;

/** How a series is booked when the service's own repeat would not book it as asked (core/calendar/plan.ts). */
export const BookHow = z.enum([
  /** The service's series, only if it books every meeting as asked (the default). */
  'as-asked',
  /** The service's series as it would book it: its rule on Beijing's calendar and clock. */
  'as-booked-in-beijing',
  /** Each meeting on its own, at the local time asked: one booking per meeting, kept as one group. */
  'one-by-one',
]);
export type BookHow = z.infer<typeof BookHow>;

/** Meetings booked one by one for one series: what they share. */
export const BookingGroup = z.object({
  id: z.string().min(1).max(64),
  /** This meeting's place in the series (0 is the first) and how many were asked for. */
  index: z.number().int().nonnegative().max(MAX_OCCURRENCES),
  count: z.number().int().positive().max(MAX_OCCURRENCES),
  /** The series as asked, for its words. */
  recurrence: Recurrence,
  end: RecurrenceEnd,
});
export type BookingGroup = z.infer<typeof BookingGroup>;

export const BookedMeeting = z.object({
  meetingId: MeetingId,
  /** What the user asked for, without the password (for a meeting of a group, this meeting alone). */
  request: ScheduleRequestFields.omit({ password: true }),
  /** Booked one by one with other meetings of a series. */
  group: BookingGroup.optional(),
  /** The user accepted the service's series on Beijing's calendar and clock, other than asked. */
  beijingClock: z.literal(true).optional(),
  /**
   * The service booked other days than asked (another numbering of days) and the user accepted the series as
   * booked: `request` was rewritten to say the days booked, and the invitation and calendar file are no longer held.
   */
  acceptedAsBooked: z.literal(true).optional(),
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

/** The occurrences the service booked differ from those asked for. */
export const SeriesMismatch = z.object({
  /** ISO moments. */
  asked: z.array(z.string()).max(MAX_OCCURRENCES),
  booked: z.array(z.string()).max(MAX_OCCURRENCES),
});
export type SeriesMismatch = z.infer<typeof SeriesMismatch>;

/** A scheduled meeting as the Upcoming list and the tray show it: the service's listing, with what the app kept. */
export const UpcomingMeeting = z.object({
  meetingId: MeetingId,
  topic: lineOf(TOPIC_SHOWN_MAX),
  /** ISO: the start, a moment (the window shows it on the local clock). */
  start: z.iso.datetime({ offset: true }),
  /** Minutes. */
  duration: z.number().int().positive(),
  joinUrl: z.string().optional(),
  /** The series, when this app booked it. */
  recurrence: z.object({ rule: Recurrence, end: RecurrenceEnd }).optional(),
  /** Whether this app booked it (then it can be edited with everything the user chose). */
  booked: z.boolean(),
  /** One of several meetings booked one by one for a series (the window shows them as one). */
  group: BookingGroup.optional(),
  /** Booked as the service runs it, on Beijing's clock (the series' words say so). */
  beijingClock: z.literal(true).optional(),
  /**
   * Booked here, and the service booked other days than asked, not fixed nor accepted: the card keeps the
   * warning and Fix, and its invitation and calendar file are held.
   */
  mismatch: SeriesMismatch.optional(),
  /** The room size, when known (kept from the booking, or as the service lists it). */
  capacity: z.number().int().positive().optional(),
});
export type UpcomingMeeting = z.infer<typeof UpcomingMeeting>;

/** The first meeting of a series that is not as asked, and why (core/calendar/plan.ts). */
export const SeriesDifference = z.object({
  /** 0 is the first meeting. */
  index: z.number().int().nonnegative(),
  /** The meeting asked for there (none: fewer were asked). */
  asked: Moment.optional(),
  /** The meeting booked (or that would be) there (none: fewer). */
  booked: Moment.optional(),
  /** `day`: on another local date; `clock`: the same date at another local time; `count`: one list ends first. */
  why: z.enum(['day', 'clock', 'count']),
});
export type SeriesDifference = z.infer<typeof SeriesDifference>;

/** A series asked for, and what the service's own repeat would book for it, before anything is sent. */
export const SeriesPlanView = z.object({
  asked: z.array(Moment).max(MAX_OCCURRENCES),
  wouldBook: z.array(Moment).max(MAX_OCCURRENCES),
  /** The first meeting that would not be as asked; none when the series books what was asked. */
  difference: SeriesDifference.optional(),
  /** The first of each kind of difference (another day, another time, another count), in order. */
  differences: z.array(SeriesDifference).max(3),
  /** The series as sent: its rule on Beijing's calendar, at this Beijing time of day (HH:mm). */
  beijing: z.object({
    rule: Recurrence,
    time: z.string().regex(/^\d{2}:\d{2}$/),
    /** How many days Beijing's date is ahead of the local one at the start (-1, 0, 1). */
    dayShift: z.number().int().min(-1).max(1),
  }),
});
export type SeriesPlanView = z.infer<typeof SeriesPlanView>;

/** What the window asks of a series before booking it. */
export const SeriesQuery = z.strictObject({ start: Moment, recurrence: Recurrence, end: RecurrenceEnd });
export type SeriesQuery = z.infer<typeof SeriesQuery>;

/** What booking (or changing) a meeting answers. */
export const BookOutcome = z.object({
  meetingId: MeetingId,
  /** The topic as booked ({date} and {time} expanded). */
  topic: lineOf(TOPIC_SHOWN_MAX),
  /** The invitation, in the user's language (also on the clipboard when `copied`). */
  invitation: z.string(),
  copied: z.boolean(),
  mismatch: SeriesMismatch.optional(),
  /** Booked one by one: every meeting booked (the first is `meetingId`), in order. */
  group: z.object({ id: z.string(), meetingIds: z.array(MeetingId).max(MAX_OCCURRENCES), count: z.number().int() }).optional(),
  /** Booked one by one, and a meeting after the first could not be: those before it stay booked. */
  incomplete: z.object({ booked: z.number().int(), of: z.number().int(), message: z.string() }).optional(),
  /** Booked on Beijing's clock as the user accepted: the first meeting not as asked. */
  notAsAsked: SeriesDifference.optional(),
  /** The invitation was not copied, nor offered as a calendar file: the series is not as asked (`mismatch`) yet. */
  held: z.literal(true).optional(),
});
export type BookOutcome = z.infer<typeof BookOutcome>;

/** The window asks to book, or to change a booked meeting (`meetingId`); `how` when the series would not be as asked. */
export const BookRequest = z.strictObject({ request: ScheduleRequest, meetingId: MeetingId.optional(), how: BookHow.optional() });

/** What the window asks of the free rooms for a slot; with a series, for every meeting the service would book. */
export const SlotQuery = z.strictObject({
  capacity: z.number().int().positive(),
  start: z.iso.datetime({ offset: true }),
  duration: z
    .number()
    .int()
    .min(31)
    .max(24 * 60),
  recurrence: Recurrence.optional(),
  end: RecurrenceEnd.optional(),
});
export type SlotQuery = z.infer<typeof SlotQuery>;
export const SlotFree = z.object({
  capacity: z.number().int(),
  total: z.number().int().nonnegative(),
  /** For a series: the fewest free at any of its meetings. */
  free: z.number().int().nonnegative(),
  /** For a series: how many meetings were checked, and those with no room free (ISO starts). */
  meetings: z.number().int().nonnegative().max(MAX_OCCURRENCES).optional(),
  conflicts: z.array(Moment).max(MAX_OCCURRENCES).optional(),
  /** When no room of the size is free: the next size up with a room free for every meeting. */
  nextUp: z.object({ capacity: z.number().int().positive(), free: z.number().int().nonnegative() }).optional(),
});
export type SlotFree = z.infer<typeof SlotFree>;

/** What the Edit form needs of a meeting: what the app kept, or for one booked elsewhere, what the service says. */
export const BookingView = z.object({
  kept: BookedMeeting.nullable(),
  /** Booked elsewhere: its room size, and whether it is a series (undefined: the service did not say). */
  service: z.object({ capacity: z.number().int().positive().optional(), series: z.boolean().optional() }).optional(),
});
export type BookingView = z.infer<typeof BookingView>;

/** "Fix the series": sent again with the other numbering of days, or (`accept`) kept as the service booked it. */
export const FixRequest = z.strictObject({ meetingId: MeetingId, accept: z.literal(true).optional() });

/** What the store keeps of the service's ways, once proven. */
export const ServiceFacts = z.object({ dayNumbering: DayNumbering.optional() });
export type ServiceFacts = z.infer<typeof ServiceFacts>;
