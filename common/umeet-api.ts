import { z } from 'zod';
import { idString, numeric, optionalFlag, optionalId, optionalLine, optionalNumeric, optionalText } from './lenient.js';

/**
 * The Umeet shared-rooms API (docs/umeet-api.md) as zod schemas: what the client may send,
 * validated before anything leaves, and what it accepts back, parsed leniently. Field names are
 * the API's own, so the schemas, the form body and the CLI's --json output say the same thing.
 */

export const MIN_DURATION_EXCLUSIVE = 30;

// The user key's bound, without zod, is in user-key.ts (the window counts the bytes as they are typed; it runs no zod).
import { USER_KEY_MAX_BYTES, utf8Bytes } from './user-key.js';
export { USER_KEY_MAX_BYTES, utf8Bytes };

/** Bounds of what the service says that is shown: a topic, a person's name, a message (one line each). */
export const TOPIC_SHOWN_MAX = 200;
export const NAME_SHOWN_MAX = 100;
export const SERVICE_MESSAGE_MAX = 300;

export const Topic = z.string().refine((value) => value.trim() !== '', { message: 'must not be blank' });
export const MeetingCapacity = z.number().int('must be a whole number').positive('must be positive');
export const Duration = z
  .number()
  .int('must be a whole number of minutes')
  .gt(MIN_DURATION_EXCLUSIVE, `must be greater than ${MIN_DURATION_EXCLUSIVE} minutes`);
export const UserKey = z.string().refine((value) => utf8Bytes(value) <= USER_KEY_MAX_BYTES, {
  message: `must be at most ${USER_KEY_MAX_BYTES} bytes in UTF-8`,
});
export const Recording = z.enum(['cloud', 'none']);
export const MeetingId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_\-=/+]{1,64}$/, 'must be a meeting number or uuid');

/** The instant call's on/off options, each sent as "true"/"false" or not at all (the service decides). */
export const SWITCH_OPTIONS = [
  'option_jbh',
  'mute_upon_entry',
  'use_pmi',
  'option_host_video',
  'option_participants_video',
  'allow_live_streaming',
] as const;
export type SwitchOption = (typeof SWITCH_OPTIONS)[number];
const switches = Object.fromEntries(SWITCH_OPTIONS.map((name) => [name, z.boolean().optional()])) as Record<
  SwitchOption,
  z.ZodOptional<z.ZodBoolean>
>;

/** `POST /umeeting/share/instant`: all 13 parameters of the seed but the two credentials. */
export const InstantInput = z.strictObject({
  topic: Topic,
  meeting_capacity: MeetingCapacity,
  user_key: UserKey.optional(),
  duration: Duration.optional(),
  recording: Recording.optional(),
  ...switches,
});
export type InstantInput = z.input<typeof InstantInput>;

export const GetInput = z.strictObject({ meeting_id: MeetingId });
export const ListInput = z.strictObject({
  user_key: UserKey.optional(),
  page_size: z.number().int().min(1).max(100).optional(),
  page_number: z.number().int().min(1).optional(),
});
export const MeetingRefInput = z.strictObject({ id: MeetingId });
export const FreeRoomsInput = z.strictObject({
  meeting_capacity: MeetingCapacity,
  start_time: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must look like yyyy-MM-dd HH:mm:ss'),
  duration: Duration,
});

/** The answer envelope every call shares. `data` is parsed per call. */
export const Envelope = z.object({
  status: numeric,
  message: optionalLine(SERVICE_MESSAGE_MAX),
  data: z.unknown().optional(),
});

export const InstantMeeting = z.object({
  meeting_id: idString,
  join_url: optionalText,
  start_url: optionalText,
  host_key: optionalId,
  host_id: optionalText,
  token: optionalText,
  start_time: optionalText,
  play_addr: optionalText,
  watch_url: optionalText,
});
export type InstantMeeting = z.output<typeof InstantMeeting>;

/** `status` of a meeting: 0 booked, 1 in progress, 2 cancelled, 3 ended. */
export const MeetingStatus = optionalNumeric;

export const MeetingInfo = z.object({
  id: idString,
  topic: optionalLine(TOPIC_SHOWN_MAX),
  duration: optionalNumeric,
  start_time: optionalText,
  meeting_capacity: optionalNumeric,
  password: optionalText,
  user_key: optionalText,
  join_url: optionalText,
  status: MeetingStatus,
  /** 1 when the service deleted the meeting: what a released instant meeting looks like. */
  del_flag: optionalNumeric,
  allow_live_streaming: optionalFlag,
  play_addr: optionalText,
  watch_url: optionalText,
  /** A series' meetings, when the service says (the docs give them only in the schedule answer). */
  occurrences: z.preprocess(
    (value) => (Array.isArray(value) ? value : undefined),
    z.array(z.object({ start_time: optionalText, uuid: optionalText })).optional(),
  ),
});
export type MeetingInfo = z.output<typeof MeetingInfo>;

/** What `list` gives of a meeting that `get` gives too. */
// `meeting_capacity` is not in the docs' list of fields, but read when present (a resize then shows in the list).
const listedFields = {
  id: true,
  topic: true,
  duration: true,
  start_time: true,
  join_url: true,
  status: true,
  meeting_capacity: true,
} as const;

/** A meeting as `list` gives it: some of what `get` gives, plus its host key and kind. */
export const ListedMeeting = MeetingInfo.pick(listedFields).extend({
  host_key: optionalId,
  /** 1 instant, 2 scheduled. */
  type: optionalNumeric,
});
export type ListedMeeting = z.output<typeof ListedMeeting>;

export const MeetingPage = z.object({
  page_num: optionalNumeric,
  page_size: optionalNumeric,
  total_record: optionalNumeric,
  total_page: optionalNumeric,
  has_previous_page: optionalFlag,
  has_next_page: optionalFlag,
  meetings: z.preprocess((value) => value ?? [], z.array(ListedMeeting)),
});
export type MeetingPage = z.output<typeof MeetingPage>;

export const StartUrl = z.object({ start_url: z.string().min(1) });

export const Licence = z.object({
  /** "1" per room, "2" concurrent participants, "3" minutes. */
  payType: optionalText,
  expire_date: optionalText,
  /** Room size -> number of licensed rooms. */
  capacity: z.preprocess((value) => value ?? {}, z.record(z.string(), numeric)),
});
export type Licence = z.output<typeof Licence>;

export const FreeRooms = z.object({ total: numeric, free: numeric });
export type FreeRooms = z.output<typeof FreeRooms>;

/** `POST /umeeting/share/resetCapacity/{meetingId}`: the meeting goes in the path, its new size in the body. */
export const ResizeInput = z.strictObject({ meeting_capacity: MeetingCapacity });

/** `POST /umeeting/share/meetingdetail`: `type` 1 online, 2 past; participants are paged. */
export const MeetingDetailInput = z.strictObject({
  meeting_id: MeetingId,
  type: z.enum(['1', '2']),
  page_size: z.number().int().min(1).max(300).optional(),
  page_number: z.number().int().min(1).optional(),
});

/**
 * One participant as the service reports them. Names and IP addresses are personal data: shown to the
 * user who asked, never logged, never stored (the CLI prints the address only with --with-addresses).
 */
export const Participant = z.object({
  user_name: optionalLine(NAME_SHOWN_MAX),
  device: optionalText,
  join_time: optionalText,
  /** "" while the participant is still in the meeting. */
  leave_time: optionalText,
  ip_address: optionalText,
  city: optionalText,
  network_type: optionalText,
});
export type Participant = z.output<typeof Participant>;

/**
 * The documented example is not valid JSON, and its `data` is an array of one meeting (read as that meeting:
 * core/api/interpret.ts): every field tolerated absent, "" or null.
 */
export const MeetingDetail = z.object({
  id: optionalId,
  uuid: optionalText,
  host: optionalText,
  start_time: optionalText,
  end_time: optionalText,
  duration: optionalNumeric,
  participants_count: optionalNumeric,
  page_count: optionalNumeric,
  page_number: optionalNumeric,
  page_size: optionalNumeric,
  participants: z.preprocess((value) => (Array.isArray(value) ? value : []), z.array(Participant)),
});
export type MeetingDetail = z.output<typeof MeetingDetail>;

/**
 * A meeting's password: at most this many characters, sent as typed. The pages of schedule and update document
 * it only as `password | 否 | String | 会议密码` (no characters, no length), so the app invents no rule of its
 * own. The 10 is the length of the API the service copies (Zoom's meeting `password`: "may only contain the
 * following characters: [a-z A-Z 0-9 @ - _ *] and can have a maximum of 10 characters"); which characters the
 * service takes is its to say, and its refusal is shown in its own words.
 */
export const MEETING_PASSWORD_MAX = 10;

const ServiceTimeText = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must look like yyyy-MM-dd HH:mm:ss');

/** The recurrence fields of schedule and update (§8): the numbering of days is 1 = Sunday (common/schedule.ts). */
const recurrence = {
  daily_type: z.enum(['1', '2']).optional(),
  weekly_days: z
    .string()
    .regex(/^[1-7](,[1-7])*$/, 'must be days 1–7 separated by commas')
    .optional(),
  monthly_day: z.number().int().min(1).max(31).optional(),
  monthly_week: z.number().int().min(1).max(5).optional(),
  monthly_week_day: z.number().int().min(1).max(7).optional(),
  end_times: z.number().int().min(1).max(50).optional(),
  end_date_time: ServiceTimeText.optional(),
};

/**
 * `POST /umeeting/share/schedule`: the instant call's parameters but `option_jbh` (the schedule page does not list
 * it), plus a start, a password, a host name and a recurrence.
 */
export const ScheduleInput = InstantInput.omit({ option_jbh: true }).extend({
  start_time: ServiceTimeText,
  duration: Duration,
  password: z.string().min(1).max(MEETING_PASSWORD_MAX).optional(),
  host_name: z.string().min(1).max(64).optional(),
  waiting_room: z.boolean().optional(),
  enable_webinar: z.boolean().optional(),
  recurrence_type: z.enum(['1', '2', '3']).optional(),
  ...recurrence,
});
export type ScheduleInput = z.input<typeof ScheduleInput>;

/**
 * `POST /umeeting/share/update`: the whole meeting (a series as a whole); `start_time` and `duration` are
 * required even when unchanged; `recurrence_type` "" makes a series a single meeting again.
 */
export const UpdateInput = z.strictObject({
  id: MeetingId,
  start_time: ServiceTimeText,
  duration: Duration,
  topic: Topic.optional(),
  password: z.string().max(MEETING_PASSWORD_MAX).optional(),
  user_key: UserKey.optional(),
  mute_upon_entry: z.boolean().optional(),
  recording: Recording.optional(),
  allow_live_streaming: z.boolean().optional(),
  host_name: z.string().max(64).optional(),
  waiting_room: z.boolean().optional(),
  recurrence_type: z.enum(['', '1', '2', '3']).optional(),
  ...recurrence,
});
export type UpdateInput = z.input<typeof UpdateInput>;

/** One meeting of a series, as the schedule call answers it. */
export const Occurrence = z.object({ start_time: optionalText, uuid: optionalText });

/** The schedule call's answer: the instant answer's fields, and the series' meetings (its `start_time` example is "7": not trusted). */
export const ScheduledMeeting = InstantMeeting.extend({
  ready_time: optionalNumeric,
  live_id: optionalText,
  occurrences: z.preprocess((value) => (Array.isArray(value) ? value : []), z.array(Occurrence)),
});
export type ScheduledMeeting = z.output<typeof ScheduledMeeting>;

/** A meeting booked or running in a room, as `rooms` lists it. */
export const RoomBooking = z.object({
  id: optionalId,
  topic: optionalLine(TOPIC_SHOWN_MAX),
  start_time: optionalText,
  duration: optionalNumeric,
  /** 0 booked, 1 running. */
  status: optionalNumeric,
  /** 1 instant, 2 scheduled. */
  type: optionalNumeric,
});

/** `POST /umeeting/share/rooms`: every licensed room, its size, and what is booked or running in it. */
export const Room = z.object({
  id: optionalId,
  first_name: optionalLine(NAME_SHOWN_MAX),
  meeting_capacity: numeric,
  meetings: z.preprocess((value) => (Array.isArray(value) ? value : []), z.array(RoomBooking)),
});
export const Rooms = z.preprocess((value) => (Array.isArray(value) ? value : []), z.array(Room));
export type Room = z.output<typeof Room>;

/**
 * Why a call failed: a closed set, each kind carrying what a UI needs to say what happened and
 * what to do. Nothing here ever holds a credential, a `zak` or a token (see core/api/redact.ts).
 */
export const ApiFailure = z.discriminatedUnion('kind', [
  /** Refused before sending: `field` names the parameter. Nothing left the machine. */
  z.object({ kind: z.literal('invalid-input'), field: z.string(), message: z.string() }),
  /** The service refused the credentials; `message` is the service's own. */
  z.object({ kind: z.literal('auth'), status: z.number(), message: z.string() }),
  /** Any other envelope status but 200; `message` is the service's own, verbatim. */
  z.object({ kind: z.literal('rejected'), status: z.number(), message: z.string() }),
  /** A non-2xx HTTP answer without an envelope. Its body is never shown. */
  z.object({ kind: z.literal('http'), httpStatus: z.number() }),
  /** A body that is not JSON, not the envelope, not the expected data, or over 1 MiB. */
  z.object({ kind: z.literal('protocol'), detail: z.string() }),
  /** DNS, refused, reset… `mayHaveReachedServer` says whether the request may have been acted on. */
  z.object({ kind: z.literal('network'), code: z.string(), mayHaveReachedServer: z.boolean() }),
  /**
   * The proxy on the way to the service failed before the request was sent (so it never reached the
   * service): it could not be reached, refused the tunnel (`status`), or asked for a user name and
   * password (407: `auth-required` when none was sent, `auth-refused` when the one sent was refused).
   */
  z.object({
    kind: z.literal('proxy'),
    reason: z.enum(['unreachable', 'refused', 'auth-required', 'auth-refused']),
    /** host:port of the proxy; never a user name or password. */
    proxy: z.string(),
    status: z.number().optional(),
    code: z.string().optional(),
  }),
  /**
   * The service's certificate (or that of a TLS-inspecting proxy in its place) was not accepted, so
   * nothing was sent: not signed by a trusted authority, expired or not yet valid, or for another host.
   */
  z.object({
    kind: z.literal('certificate'),
    reason: z.enum(['untrusted', 'expired', 'wrong-host', 'other']),
    code: z.string(),
    /** host:port that presented it. */
    host: z.string(),
  }),
  /** The call's one deadline passed while connecting, waiting for headers, or reading the body. */
  z.object({
    kind: z.literal('timeout'),
    phase: z.enum(['connect', 'headers', 'body']),
    timeoutMs: z.number(),
    mayHaveReachedServer: z.boolean(),
  }),
]);
export type ApiFailure = z.infer<typeof ApiFailure>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };
