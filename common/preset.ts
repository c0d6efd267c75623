import { z } from 'zod';
import { Duration, MeetingCapacity, Recording, UserKey } from './umeet-api.js';

/**
 * A saved preset: everything one tray click needs to start a meeting. The meeting options are
 * tri-state: `true`, `false`, or absent, which means "not sent, the service decides".
 */
export const AfterCreate = z.strictObject({
  /** Which link to open in the browser once the meeting exists: as host, as participant, or none. */
  open: z.enum(['start', 'join', 'none']),
  /** What to put on the clipboard: the join link, a full invitation, or nothing. */
  copy: z.enum(['join-link', 'invitation', 'none']),
});
export type AfterCreate = z.infer<typeof AfterCreate>;

export const PRESET_NAME_MAX = 40;
export const PRESET_TOPIC_MAX = 200;
/** A tray menu shows seven and a submenu the rest; more than this is a list nobody can use, and a store that grows. */
export const MAX_PRESETS = 100;

export const PresetId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _');

export const Preset = z.object({
  id: PresetId,
  name: z.string().trim().min(1, 'must not be blank').max(PRESET_NAME_MAX, `at most ${PRESET_NAME_MAX} characters`),
  /** May hold `{date}` and `{time}`, expanded when the meeting starts. */
  topic: z
    .string()
    .max(PRESET_TOPIC_MAX, `at most ${PRESET_TOPIC_MAX} characters`)
    .refine((value) => value.trim() !== '', { message: 'must not be blank' }),
  capacity: MeetingCapacity,
  duration: Duration.optional(),
  joinBeforeHost: z.boolean().optional(),
  muteOnEntry: z.boolean().optional(),
  hostVideo: z.boolean().optional(),
  participantsVideo: z.boolean().optional(),
  usePmi: z.boolean().optional(),
  recording: Recording.optional(),
  liveStreaming: z.boolean().optional(),
  userKey: UserKey.optional(),
  afterCreate: AfterCreate,
});
export type Preset = z.infer<typeof Preset>;
