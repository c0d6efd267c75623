import { randomBytes, randomInt } from 'node:crypto';
import type { SandboxClock } from './clock.js';

/** How the service releases an instant meeting nobody joined (docs/umeet-api.md, "Instant meetings are released"). */
export const RELEASE_AFTER_MS = 30 * 60_000;

export type MeetingState = 'waiting' | 'in-progress' | 'ended' | 'released';

export interface SandboxMeeting {
  id: string;
  topic: string;
  capacity: number;
  /** The licence tier the meeting occupies. */
  tier: number;
  duration?: number;
  userKey?: string;
  hostKey: string;
  createdAt: number;
  joinedAt?: number;
  endedAt?: number;
  state: MeetingState;
  liveStreaming: boolean;
  options: Record<string, string>;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

/** The service's state behind every call: licensed rooms, meetings, and what time does to them. */
export function createSandboxState(clock: SandboxClock, licence: Record<string, number>) {
  const meetings = new Map<string, SandboxMeeting>();
  let nextId = 1591620888;

  /** Brings every meeting up to the clock: release the unattended, end the finished. */
  function refresh(): void {
    const now = clock.now();
    for (const meeting of meetings.values()) {
      if (meeting.state === 'waiting' && now >= meeting.createdAt + RELEASE_AFTER_MS) {
        meeting.state = 'released';
        meeting.endedAt = meeting.createdAt + RELEASE_AFTER_MS;
      }
      if (meeting.state === 'in-progress' && meeting.duration && now >= meeting.createdAt + meeting.duration * 60_000) {
        meeting.state = 'ended';
        meeting.endedAt = meeting.createdAt + meeting.duration * 60_000;
      }
    }
  }

  const online = (meeting: SandboxMeeting) => meeting.state === 'waiting' || meeting.state === 'in-progress';
  const tiers = () =>
    Object.keys(licence)
      .map(Number)
      .sort((a, b) => a - b);
  const used = (tier: number) => [...meetings.values()].filter((m) => m.tier === tier && online(m)).length;

  return {
    meetings,
    refresh,

    tierFor(capacity: number): number | undefined {
      return tiers().find((tier) => tier >= capacity && (licence[String(tier)] ?? 0) > 0);
    },

    rooms(capacity: number): { total: number; free: number } {
      refresh();
      const tier = tiers().find((t) => t >= capacity) ?? capacity;
      const total = licence[String(tier)] ?? 0;
      return { total, free: Math.max(0, total - used(tier)) };
    },

    licence: () => ({ ...licence }),

    create(fields: Record<string, string>): Outcome<SandboxMeeting> {
      refresh();
      const capacity = Number(fields.meeting_capacity);
      const tier = this.tierFor(capacity);
      if (tier === undefined) return { ok: false, status: 3002, message: `没有 ${capacity} 方的会议室授权` };
      if (used(tier) >= (licence[String(tier)] ?? 0)) {
        return { ok: false, status: 3001, message: `当前没有空闲的 ${tier} 方会议室` };
      }
      const id = String(nextId++);
      const meeting: SandboxMeeting = {
        id,
        topic: fields.topic ?? '',
        capacity,
        tier,
        duration: fields.duration ? Number(fields.duration) : undefined,
        userKey: fields.user_key,
        hostKey: String(randomInt(100000, 999999)),
        createdAt: clock.now(),
        state: 'waiting',
        liveStreaming: fields.allow_live_streaming === 'true',
        options: fields,
      };
      meetings.set(id, meeting);
      return { ok: true, value: meeting };
    },

    find(id: string): SandboxMeeting | undefined {
      refresh();
      return meetings.get(id);
    },

    /** Someone opened the join or start page: the meeting is in progress and will not be released. */
    join(id: string): SandboxMeeting | undefined {
      const meeting = this.find(id);
      if (meeting && meeting.state === 'waiting') {
        meeting.state = 'in-progress';
        meeting.joinedAt = clock.now();
      }
      return meeting;
    },

    end(id: string): Outcome<SandboxMeeting> {
      const meeting = this.find(id);
      if (!meeting || !online(meeting)) return { ok: false, status: 3004, message: '会议不存在或已结束' };
      meeting.state = 'ended';
      meeting.endedAt = clock.now();
      return { ok: true, value: meeting };
    },

    remove(id: string): Outcome<SandboxMeeting> {
      const meeting = this.find(id);
      if (!meeting) return { ok: false, status: 3004, message: '会议不存在' };
      meetings.delete(id);
      return { ok: true, value: meeting };
    },

    online(userKey?: string): SandboxMeeting[] {
      refresh();
      return [...meetings.values()].filter((m) => online(m) && (userKey === undefined || m.userKey === userKey));
    },
  };
}
export type SandboxState = ReturnType<typeof createSandboxState>;

/** A start link token shaped like the real one (a JWT), fresh each time. */
export function fakeZak(): string {
  const part = (bytes: number) => randomBytes(bytes).toString('base64url');
  return `eyJ${part(12)}.${part(48)}.${part(24)}`;
}
