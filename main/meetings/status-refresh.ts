import type { RecentMeeting, RecentState } from '../../common/recent.js';
import type { ApiResult, MeetingInfo } from '../../common/umeet-api.js';
import type { Timers } from '../ports.js';
import { releaseTime } from '../../common/recent.js';
import { canChange, stateFromInfo } from '../../core/meetings/meeting-state.js';

/** After the first check, wait longer each time, up to five minutes: meetings change slowly. */
export const DEFAULT_REFRESH_DELAYS_MS = [20_000, 40_000, 80_000, 160_000, 300_000];
/** Ask once more just after the service's release time, which is when a waiting meeting changes. */
const AFTER_RELEASE_MS = 5_000;

export interface RefreshDeps {
  recent: () => readonly RecentMeeting[];
  get: (meetingId: string) => Promise<ApiResult<MeetingInfo>>;
  /** How many are in a meeting in progress (undefined when it could not be read). */
  participants?: (meetingId: string) => Promise<number | undefined>;
  update: (meetingId: string, state: RecentState, checkedAt: Date, participants?: number) => void;
  now: () => Date;
  timers: Timers;
  delays?: readonly number[];
}

/**
 * Keeps the states of recent meetings current while they can still change, and only then: one
 * timer per meeting that can change, backing off, aimed at the release time of a waiting
 * meeting; none at all once every meeting has ended or been released.
 */
export function createStatusRefresh(deps: RefreshDeps) {
  const delays = deps.delays ?? DEFAULT_REFRESH_DELAYS_MS;
  const timers = new Map<string, unknown>();
  const attempts = new Map<string, number>();

  function unschedule(meetingId: string): void {
    const handle = timers.get(meetingId);
    if (handle !== undefined) deps.timers.clearTimeout(handle);
    timers.delete(meetingId);
  }

  function stop(meetingId: string): void {
    unschedule(meetingId);
    attempts.delete(meetingId);
  }

  function schedule(meeting: RecentMeeting): void {
    // Not stop(): that forgets the attempts, and the back-off with them (every check would wait the first delay again).
    unschedule(meeting.meetingId);
    if (!canChange(meeting.state)) return stop(meeting.meetingId);
    const attempt = attempts.get(meeting.meetingId) ?? 0;
    let delay = delays[Math.min(attempt, delays.length - 1)] ?? 300_000;
    if (meeting.state === 'waiting') {
      const untilRelease = releaseTime(meeting).getTime() + AFTER_RELEASE_MS - deps.now().getTime();
      if (untilRelease > 0) delay = Math.min(delay, untilRelease);
    }
    attempts.set(meeting.meetingId, attempt + 1);
    timers.set(
      meeting.meetingId,
      deps.timers.setTimeout(() => void check(meeting.meetingId), delay),
    );
  }

  async function check(meetingId: string): Promise<void> {
    timers.delete(meetingId);
    const before = deps.recent().find((m) => m.meetingId === meetingId);
    if (!before) return stop(meetingId);
    const answer = await deps.get(meetingId);
    let state: RecentState = before.state;
    if (answer.ok) {
      state = stateFromInfo(answer.value);
    } else if (answer.failure.kind === 'rejected') {
      // The service no longer knows the meeting: released if nobody had joined by the release time.
      state = before.state === 'waiting' && deps.now() >= releaseTime(before) ? 'released' : 'ended';
    }
    const participants = state === 'in-progress' && deps.participants ? await deps.participants(meetingId) : undefined;
    if (answer.ok || answer.failure.kind === 'rejected') deps.update(meetingId, state, deps.now(), participants);
    const after = deps.recent().find((m) => m.meetingId === meetingId);
    if (after && canChange(after.state)) {
      if (after.state !== before.state) attempts.set(meetingId, 0);
      schedule(after);
    } else {
      stop(meetingId);
    }
  }

  return {
    /** Starts watching one meeting (just created or adopted). */
    watch(meeting: RecentMeeting): void {
      attempts.set(meeting.meetingId, 0);
      schedule(meeting);
    },
    /** Starts watching every recent meeting that can still change (at start-up). */
    resume(): void {
      for (const meeting of deps.recent()) if (canChange(meeting.state) && !timers.has(meeting.meetingId)) schedule(meeting);
    },
    stop,
    /** Stops watching every meeting but these (the ones still in the recent list). */
    keepOnly(meetingIds: ReadonlySet<string>): void {
      for (const id of [...timers.keys()]) if (!meetingIds.has(id)) stop(id);
    },
    stopAll(): void {
      for (const id of [...timers.keys()]) stop(id);
    },
    /** How many timers are running: zero once nothing can change. */
    running: () => timers.size,
  };
}
export type StatusRefresh = ReturnType<typeof createStatusRefresh>;
