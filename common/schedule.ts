import { z } from 'zod';
import { PRESET_SWITCHES, SCHEDULE_SWITCHES, type PresetSwitch, type ScheduleSwitch } from './meeting-switches.js';
import { startsTheSeries, recurrenceInChina, WEEKDAYS } from './series-days.js';
import { toServiceTime } from './service-time.js';
import { Duration, MEETING_PASSWORD_MAX, MeetingCapacity, Recording, Topic, UserKey, type ScheduleInput } from './umeet-api.js';

/**
 * A meeting booked for later, as the window and `umeet schedule` ask for it: a moment (the user's
 * own clock, sent as an ISO instant), a duration, a room size, the options, and a recurrence in the
 * user's terms. `scheduleFields` turns it into the service's fields, in China time.
 */

// The days and the series' rules without zod live in series-days.ts (the window uses them; it runs no zod).
export { chinaDayShift, recurrenceInChina, startsTheSeries, WEEKDAYS } from './series-days.js';

export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

/**
 * `weekly_days` and `monthly_week_day` number the days **1 = Sunday … 7 = Saturday**. The documentation
 * can be read either way (its Chinese wording suggests 1 = Monday), but the service mirrors a well-known
 * meeting API (its parameter names, `recurrence_type` 1/2/3, `daily_type`, `monthly_week`) in which 1 is
 * Sunday. After booking, the service's `occurrences` are compared with what the user chose; a difference is
 * told, with a way to fix the series (docs/umeet-api.md, Schedule a meeting).
 */
/**
 * How the service numbers days: `sunday-first` (1 = Sunday, the default, as explained above) or
 * `monday-first` (1 = Monday, the Chinese wording's reading). The app uses the default until a "Fix the
 * series" proved the other one (then the store remembers it, and later bookings use it).
 */
export const DayNumbering = z.enum(['sunday-first', 'monday-first']);
export type DayNumbering = z.infer<typeof DayNumbering>;
export const otherNumbering = (numbering: DayNumbering): DayNumbering => (numbering === 'sunday-first' ? 'monday-first' : 'sunday-first');

export const serviceDayNumber = (day: Weekday, numbering: DayNumbering = 'sunday-first'): number =>
  numbering === 'sunday-first' ? WEEKDAYS.indexOf(day) + 1 : ((WEEKDAYS.indexOf(day) + 6) % 7) + 1;
export const dayOfServiceNumber = (n: number, numbering: DayNumbering = 'sunday-first'): Weekday | undefined =>
  numbering === 'sunday-first' ? WEEKDAYS[n - 1] : n >= 1 && n <= 7 ? WEEKDAYS[n % 7] : undefined;

/** A series of at most this many meetings: the limit of the API the service mirrors. */
export const MAX_OCCURRENCES = 50;

export const Recurrence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('daily') }),
  /** Monday to Friday. */
  z.strictObject({ kind: z.literal('weekdays') }),
  z.strictObject({ kind: z.literal('weekly'), days: z.array(Weekday).min(1, 'choose at least one day') }),
  /** The month's day N. */
  z.strictObject({ kind: z.literal('monthly-day'), day: z.number().int().min(1).max(31) }),
  /** The Nth given weekday of the month (week 1–5). */
  z.strictObject({ kind: z.literal('monthly-weekday'), week: z.number().int().min(1).max(5), day: Weekday }),
]);
export type Recurrence = z.infer<typeof Recurrence>;

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** How a series ends: after N meetings, or on a date (the user's own calendar date). */
export const RecurrenceEnd = z.union([
  z.strictObject({ times: z.number().int().min(2, 'at least 2').max(MAX_OCCURRENCES, `at most ${MAX_OCCURRENCES}`) }),
  z.strictObject({ until: LocalDate }),
]);
export type RecurrenceEnd = z.infer<typeof RecurrenceEnd>;

export { SCHEDULE_SWITCHES, type ScheduleSwitch } from './meeting-switches.js';

/** The meeting password's length (common/umeet-api.ts says where the 10 comes from); its characters are the service's to refuse. */
export const PASSWORD_MAX = MEETING_PASSWORD_MAX;
export const HOST_NAME_MAX = 64;

const switches = Object.fromEntries(Object.keys(PRESET_SWITCHES).map((name) => [name, z.boolean().optional()])) as Record<
  PresetSwitch,
  z.ZodOptional<z.ZodBoolean>
>;

/** What the user asks to book; the window's form and `umeet schedule` both make one. */
/** The request's fields, without the checks across fields (what a booking kept in the store is made of). */
export const ScheduleRequestFields = z.strictObject({
  topic: Topic.pipe(z.string().max(200, 'at most 200 characters')),
  capacity: MeetingCapacity,
  /** The moment it starts (the user picked it on their own clock). */
  start: z.iso.datetime({ offset: true }),
  duration: Duration,
  password: z.string().max(PASSWORD_MAX, `at most ${PASSWORD_MAX} characters`).optional(),
  waitingRoom: z.boolean().optional(),
  hostName: z.string().trim().max(HOST_NAME_MAX, `at most ${HOST_NAME_MAX} characters`).optional(),
  recording: Recording.optional(),
  userKey: UserKey.optional(),
  recurrence: Recurrence.optional(),
  end: RecurrenceEnd.optional(),
  // Every preset switch, joinBeforeHost too: bookings stored while the window offered it still load. It is never
  // sent (SCHEDULE_SWITCHES), and nothing sets it any more.
  ...switches,
});

export const ScheduleRequest = ScheduleRequestFields.refine((r) => !r.recurrence || r.end, {
  path: ['end'],
  message: 'a series needs an end: a number of times or a date',
})
  .refine((r) => r.recurrence || !r.end, { path: ['end'], message: 'only a series has an end' })
  // The first meeting is the series' first: on a day the recurrence names (else the service and a calendar disagree on it).
  .refine((r) => !r.recurrence || startsTheSeries(r.recurrence, new Date(r.start)), {
    path: ['recurrence'],
    message: 'the first meeting must be on a day the recurrence names',
  })
  .refine((r) => !r.end || !('until' in r.end) || new Date(`${r.end.until}T23:59:59`) > new Date(r.start), {
    path: ['end'],
    message: 'the last date must be after the first meeting',
  });
export type ScheduleRequest = z.infer<typeof ScheduleRequest>;

/** The recurrence fields of schedule and update (§8), or none for a single meeting. */
export function recurrenceFields(
  recurrence: Recurrence | undefined,
  end: RecurrenceEnd | undefined,
  start: Date,
  numbering: DayNumbering = 'sunday-first',
): Partial<Pick<ScheduleInput, RecurrenceField>> {
  if (!recurrence || !end) return {};
  const china = recurrenceInChina(recurrence, start);
  const until =
    'until' in end
      ? // The end date is the user's: its last moment on their clock, read as the service reads times.
        { end_date_time: toServiceTime(new Date(`${end.until}T23:59:59`)) }
      : { end_times: end.times };
  switch (china.kind) {
    case 'daily':
      return { recurrence_type: '1', daily_type: '1', ...until };
    case 'weekdays':
      return { recurrence_type: '1', daily_type: '2', ...until };
    case 'weekly':
      return {
        recurrence_type: '2',
        weekly_days: [...new Set(china.days.map((d) => serviceDayNumber(d, numbering)))].sort((a, b) => a - b).join(','),
        ...until,
      };
    case 'monthly-day':
      return { recurrence_type: '3', monthly_day: china.day, ...until };
    case 'monthly-weekday':
      return { recurrence_type: '3', monthly_week: china.week, monthly_week_day: serviceDayNumber(china.day, numbering), ...until };
  }
}
export type RecurrenceField =
  'recurrence_type' | 'daily_type' | 'weekly_days' | 'monthly_day' | 'monthly_week' | 'monthly_week_day' | 'end_times' | 'end_date_time';

/** The request as the schedule call's fields (§8): the start in China time, options unset left out. */
export function scheduleFields(request: ScheduleRequest, defaultUserKey?: string, numbering: DayNumbering = 'sunday-first'): ScheduleInput {
  const start = new Date(request.start);
  const userKey = request.userKey ?? defaultUserKey;
  const fields: ScheduleInput = {
    topic: request.topic,
    meeting_capacity: request.capacity,
    start_time: toServiceTime(start),
    duration: request.duration,
    password: request.password || undefined,
    host_name: request.hostName || undefined,
    waiting_room: request.waitingRoom,
    recording: request.recording,
    user_key: userKey || undefined,
    ...recurrenceFields(request.recurrence, request.end, start, numbering),
  };
  for (const [name, field] of Object.entries(SCHEDULE_SWITCHES) as [ScheduleSwitch, (typeof SCHEDULE_SWITCHES)[ScheduleSwitch]][])
    fields[field] = request[name];
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as ScheduleInput;
}
