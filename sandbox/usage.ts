import { chinaTime } from './china-time.js';
import { roomId } from './rooms.js';
import type { HeldRecord, SandboxState } from './state.js';

/**
 * The usage calls (`summary`, `detail`: docs/umeet-api.md, "Usage") from the meetings the sandbox held.
 * A period is of China's dates (`from`, `to`, both included, today by default); past a month the service
 * answers the last month alone, as its documentation says, without a word. Paged; types mixed as in the
 * service's other answers. A participant who joined as "Phone" is a telephone call, billed per minute.
 */

/** What the sandbox charges a minute of a telephone call, in yuan: its own choice, for sums to check. */
export const AUDIO_FEE_PER_MINUTE = 0.15;
export const MAX_USAGE_PAGE = 100;

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;
/** A China date `yyyy-M-d` (zero-padded or not, as the docs' own example) as its midnight, epoch ms. */
function chinaMidnight(text: string | undefined): number | undefined {
  const parts = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text?.trim() ?? '');
  if (!parts) return undefined;
  const [y, m, d] = parts.slice(1).map(Number) as [number, number, number];
  const at = Date.UTC(y, m - 1, d);
  return new Date(at).getUTCDate() === d ? at - CHINA : undefined;
}
const chinaDate = (ms: number) => chinaTime(ms).slice(0, 10);

/** The period answered: `[from, to + 1 day)`; past a month, the month up to `to`. */
export function periodOf(fields: Record<string, string>, now: number): { from: number; to: number } | { status: number; message: string } {
  const today = chinaMidnight(chinaDate(now))!;
  const from = fields.from ? chinaMidnight(fields.from) : today;
  const to = fields.to ? chinaMidnight(fields.to) : today;
  if (from === undefined || to === undefined) return { status: 3000, message: 'from/to 格式应为 yyyy-MM-dd' };
  if (to < from) return { status: 3000, message: 'to 不能早于 from' };
  // A month before the day after `to`, on China's calendar (31 March: from 1 March).
  const end = to + DAY;
  const monthBefore = new Date(end + CHINA);
  monthBefore.setUTCMonth(monthBefore.getUTCMonth() - 1);
  return { from: Math.max(from, monthBefore.getTime() - CHINA), to: end };
}

function pageOf<T>(all: readonly T[], fields: Record<string, string>, period: { from: number; to: number }) {
  const size = Math.min(MAX_USAGE_PAGE, Math.max(1, Number(fields.page_size) || 30));
  const number = Math.max(1, Number(fields.page_number) || 1);
  const pages = Math.max(1, Math.ceil(all.length / size));
  return {
    from: chinaDate(period.from),
    to: chinaDate(period.to - DAY),
    total_record: all.length,
    total_page: pages,
    page_number: number,
    page_size: String(size),
    has_previous_page: number > 1,
    has_next_page: number < pages,
    items: all.slice((number - 1) * size, number * size),
  };
}

const heldIn = (state: SandboxState, period: { from: number; to: number }) =>
  state
    .held()
    .filter((h) => h.start >= period.from && h.start < period.to)
    .sort((a, b) => a.start - b.start);
const minutesOf = (from: number, to: number) => Math.round((to - from) / 60_000);
const calls = (h: HeldRecord) => h.participants.filter((p) => p.device === 'Phone');
const callMinutes = (h: HeldRecord) => calls(h).reduce((sum, p) => sum + minutesOf(p.joinedAt, p.leftAt!), 0);
const fen = (yuan: number) => Math.round(yuan * 100) / 100;

/** `POST /umeeting/share/summary`: totals, and one entry per room that held a meeting in the period. */
export function summaryView(state: SandboxState, fields: Record<string, string>, now: number) {
  const period = periodOf(fields, now);
  if ('status' in period) return period;
  const held = heldIn(state, period);
  const rooms = new Map<string, HeldRecord[]>();
  for (const h of held) rooms.set(roomId(h.tier, h.room), [...(rooms.get(roomId(h.tier, h.room)) ?? []), h]);
  const list = [...rooms.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, records], index) => {
      const audio = records.reduce((sum, h) => sum + callMinutes(h), 0);
      return {
        host_id: id,
        is_extra: records[0]!.extra ? 1 : 0,
        meetings: records.length,
        participants:
          index % 2
            ? String(records.reduce((sum, h) => sum + h.participants.length, 0))
            : records.reduce((sum, h) => sum + h.participants.length, 0),
        meeting_minutes: records.reduce((sum, h) => sum + minutesOf(h.start, h.end), 0),
        audio_participants: records.reduce((sum, h) => sum + calls(h).length, 0),
        audio_total_duration: audio,
        total_fee: fen(audio * AUDIO_FEE_PER_MINUTE),
      };
    });
  const { items, ...page } = pageOf(list, fields, period);
  return {
    status: 200,
    message: 'OK',
    data: {
      ...page,
      total_meetings: held.length,
      total_participants: held.reduce((sum, h) => sum + h.participants.length, 0),
      total_meeting_minutes: held.reduce((sum, h) => sum + minutesOf(h.start, h.end), 0),
      rooms: items,
    },
  };
}

/** `POST /umeeting/share/detail`: each meeting held in the period, by start; who joined and the calls only when asked. */
export function detailRecordsView(state: SandboxState, fields: Record<string, string>, now: number) {
  const period = periodOf(fields, now);
  if ('status' in period) return period;
  const list = heldIn(state, period).map((h, index) => ({
    uuid: h.uuid,
    host_id: roomId(h.tier, h.room),
    meeting_id: index % 2 ? h.meetingId : Number(h.meetingId),
    topic: h.topic,
    start_time: chinaTime(h.start),
    duration: h.duration ?? '',
    end_time: chinaTime(h.end),
    is_extra: h.extra ? 1 : '0',
    ...(fields.show_participants === 'true'
      ? { participants: h.participants.map((p) => ({ name: p.name, join_time: chinaTime(p.joinedAt), leave_time: chinaTime(p.leftAt!) })) }
      : {}),
    ...(fields.show_telephony_usage === 'true'
      ? {
          telephony_usage: calls(h).map((p, i) => ({
            phone_number: `+861370000${String(i).padStart(4, '0')}`,
            type: 'call-in',
            start_time: chinaTime(p.joinedAt),
            end_time: chinaTime(p.leftAt!),
            duration: minutesOf(p.joinedAt, p.leftAt!),
            total: fen(minutesOf(p.joinedAt, p.leftAt!) * AUDIO_FEE_PER_MINUTE),
          })),
        }
      : {}),
  }));
  const { items, ...page } = pageOf(list, fields, period);
  return { status: 200, message: 'OK', data: { ...page, meetings: items } };
}
