import { z } from 'zod';
import { oneLine } from './display-text.js';
import { PRESET_SWITCHES, type PresetSwitch } from './meeting-switches.js';
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

// The on/off options live in meeting-switches.ts, without zod (the window uses them; it runs no zod).
export { PRESET_SWITCHES, type PresetSwitch } from './meeting-switches.js';
/** Each is true, false, or absent: "not sent, the service decides". */
const switches = Object.fromEntries(Object.keys(PRESET_SWITCHES).map((name) => [name, z.boolean().optional()])) as Record<
  PresetSwitch,
  z.ZodOptional<z.ZodBoolean>
>;

export const PresetId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _');

export const Preset = z.object({
  id: PresetId,
  // Shown in the tray, notifications, launchers and the window, and may come from an import or a company policy:
  // one line, control and direction-override characters neutralised (common/display-text.ts).
  name: z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .max(PRESET_NAME_MAX, `at most ${PRESET_NAME_MAX} characters`)
    .transform((name) => oneLine(name, PRESET_NAME_MAX))
    .refine((name) => name !== '', { message: 'must not be blank' }),
  /** May hold `{date}` and `{time}`, expanded when the meeting starts. */
  topic: z
    .string()
    .max(PRESET_TOPIC_MAX, `at most ${PRESET_TOPIC_MAX} characters`)
    .refine((value) => value.trim() !== '', { message: 'must not be blank' })
    .transform((topic) => oneLine(topic, PRESET_TOPIC_MAX))
    .refine((topic) => topic !== '', { message: 'must not be blank' }),
  capacity: MeetingCapacity,
  duration: Duration.optional(),
  recording: Recording.optional(),
  userKey: UserKey.optional(),
  afterCreate: AfterCreate,
  ...switches,
});
export type Preset = z.infer<typeof Preset>;
