import { z } from 'zod';
import { lineOf } from './display-text.js';
import { PRESET_TOPIC_MAX, PresetId } from './preset.js';
import { URL_MAX } from './settings.js';
import { MeetingId, UserKey } from './umeet-api.js';

/**
 * A meeting the app started, as the recent list keeps it. Built from the create answer but
 * never with its `start_url` or `token` (credentials: a fresh host link is fetched when needed).
 */
export const RecentState = z.enum(['waiting', 'in-progress', 'ended', 'released', 'unknown']);
export type RecentState = z.infer<typeof RecentState>;

const link = z.string().max(URL_MAX);

export const RecentMeeting = z.object({
  meetingId: MeetingId,
  topic: lineOf(PRESET_TOPIC_MAX * 2),
  presetId: PresetId.optional(),
  /** ISO-8601, the local clock when the create call answered. */
  createdAt: z.iso.datetime({ offset: true }),
  capacity: z.number().int().positive().optional(),
  duration: z.number().int().positive().optional(),
  joinUrl: link.optional(),
  hostKey: z.string().max(64).optional(),
  watchUrl: link.optional(),
  userKey: UserKey.optional(),
  state: RecentState,
  /** How many are in it, while it is in progress: a count, never who (names are personal data, never stored). */
  participants: z.number().int().nonnegative().max(100_000).optional(),
  /** ISO-8601: when the state was last read from the service. */
  checkedAt: z.iso.datetime({ offset: true }).optional(),
});
export type RecentMeeting = z.infer<typeof RecentMeeting>;

export const RECENT_LIMIT = 10;

// A recent meeting's state in words, without zod, is in recent-state.ts (the window says it too; it runs no zod).
export { RELEASE_AFTER_MS, recentStateText, releaseTime } from './recent-state.js';
