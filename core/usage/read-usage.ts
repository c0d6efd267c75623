import { localDate } from '../../common/format.js';
import { parseServiceTime, toServiceTime } from '../../common/service-time.js';
import type { ApiResult } from '../../common/umeet-api.js';
import type { DetailPage, HeldMeeting, RoomsByHour, UsageReport } from '../../common/usage.js';
import { addDays, daysOf, midnightOf, monthsOf } from './periods.js';

/** What reading usage needs of the API client (core/api/client.ts). */
export interface UsageClient {
  detail(input: {
    from: string;
    to: string;
    show_participants?: boolean;
    show_telephony_usage?: boolean;
    page_size?: number;
    page_number?: number;
  }): Promise<ApiResult<DetailPage>>;
}

/** Meetings a page: each comes with its participants (counted, then dropped), so pages stay well under the client's 1 MiB. */
const PAGE_SIZE = 50;
/** At most this many pages a month (10,000 meetings). */
const MAX_PAGES = 200;

/** A meeting held, where the report needs it: its local start, minutes, and what it counted. */
export interface Held {
  host_id: string;
  start: Date;
  end: Date;
  minutes: number;
  participants: number;
  audio_fee: number;
  no_room: boolean;
}

/** Every page of `detail` for one period of China's dates. */
async function allMeetings(client: UsageClient, period: { from: string; to: string }): Promise<ApiResult<HeldMeeting[]>> {
  const all: HeldMeeting[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await client.detail({
      ...period,
      show_participants: true,
      show_telephony_usage: true,
      page_size: PAGE_SIZE,
      page_number: page,
    });
    if (!answer.ok) return answer;
    all.push(...answer.value.meetings);
    const { has_next_page: more, total_page: pages } = answer.value;
    if (!(more ?? (pages !== undefined && page < pages)) || answer.value.meetings.length === 0) break;
  }
  return { ok: true, value: all };
}

/**
 * The meetings held in a period of local dates (both included). The service counts China's dates and
 * answers at most a month (past that, the last month alone, without saying so): the China dates that
 * cover the local period are read a calendar month at a time, in turn, and the meetings kept are those
 * that started on the local dates asked.
 */
export async function readHeld(client: UsageClient, period: { from: string; to: string }): Promise<ApiResult<Held[]>> {
  const first = midnightOf(period.from);
  const last = new Date(midnightOf(addDays(period.to, 1)).getTime() - 1_000);
  const china = { from: toServiceTime(first).slice(0, 10), to: toServiceTime(last).slice(0, 10) };
  const held: Held[] = [];
  for (const month of monthsOf(china.from, china.to)) {
    const answer = await allMeetings(client, month);
    if (!answer.ok) return answer;
    for (const m of answer.value) {
      const start = parseServiceTime(m.start_time);
      if (!start || start < first || start > last) continue;
      const end = parseServiceTime(m.end_time) ?? new Date(start.getTime() + (m.duration ?? 0) * 60_000);
      held.push({
        host_id: m.host_id,
        start,
        end,
        minutes: Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000)),
        participants: m.participants?.count ?? 0,
        audio_fee: m.telephony_usage?.fee ?? 0,
        no_room: m.is_extra === true,
      });
    }
  }
  return { ok: true, value: held };
}

/** Yuan to the fen: sums of fees without a float's tail. */
const yuan = (value: number) => Math.round(value * 100) / 100;

/** The report of a period (common/usage.ts, UsageReport): totals, each room, each local day (those without meetings too). */
export function usageReport(period: { from: string; to: string }, held: readonly Held[]): UsageReport {
  const rooms = new Map<string, UsageReport['rooms'][number]>();
  const days = new Map(daysOf(period.from, period.to).map((date) => [date, { date, meetings: 0, minutes: 0 }]));
  for (const h of held) {
    const room = rooms.get(h.host_id) ?? { host_id: h.host_id, meetings: 0, participants: 0, minutes: 0, audio_fee: 0, no_room: 0 };
    room.meetings += 1;
    room.participants += h.participants;
    room.minutes += h.minutes;
    room.audio_fee = yuan(room.audio_fee + h.audio_fee);
    room.no_room += h.no_room ? 1 : 0;
    rooms.set(h.host_id, room);
    const day = days.get(localDate(h.start));
    if (day) {
      day.meetings += 1;
      day.minutes += h.minutes;
    }
  }
  const list = [...rooms.values()].sort((a, b) => a.host_id.localeCompare(b.host_id));
  const sum = (field: 'meetings' | 'participants' | 'minutes' | 'no_room') => list.reduce((total, room) => total + room[field], 0);
  return {
    from: period.from,
    to: period.to,
    totals: {
      meetings: sum('meetings'),
      participants: sum('participants'),
      minutes: sum('minutes'),
      audio_fee: yuan(list.reduce((total, room) => total + room.audio_fee, 0)),
      no_room: sum('no_room'),
    },
    rooms: list,
    days: [...days.values()],
  };
}

const HOUR = 3_600_000;

/**
 * Rooms of each size in use at once, the most in any one hour of the period, by weekday (0 Monday) and local
 * hour, with the rooms licensed of that size: whether the company rents too few rooms of a size, or too many.
 * A room counts in an hour when one of its meetings overlaps it. A room the licence does not list (one made
 * because none was free) has no known size and is left out here (it is counted in `no_room`).
 */
export function roomsByHour(
  held: readonly Held[],
  sizeOf: ReadonlyMap<string, number>,
  licence: Readonly<Record<string, number>>,
): RoomsByHour {
  // Local hour start (ms) -> size -> rooms busy.
  const busy = new Map<number, Map<number, Set<string>>>();
  for (const h of held) {
    const size = sizeOf.get(h.host_id);
    if (!size) continue;
    const first = new Date(h.start);
    first.setMinutes(0, 0, 0);
    for (let at = first.getTime(); at < h.end.getTime(); at += HOUR) {
      const bySize = busy.get(at) ?? new Map<number, Set<string>>();
      bySize.set(size, (bySize.get(size) ?? new Set()).add(h.host_id));
      busy.set(at, bySize);
    }
  }
  const sizes = new Set([
    ...Object.entries(licence)
      .filter(([size, rooms]) => rooms > 0 && Number(size) > 0)
      .map(([size]) => Number(size)),
    ...sizeOf.values(),
  ]);
  return [...sizes]
    .sort((a, b) => a - b)
    .map((capacity) => {
      const peak = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
      for (const [at, bySize] of busy) {
        const when = new Date(at);
        const row = peak[(when.getDay() + 6) % 7]!;
        row[when.getHours()] = Math.max(row[when.getHours()]!, bySize.get(capacity)?.size ?? 0);
      }
      return { capacity, licensed: licence[String(capacity)] ?? 0, peak };
    });
}
