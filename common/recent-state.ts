import { localTime } from './format.js';
import type { Translate } from './i18n/index.js';
import type { RecentMeeting } from './recent.js';

// Without zod: the window's Recent cards say a meeting's state too (the window runs no zod; main checks its forms).

/** The service deletes an instant meeting nobody joined 30 minutes after it started (docs/umeet-api.md, "Instant meetings are released"). */
export const RELEASE_AFTER_MS = 30 * 60_000;

export const releaseTime = (meeting: Pick<RecentMeeting, 'createdAt'>): Date => new Date(Date.parse(meeting.createdAt) + RELEASE_AFTER_MS);

/** A recent meeting's state as the tray and the window say it; a waiting one with its release time. */
export function recentStateText(meeting: Pick<RecentMeeting, 'createdAt' | 'state' | 'participants'>, t: Translate): string {
  if (meeting.state === 'waiting') return t('tray.state.waiting', { time: localTime(releaseTime(meeting)) });
  if (meeting.state === 'in-progress' && meeting.participants !== undefined) return t('tray.state.joined', { count: meeting.participants });
  return t(`tray.state.${meeting.state}`);
}
