import { z } from 'zod';
import { oneLine } from './display-text.js';
import { idString, numeric, optionalFlag, optionalNumeric, optionalText } from './lenient.js';

/**
 * The service's usage calls (docs/umeet-api.md, "Usage": `summary` per room, `detail` per meeting held),
 * and the report the app and `umeet usage` make of them. A period is of China's dates, at most a month:
 * past that the service answers the last month alone, without a word, so longer periods are read a
 * month at a time (core/usage/read-usage.ts).
 */

/** A date as the calls take it: `yyyy-MM-dd` (the docs' example answers `2017-8-31` too). */
const ServiceDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be yyyy-MM-dd');

export const SummaryInput = z.strictObject({
  from: ServiceDay,
  to: ServiceDay,
  host_id: z.string().min(1).max(100).optional(),
  page_size: z.number().int().min(1).max(100).optional(),
  page_number: z.number().int().min(1).optional(),
});
export const DetailInput = SummaryInput.extend({
  show_participants: z.boolean().optional(),
  show_telephony_usage: z.boolean().optional(),
});

/** The paging fields both calls answer (`page_number` here, where `list` says `page_num`). */
const paging = {
  from: optionalText,
  to: optionalText,
  page_number: optionalNumeric,
  total_record: optionalNumeric,
  total_page: optionalNumeric,
  has_next_page: optionalFlag,
};
const count = z.preprocess((v) => (v === '' || v === null || v === undefined ? 0 : v), numeric);

/** A room as the service names it, shown as one line (common/display-text.ts) wherever the report goes. */
const RoomName = idString.transform((id) => oneLine(id, 64));

/** One room's use in the period (`summary`). */
export const RoomUse = z.object({
  host_id: RoomName,
  /** A room made because none was free. */
  is_extra: optionalFlag,
  meetings: count,
  participants: count,
  meeting_minutes: count,
  audio_participants: count,
  /** Minutes. */
  audio_total_duration: count,
  /** Yuan. */
  total_fee: count,
});
export type RoomUse = z.output<typeof RoomUse>;

export const SummaryPage = z.object({
  ...paging,
  total_meetings: optionalNumeric,
  total_participants: optionalNumeric,
  total_meeting_minutes: optionalNumeric,
  rooms: z.preprocess((v) => v ?? [], z.array(RoomUse)),
});
export type SummaryPage = z.output<typeof SummaryPage>;

/**
 * A list of people (participants, telephone calls: names and numbers, personal data) read as what the app
 * keeps of it: how many, and the sum of a field. The names and numbers are dropped as the answer is read.
 */
const tally = z.preprocess(
  (v) => (Array.isArray(v) ? v : undefined),
  z
    .array(z.record(z.string(), z.unknown()))
    .optional()
    .transform((list) => {
      if (list === undefined) return undefined;
      const sum = (field: string) => list.reduce((total, item) => total + (Number(item[field]) || 0), 0);
      // A telephone call's minutes and fee (yuan); a participant has neither.
      return { count: list.length, minutes: sum('duration'), fee: sum('total') };
    }),
);

/** One meeting held (`detail`): its room, when, whether its room was made because none was free; who, as counts. */
export const HeldMeeting = z.object({
  uuid: optionalText,
  host_id: RoomName,
  meeting_id: optionalText,
  /** China time, `yyyy-MM-dd HH:mm:ss`. */
  start_time: z.string(),
  /** When it was deleted (its end). */
  end_time: optionalText,
  /** Minutes it was booked for. */
  duration: optionalNumeric,
  is_extra: optionalFlag,
  /** With `show_participants`: how many joined. */
  participants: tally,
  /** With `show_telephony_usage`: how many calls, their minutes and their fees. */
  telephony_usage: tally,
});
export type HeldMeeting = z.output<typeof HeldMeeting>;

export const DetailPage = z.object({ ...paging, meetings: z.preprocess((v) => v ?? [], z.array(HeldMeeting)) });
export type DetailPage = z.output<typeof DetailPage>;

const LocalDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The figures of a period, of a room and in all. */
const Figures = {
  meetings: z.number().int().nonnegative(),
  participants: z.number().int().nonnegative(),
  minutes: z.number().nonnegative(),
  audio_fee: z.number().nonnegative(),
  /** Meetings whose room was made because none was free (`is_extra`). */
  no_room: z.number().int().nonnegative(),
};

/** What `umeet usage --json` prints (a contract for scripts: issue 31), and the window's Usage section shows. */
export const UsageReport = z.object({
  from: LocalDay,
  to: LocalDay,
  totals: z.object(Figures),
  rooms: z.array(z.object({ host_id: z.string(), ...Figures })),
  days: z.array(z.object({ date: LocalDay, meetings: z.number().int().nonnegative(), minutes: z.number().nonnegative() })),
});
export type UsageReport = z.infer<typeof UsageReport>;

/** Rooms of a size in use at once: the most in any one hour of the period, by weekday (0 Monday) and local hour, against those licensed. */
export const RoomsByHour = z.array(
  z.object({
    capacity: z.number().int().positive(),
    licensed: z.number().int().nonnegative(),
    /** 7 rows (Monday first) of 24 hours. */
    peak: z.array(z.array(z.number().int().nonnegative()).length(24)).length(7),
  }),
);
export type RoomsByHour = z.infer<typeof RoomsByHour>;

/** The longest period the window asks for at once: a year (each month one read, in turn). */
export const USAGE_MAX_DAYS = 366;

/** What the window asks: a period of local dates, the first not after the last, at most a year. */
export const UsageQuery = z
  .strictObject({ from: LocalDay, to: LocalDay })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < USAGE_MAX_DAYS, {
    message: `at most ${USAGE_MAX_DAYS} days`,
    path: ['to'],
  });
export type UsageQuery = z.infer<typeof UsageQuery>;

/** What the window's Usage section shows: the report, and rooms in use by hour of the week. */
export const UsageView = UsageReport.extend({ byHour: RoomsByHour });
export type UsageView = z.infer<typeof UsageView>;
