import { randomBytes, randomInt } from 'node:crypto';
import { chinaTime } from './china-time.js';
import type { SandboxClock } from './clock.js';
import { newParticipant, type JoinOptions, type SandboxParticipant } from './participants.js';
import { busyRooms, DEFAULT_SLOT_MINUTES, firstFreeRoom, heldSlot, plannedSlot, slotOf, type Booking, type Slot } from './rooms.js';
import type { Plan, Rule, SeriesEnd } from './schedule.js';

/** How the service releases an instant meeting nobody joined (docs/umeet-api.md, "Instant meetings are released"). */
export const RELEASE_AFTER_MS = 30 * 60_000;

export type MeetingState = 'waiting' | 'in-progress' | 'ended' | 'released';

/** Minutes before a scheduled meeting's start from which the host may open it (`ready_time`): the sandbox's choice. */
export const READY_MINUTES = 30;

/** One meeting of a booked series (a single scheduled meeting is a series of one): its start and the room it holds. */
export interface SandboxOccurrence {
  start: number;
  room: number;
  uuid: string;
}

export interface SandboxMeeting {
  id: string;
  /** The service's other name for a meeting, as `meetingdetail` reports it. */
  uuid: string;
  /** 'instant' starts when created; 'scheduled' is a booking for later (made by a test with `book`). */
  kind: 'instant' | 'scheduled';
  topic: string;
  capacity: number;
  /** The licence tier the meeting occupies. */
  tier: number;
  /** Which room of its tier it holds, numbered from 1. */
  room: number;
  duration?: number;
  userKey?: string;
  hostKey: string;
  createdAt: number;
  /** When its slot starts: its creation for an instant meeting. */
  start: number;
  joinedAt?: number;
  endedAt?: number;
  state: MeetingState;
  liveStreaming: boolean;
  options: Record<string, string>;
  /** Everyone who joined, in the order they did; those who left keep their entry. */
  participants: SandboxParticipant[];
  /**
   * A meeting booked with the schedule call: all its meetings, first to last, each in its own room. `start`
   * and `room` above are those of the current one (the first not yet over); it moves on as they end.
   */
  series?: SandboxOccurrence[];
  /** The series' rule and end as booked (kept by an update that does not change them). */
  rule?: Rule;
  end?: SeriesEnd;
}

/**
 * A meeting the sandbox held, as the usage calls report it (sandbox/usage.ts): kept when a meeting someone
 * joined ends (each meeting of a series its own record), with the room it held.
 */
export interface HeldRecord {
  meetingId: string;
  uuid: string;
  topic: string;
  /** Minutes it was booked for (the instant call's duration, or none). */
  duration?: number | undefined;
  tier: number;
  room: number;
  /** Outside the licence: made because no room of its size was free (the service's `is_extra`). */
  extra: boolean;
  /** When the first participant joined, and when it ended; epoch ms. */
  start: number;
  end: number;
  /** Who joined, with their times (a copy, as they were when it ended). */
  participants: SandboxParticipant[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

/** What a test books for later with `book`. */
export interface BookingRequest {
  topic?: string;
  capacity: number;
  /** When it starts, epoch ms. */
  start: number;
  /** Minutes; DEFAULT_SLOT_MINUTES when absent. */
  duration?: number;
  userKey?: string;
}

const online = (meeting: SandboxMeeting) => meeting.state === 'waiting' || meeting.state === 'in-progress';
const noRoom = (tier: number) => ({ ok: false as const, status: 3001, message: `当前没有空闲的 ${tier} 方会议室` });
const noLicence = (capacity: number) => ({ ok: false as const, status: 3002, message: `没有 ${capacity} 方的会议室授权` });
const gone = { ok: false as const, status: 3004, message: '会议不存在或已结束' };

/** The service's state behind every call: licensed rooms, meetings, and what time does to them. */
export function createSandboxState(clock: SandboxClock, licence: Record<string, number>, options: { extraRooms?: boolean } = {}) {
  const meetings = new Map<string, SandboxMeeting>();
  const held: HeldRecord[] = [];

  /** A meeting stops at `at`: ended, and kept as held when someone joined it. */
  function finish(meeting: SandboxMeeting, at: number): void {
    meeting.state = 'ended';
    meeting.endedAt = at;
    if (meeting.joinedAt === undefined) return;
    held.push({
      meetingId: meeting.id,
      uuid: randomBytes(16).toString('base64'),
      topic: meeting.topic,
      duration: meeting.duration,
      tier: meeting.tier,
      room: meeting.room,
      extra: meeting.room > roomsOf(meeting.tier),
      start: meeting.joinedAt,
      end: at,
      participants: meeting.participants.map((p) => ({ ...p, leftAt: p.leftAt ?? at })),
    });
  }
  let nextId = 1591620888;

  /** Brings every meeting up to the clock: release the unattended, end the finished. */
  function refresh(): void {
    const now = clock.now();
    for (const meeting of meetings.values()) {
      const end = meeting.duration ? meeting.start + meeting.duration * 60_000 : undefined;
      // Only an instant meeting is released: the docs say so of instant meetings, and say nothing of bookings.
      if (meeting.kind === 'instant' && meeting.state === 'waiting' && now >= meeting.start + RELEASE_AFTER_MS) {
        meeting.state = 'released';
        meeting.endedAt = meeting.start + RELEASE_AFTER_MS;
      }
      if (meeting.kind === 'scheduled' && meeting.state === 'waiting' && now >= plannedSlot(meeting).to) {
        meeting.state = 'ended';
        meeting.endedAt = plannedSlot(meeting).to;
      }
      if (meeting.state === 'in-progress' && end !== undefined && now >= end) finish(meeting, end);
      // A series goes on to its next meeting once one is over (they are whole slots apart, so one pass per meeting).
      while (meeting.state === 'ended' && meeting.series && moveOn(meeting)) {
        if (now >= plannedSlot(meeting).to) {
          meeting.state = 'ended';
          meeting.endedAt = plannedSlot(meeting).to;
        }
      }
    }
  }

  /** The series' next meeting becomes the current one, waiting; false when there is none. */
  function moveOn(meeting: SandboxMeeting): boolean {
    const next = meeting.series?.find((o) => o.start > meeting.start);
    if (!next) return false;
    Object.assign(meeting, { start: next.start, room: next.room, state: 'waiting', endedAt: undefined, joinedAt: undefined });
    return true;
  }

  /** Every room booking: each meeting's current one, and each later meeting of a series (waiting). */
  function* bookings(): Generator<Booking & { meeting: SandboxMeeting }> {
    for (const meeting of meetings.values()) {
      const { tier, room, start, duration, state } = meeting;
      yield { meeting, tier, room, start, duration, state };
      for (const later of meeting.series ?? []) {
        if (later.start <= meeting.start || (meeting.state !== 'waiting' && meeting.state !== 'in-progress')) continue;
        yield { meeting, tier: meeting.tier, room: later.room, start: later.start, duration: meeting.duration, state: 'waiting' };
      }
    }
  }

  const tiers = () =>
    Object.keys(licence)
      .map(Number)
      .sort((a, b) => a - b);
  const roomsOf = (tier: number) => licence[String(tier)] ?? 0;

  function tierFor(capacity: number): number | undefined {
    return tiers().find((tier) => tier >= capacity && roomsOf(tier) > 0);
  }

  /** A free room of the tier for `capacity` for the whole slot, or the refusal the service gives. */
  function placeFor(
    capacity: number,
    slot: Slot,
    except?: SandboxMeeting,
    also: readonly Booking[] = [],
  ): Outcome<{ tier: number; room: number }> {
    const tier = tierFor(capacity);
    if (tier === undefined) return noLicence(capacity);
    const others = [...bookings()].filter((b) => b.meeting !== except);
    const busy = busyRooms([...others, ...also], tier, slot, clock.now());
    // A service that makes a room beyond the licence when none is free (`is_extra` in the usage calls).
    const room =
      firstFreeRoom(roomsOf(tier), busy) ?? (options.extraRooms ? firstFreeRoom(roomsOf(tier) + busy.size + 1, busy) : undefined);
    return room === undefined ? noRoom(tier) : { ok: true, value: { tier, room } };
  }

  /**
   * A room for each meeting of the plan, or the refusal for the first that has none (3001, naming its
   * time): all or nothing. `except` is the series being re-planned, whose own rooms count as free.
   */
  function placeSeries(capacity: number, plan: Plan, except?: SandboxMeeting): Outcome<{ tier: number; series: SandboxOccurrence[] }> {
    const series: SandboxOccurrence[] = [];
    const taken: Booking[] = [];
    let tier = 0;
    for (const start of plan.occurrences) {
      const place = placeFor(capacity, slotOf(start, plan.duration), except, taken);
      if (!place.ok) return place.status === 3001 ? { ...place, message: `${chinaTime(start)} ${place.message}` } : place;
      tier = place.value.tier;
      // The series' own meetings may overlap (a duration over a day): each one taken counts for the next.
      taken.push({ tier, room: place.value.room, start, duration: plan.duration, state: 'waiting' });
      series.push({ start, room: place.value.room, uuid: randomBytes(16).toString('base64') });
    }
    return { ok: true, value: { tier, series } };
  }

  function add(
    kind: SandboxMeeting['kind'],
    fields: Record<string, string>,
    start: number,
    place: { tier: number; room: number },
  ): SandboxMeeting {
    const id = String(nextId++);
    const meeting: SandboxMeeting = {
      id,
      uuid: randomBytes(16).toString('base64'),
      kind,
      topic: fields.topic ?? '',
      capacity: Number(fields.meeting_capacity),
      ...place,
      duration: fields.duration ? Number(fields.duration) : undefined,
      userKey: fields.user_key,
      hostKey: String(randomInt(100000, 999999)),
      createdAt: clock.now(),
      start,
      state: 'waiting',
      liveStreaming: fields.allow_live_streaming === 'true',
      options: fields,
      participants: [],
    };
    meetings.set(id, meeting);
    return meeting;
  }

  return {
    meetings,
    refresh,
    /** The meetings held, in the order they ended (sandbox/usage.ts). */
    held: (): readonly HeldRecord[] => {
      refresh();
      return held;
    },
    licensed: (tier: number) => roomsOf(tier),
    tierFor,
    bookings: () => {
      refresh();
      return [...bookings()];
    },

    /**
     * Rooms of the size that fits `capacity` (licensed or not: a size without rooms has 0), and how
     * many no booking holds during `slot` (default: from now for DEFAULT_SLOT_MINUTES).
     */
    rooms(capacity: number, slot: Slot = slotOf(clock.now(), DEFAULT_SLOT_MINUTES)): { total: number; free: number } {
      refresh();
      const tier = tiers().find((t) => t >= capacity) ?? capacity;
      const total = roomsOf(tier);
      return { total, free: Math.max(0, total - busyRooms(bookings(), tier, slot, clock.now()).size) };
    },

    licence: () => ({ ...licence }),

    /** An instant meeting: it holds a room from now for its duration (DEFAULT_SLOT_MINUTES without one). */
    create(fields: Record<string, string>): Outcome<SandboxMeeting> {
      refresh();
      const capacity = Number(fields.meeting_capacity);
      const duration = fields.duration ? Number(fields.duration) : DEFAULT_SLOT_MINUTES;
      const place = placeFor(capacity, slotOf(clock.now(), duration));
      return place.ok ? { ok: true, value: add('instant', fields, clock.now(), place.value) } : place;
    },

    /** A booking for later, as a scheduled meeting: for tests of slots (there is no `schedule` call yet). */
    book(request: BookingRequest): Outcome<SandboxMeeting> {
      refresh();
      const place = placeFor(request.capacity, slotOf(request.start, request.duration ?? DEFAULT_SLOT_MINUTES));
      if (!place.ok) return place;
      const fields: Record<string, string> = { topic: request.topic ?? '预约会议', meeting_capacity: String(request.capacity) };
      if (request.duration !== undefined) fields.duration = String(request.duration);
      if (request.userKey !== undefined) fields.user_key = request.userKey;
      return { ok: true, value: add('scheduled', fields, request.start, place.value) };
    },

    /** A meeting booked for later with the schedule call: every meeting of the plan in a room, or nothing booked. */
    schedule(fields: Record<string, string>, plan: Plan): Outcome<SandboxMeeting> {
      refresh();
      const placed = placeSeries(Number(fields.meeting_capacity), plan);
      if (!placed.ok) return placed;
      const [first] = placed.value.series;
      const meeting = add('scheduled', { ...fields, duration: String(plan.duration) }, plan.occurrences[0]!, {
        tier: placed.value.tier,
        room: first!.room,
      });
      Object.assign(meeting, { series: placed.value.series, rule: plan.rule, end: plan.end });
      return { ok: true, value: meeting };
    },

    /**
     * A booked meeting changed as a whole: re-planned and every meeting rebooked, or nothing changed
     * (3001) when one has no room. Only a scheduled meeting not yet started can be changed.
     */
    update(id: string, fields: Record<string, string>, plan: (meeting: SandboxMeeting) => Outcome<Plan>): Outcome<SandboxMeeting> {
      const meeting = this.find(id);
      if (!meeting || meeting.kind !== 'scheduled' || meeting.state !== 'waiting') {
        return { ok: false, status: 3004, message: '会议不存在、已开始或已结束，或不是预约会议' };
      }
      const planned = plan(meeting);
      if (!planned.ok) return planned;
      const placed = placeSeries(meeting.capacity, planned.value, meeting);
      if (!placed.ok) return placed;
      const changed = Object.fromEntries(
        Object.entries(fields).filter(([name]) => name !== 'id' && name !== 'api_key' && name !== 'api_secret'),
      );
      Object.assign(meeting, {
        tier: placed.value.tier,
        room: placed.value.series[0]!.room,
        start: planned.value.occurrences[0],
        duration: planned.value.duration,
        series: placed.value.series,
        rule: planned.value.rule,
        end: planned.value.end,
        options: { ...meeting.options, ...changed },
      });
      if (fields.topic !== undefined) meeting.topic = fields.topic;
      if (fields.user_key !== undefined) meeting.userKey = fields.user_key;
      if (fields.allow_live_streaming !== undefined) meeting.liveStreaming = fields.allow_live_streaming === 'true';
      return { ok: true, value: meeting };
    },

    /** When the host may open a scheduled meeting waiting for its start: ready_time minutes before it. */
    opensAt(meeting: SandboxMeeting): number | undefined {
      return meeting.kind === 'scheduled' && meeting.state === 'waiting' ? meeting.start - READY_MINUTES * 60_000 : undefined;
    },

    find(id: string): SandboxMeeting | undefined {
      refresh();
      return meetings.get(id);
    },

    /**
     * Someone joined (the join or start page, or a test): one more participant, and a waiting meeting
     * is in progress and will not be released. Nobody joins a meeting that is over.
     */
    join(id: string, who?: JoinOptions): SandboxMeeting | undefined {
      const meeting = this.find(id);
      if (meeting && online(meeting)) {
        meeting.participants.push(newParticipant(meeting.participants, clock.now(), who));
        if (meeting.state === 'waiting') {
          meeting.state = 'in-progress';
          meeting.joinedAt = clock.now();
        }
      }
      return meeting;
    },

    /** The first participant of that name still in the meeting leaves; false when there is none. The meeting runs on. */
    leave(id: string, name: string): boolean {
      const present = this.find(id)?.participants.find((p) => p.name === name && p.leftAt === undefined);
      if (present) present.leftAt = clock.now();
      return Boolean(present);
    },

    /**
     * A bigger or smaller room for the rest of the meeting's slot. Within its size it stays where it is;
     * otherwise it moves to a free room of the new size, and its old room is free from then on.
     */
    resize(id: string, capacity: number): Outcome<SandboxMeeting> {
      const meeting = this.find(id);
      if (!meeting || !online(meeting)) return gone;
      // Each meeting of a series holds a room of its own: moving them all is not modelled.
      if ((meeting.series?.length ?? 0) > 1) return { ok: false, status: 3000, message: '沙盒不支持调整重复会议的会议室大小' };
      const now = clock.now();
      const held = heldSlot(meeting, now)!;
      const rest = { from: Math.max(now, held.from), to: held.to };
      if (tierFor(capacity) !== meeting.tier) {
        const place = placeFor(capacity, rest, meeting);
        if (!place.ok) return place;
        Object.assign(meeting, place.value);
      }
      meeting.capacity = capacity;
      return { ok: true, value: meeting };
    },

    end(id: string): Outcome<SandboxMeeting> {
      const meeting = this.find(id);
      if (!meeting || !online(meeting)) return gone;
      finish(meeting, clock.now());
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

    /** The licensed sizes with rooms, smallest first, each with its room count. */
    sizes: () => tiers().flatMap((tier) => (roomsOf(tier) > 0 ? [{ tier, rooms: roomsOf(tier) }] : [])),
  };
}
export type SandboxState = ReturnType<typeof createSandboxState>;

/** A start link token shaped like the real one (a JWT), fresh each time. */
export function fakeZak(): string {
  const part = (bytes: number) => randomBytes(bytes).toString('base64url');
  return `eyJ${part(12)}.${part(48)}.${part(24)}`;
}
