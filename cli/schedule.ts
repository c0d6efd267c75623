import type { UmeetClient } from '../core/api/client.js';
import { firstDifference, planSeries } from '../core/calendar/plan.js';
import { askedOccurrences, serviceOccurrences } from '../core/calendar/series.js';
import { localDate, localTime } from '../common/format.js';
import {
  MAX_OCCURRENCES,
  ScheduleRequest,
  scheduleFields,
  startsTheSeries,
  WEEKDAYS,
  Weekday,
  type Recurrence,
  type RecurrenceEnd,
} from '../common/schedule.js';
import {
  beijingSeriesWords,
  localMinuteIn,
  meetingWords,
  recurrenceWords,
  slotWords,
  zoneName,
  zoneOfTimes,
} from '../common/schedule-words.js';
import type { SeriesDifference, SeriesPlanView } from '../common/scheduled.js';
import { parseServiceTime } from '../common/service-time.js';
import type { ApiResult, ListedMeeting, ScheduledMeeting } from '../common/umeet-api.js';
import { isoLocal } from './local-time.js';
import { table } from './table.js';

/**
 * `umeet schedule`, `upcoming` and `cancel`: the user's terms (a local start, `--repeat weekly:mon,wed`,
 * `--times` or `--until`) made into a ScheduleRequest (common/schedule.ts), checked before anything is
 * sent, and the answers in the shapes scripts read: moments in ISO-8601 with the local offset.
 */

export { scheduleFields };

export type Checked<T> = { ok: true; value: T } | { ok: false; option: string; problem: string };
const refuse = (option: string, problem: string) => ({ ok: false as const, option, problem });

const DAY_NAMES: Record<Weekday, string> = {
  sun: 'Sunday',
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
};
const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th'];

export const REPEAT_FORMS =
  'daily, weekdays, weekly:<days> (e.g. weekly:mon,wed), monthly:<day> (1–31) or monthly:<nth>-<day> (e.g. 2nd-tue)';

/** `--repeat`: daily, weekdays, weekly:mon,wed, monthly:15, monthly:2nd-tue. */
export function parseRepeat(text: string): Checked<Recurrence> {
  const bad = refuse('--repeat', `must be ${REPEAT_FORMS}, not ${JSON.stringify(text)}`);
  const value = text.trim().toLowerCase();
  if (value === 'daily') return { ok: true, value: { kind: 'daily' } };
  if (value === 'weekdays') return { ok: true, value: { kind: 'weekdays' } };
  const weekly = /^weekly:([a-z,]+)$/.exec(value);
  if (weekly) {
    const days = weekly[1]!.split(',');
    if (!days.every((d) => Weekday.safeParse(d).success)) return bad;
    return { ok: true, value: { kind: 'weekly', days: [...new Set(days as Weekday[])] } };
  }
  const monthDay = /^monthly:(\d{1,2})$/.exec(value);
  if (monthDay) {
    const day = Number(monthDay[1]);
    return day >= 1 && day <= 31 ? { ok: true, value: { kind: 'monthly-day', day } } : bad;
  }
  const nth = /^monthly:(1st|2nd|3rd|4th|5th)-([a-z]{3})$/.exec(value);
  if (nth && Weekday.safeParse(nth[2]).success) {
    return { ok: true, value: { kind: 'monthly-weekday', week: ORDINALS.indexOf(nth[1]!) + 1, day: nth[2] as Weekday } };
  }
  return bad;
}

/** `--until YYYY-MM-DD`: a date that exists. */
function parseUntil(text: string): Checked<string> {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const at = parts ? new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])) : undefined;
  if (!parts || !at || localDate(at) !== text.trim()) {
    return refuse('--until', `must be a date "YYYY-MM-DD" that exists, not ${JSON.stringify(text)}`);
  }
  return { ok: true, value: text.trim() };
}

/** What the options of `umeet schedule` hold once commander has read them. */
export interface ScheduleOptions {
  topic: string;
  capacity: number;
  start: Date;
  duration: number;
  password?: string;
  waitingRoom?: boolean;
  hostName?: string;
  userKey?: string;
  recording?: 'cloud' | 'none';
  repeat?: string;
  times?: number;
  until?: string;
  joinBeforeHost?: boolean;
  muteOnEntry?: boolean;
  hostVideo?: boolean;
  participantsVideo?: boolean;
  liveStreaming?: boolean;
  /** Book the series as the service would (Beijing's calendar and clock), even where that is not as asked. */
  asBookedInBeijing?: boolean;
  /** Book each meeting of the series on its own, at the local time asked. */
  oneByOne?: boolean;
}

/** The request's fields as the user typed them, for an error that names the option. */
const OPTION_OF: Record<string, string> = {
  topic: '--topic',
  capacity: '--capacity',
  start: '--start',
  duration: '--duration',
  password: '--password',
  hostName: '--host-name',
  userKey: '--user-key',
  recording: '--recording',
  recurrence: '--repeat',
};

/**
 * The options as a ScheduleRequest, or the first problem, naming its option: every check that needs no
 * answer from the service, so that nothing is sent when one fails. `now` is the moment of the check.
 */
export function scheduleRequest(o: ScheduleOptions, now: Date): Checked<ScheduleRequest> {
  if (o.start.getTime() <= now.getTime()) {
    return refuse('--start', `${localDate(o.start)} ${localTime(o.start)} is in the past (now ${localDate(now)} ${localTime(now)})`);
  }
  if (o.times !== undefined && o.until !== undefined) return refuse('--times', 'give --times or --until, not both');
  let recurrence: Recurrence | undefined;
  let end: RecurrenceEnd | undefined;
  if (o.repeat !== undefined) {
    const repeat = parseRepeat(o.repeat);
    if (!repeat.ok) return repeat;
    recurrence = repeat.value;
    if (o.times === undefined && o.until === undefined) return refuse('--repeat', 'a series needs an end: --times N or --until YYYY-MM-DD');
    if (o.times !== undefined) {
      if (!(o.times >= 2 && o.times <= MAX_OCCURRENCES)) return refuse('--times', `must be from 2 to ${MAX_OCCURRENCES}, not ${o.times}`);
      end = { times: o.times };
    } else {
      const until = parseUntil(o.until!);
      if (!until.ok) return until;
      if (until.value < localDate(o.start)) return refuse('--until', `${until.value} is before the first meeting (${localDate(o.start)})`);
      end = { until: until.value };
    }
    if (!startsTheSeries(recurrence, o.start)) {
      const day = DAY_NAMES[WEEKDAYS[o.start.getDay()]!];
      return refuse('--start', `${localDate(o.start)} is a ${day}, a day --repeat ${o.repeat.trim()} does not make: start on one it does`);
    }
  } else if (o.times !== undefined || o.until !== undefined) {
    return refuse(o.times !== undefined ? '--times' : '--until', 'only a series has an end: give --repeat too');
  }
  const parsed = ScheduleRequest.safeParse({
    topic: o.topic,
    capacity: o.capacity,
    start: isoLocal(o.start),
    duration: o.duration,
    password: o.password,
    waitingRoom: o.waitingRoom,
    hostName: o.hostName,
    userKey: o.userKey,
    recording: o.recording,
    recurrence,
    end,
    muteOnEntry: o.muteOnEntry,
    hostVideo: o.hostVideo,
    participantsVideo: o.participantsVideo,
    liveStreaming: o.liveStreaming,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    return refuse(OPTION_OF[field] ?? (field === 'end' ? (o.times !== undefined ? '--times' : '--until') : `--${field}`), issue.message);
  }
  return { ok: true, value: parsed.data };
}

/** `umeet schedule --json`: what was booked, on the user's clock. */
export interface Booked {
  meeting_id: string;
  topic: string;
  join_url?: string | undefined;
  /** The moment booked, from what was sent (the answer's own start_time is not trusted: "7"). */
  start: string;
  duration: number;
  repeat?: string;
  /** The series' meetings as the service answered them. */
  occurrences?: string[];
  occurrences_as_asked?: boolean;
  /** Booked with --one-by-one: every meeting, each its own. */
  booked_one_by_one?: boolean;
  /** With --one-by-one, false when a meeting could not be booked (those before it stay booked). */
  complete?: false;
  meetings?: BookedOne[];
  host_key?: string | undefined;
  start_url?: string | undefined;
  token?: string | undefined;
}

/** The series as asked (the user's days at their local time) and as booked: the moments, and the first that differs. */
export function seriesOf(request: ScheduleRequest, answer: ScheduledMeeting) {
  if (!request.recurrence || !request.end) return undefined;
  const asked = askedOccurrences(request.recurrence, request.end, new Date(request.start));
  const booked = serviceOccurrences(answer.occurrences);
  const difference = firstDifference(asked, booked);
  return { asked, booked, difference, asAsked: !difference };
}

/** The words of the series as booked: as asked, or (accepted so) as the service runs it on Beijing's clock. */
const seriesWords = (request: ScheduleRequest, beijingClock: boolean) =>
  request.recurrence && beijingClock
    ? beijingSeriesWords(request.recurrence, request.end, new Date(request.start), 'en')
    : request.recurrence
      ? recurrenceWords(request.recurrence, request.end, 'en')
      : undefined;

export function bookedView(request: ScheduleRequest, answer: ScheduledMeeting): Booked {
  const series = seriesOf(request, answer);
  return {
    meeting_id: answer.meeting_id,
    topic: request.topic,
    join_url: answer.join_url,
    start: isoLocal(new Date(request.start)),
    duration: request.duration,
    ...(series && request.recurrence
      ? {
          repeat: seriesWords(request, !series.asAsked)!,
          occurrences: series.booked.map(isoLocal),
          occurrences_as_asked: series.asAsked,
        }
      : {}),
    host_key: answer.host_key,
    start_url: answer.start_url,
    token: answer.token,
  };
}

/** One difference as people read it: `meeting 9: asked Tue 2027-09-14 18:00, booked Tue 2027-09-07 18:00`. */
function differenceWords(difference: SeriesDifference, verb: 'booked' | 'would be'): string {
  const at = (iso: string | undefined) => (iso ? meetingWords(new Date(iso), 'en') : 'none');
  return `meeting ${difference.index + 1}: asked ${at(difference.asked)}, ${verb} ${at(difference.booked)}`;
}

/** The one warning line's text when the service booked other meetings than asked; undefined when it did not. */
export function seriesWarning(request: ScheduleRequest, answer: ScheduledMeeting): string | undefined {
  const series = seriesOf(request, answer);
  if (!series?.difference) return undefined;
  const { asked, booked, difference } = series;
  if (booked.length === 0) return `the service booked other meetings than asked: it listed none of the ${asked.length} meetings`;
  const zone = zoneName(new Date(difference.asked ?? difference.booked!));
  return `the service booked other meetings than asked: ${booked.length} meetings for ${asked.length}; ${differenceWords(difference, 'booked')} (${zone})`;
}

/** Why a series would not be booked as asked, and what can be done: the line `umeet schedule` refuses with. */
export function notAsAskedText(plan: SeriesPlanView, request: ScheduleRequest): string {
  const first = new Date(request.start);
  const because = plan.differences.map((difference) => {
    const zone = zoneName(new Date(difference.asked ?? difference.booked ?? request.start));
    const why =
      difference.why === 'clock'
        ? `Beijing keeps no daylight saving time, so the service holds every meeting at ${plan.beijing.time} Beijing time`
        : difference.why === 'day'
          ? `the service repeats a series on Beijing's calendar, where this one is "${recurrenceWords(plan.beijing.rule, undefined, 'en')}" at ${plan.beijing.time}, which falls on other days`
          : `the service's repeat makes ${plan.wouldBook.length} meetings, not ${plan.asked.length}`;
    return `${differenceWords(difference, 'would be')} (${zone}): ${why}`;
  });
  return (
    `the service would not book this series as asked: ${because.join('; and ')}; ` +
    `add --as-booked-in-beijing to book it as the service would, or --one-by-one to book the ${plan.asked.length} meetings each on its own ` +
    `at ${localTime(first)} your time; or choose another --start`
  );
}

/** The series' plan, or none for a single meeting. */
export const planOf = (request: ScheduleRequest): SeriesPlanView | undefined =>
  request.recurrence && request.end ? planSeries(request.recurrence, request.end, new Date(request.start)) : undefined;

/** `umeet schedule --one-by-one --json`: each meeting booked on its own, in order. */
export interface BookedOne {
  meeting_id: string;
  start: string;
  join_url?: string | undefined;
  host_key?: string | undefined;
  start_url?: string | undefined;
  token?: string | undefined;
}

/** A series as single meetings: the request for each meeting asked, at its local time. */
export function oneByOneRequests(request: ScheduleRequest): ScheduleRequest[] {
  const { recurrence, end, ...single } = request;
  if (!recurrence || !end) return [request];
  return askedOccurrences(recurrence, end, new Date(request.start)).map((at) => ({ ...single, start: isoLocal(at) }));
}

/** The view of a series booked one by one (complete or not). */
export function oneByOneView(
  request: ScheduleRequest,
  booked: readonly { request: ScheduleRequest; answer: ScheduledMeeting }[],
  asked: number,
): Booked {
  const first = booked[0]!.answer;
  const complete = booked.length === asked;
  return {
    meeting_id: first.meeting_id,
    topic: request.topic,
    join_url: first.join_url,
    start: isoLocal(new Date(request.start)),
    duration: request.duration,
    repeat: seriesWords(request, false),
    occurrences: booked.map((b) => isoLocal(new Date(b.request.start))),
    occurrences_as_asked: complete,
    booked_one_by_one: true,
    ...(complete ? {} : { complete: false as const }),
    meetings: booked.map((b): BookedOne => ({
      meeting_id: b.answer.meeting_id,
      start: isoLocal(new Date(b.request.start)),
      join_url: b.answer.join_url,
      host_key: b.answer.host_key,
      start_url: b.answer.start_url,
      token: b.answer.token,
    })),
    host_key: first.host_key,
    start_url: first.start_url,
    token: first.token,
  };
}

/** `umeet schedule` for people: a few lines on the user's clock. */
export function bookedLines(request: ScheduleRequest, view: Booked): string {
  const start = new Date(request.start);
  const rows: [string, string | undefined][] = [
    ['Topic', request.topic],
    ['Time', slotWords(start, request.duration, { withZone: true })],
    ['Repeats', view.repeat],
    [
      'Meetings',
      view.booked_one_by_one
        ? `${view.meetings?.length ?? 0}, each booked on its own (its own meeting ID and link)`
        : view.occurrences?.length
          ? String(view.occurrences.length)
          : undefined,
    ],
    ['Meeting ID', view.booked_one_by_one ? undefined : view.meeting_id],
    ['Join link', view.booked_one_by_one ? undefined : view.join_url],
    ['Host link', view.booked_one_by_one ? undefined : view.start_url],
    ['Token', view.booked_one_by_one ? undefined : view.token],
  ];
  const head = rows
    .filter(([, value]) => value)
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
  if (!view.booked_one_by_one || !view.meetings) return `${head}\n`;
  const cells = view.meetings.map((m) => [
    meetingWords(new Date(m.start), 'en'),
    m.meeting_id,
    m.join_url ?? '',
    ...(m.start_url ? [m.start_url] : []),
  ]);
  const header = ['Start', 'Meeting ID', 'Join link', ...(view.meetings.some((m) => m.start_url) ? ['Host link'] : [])];
  return `${head}\n${table(header, cells)}`;
}

/** The language of the invitation in the calendar file (cli/locale.ts). */
export { cliLocale } from './locale.js';

/** `umeet upcoming`: one scheduled meeting not yet started. */
export interface Upcoming {
  meeting_id: string;
  topic: string | null;
  start: string | null;
  duration: number | null;
  join_url: string | null;
}

/** As many as the client lets one page hold. */
const PAGE_SIZE = 100;
/** A bound, so that a service that keeps saying "more" cannot keep the command running. */
const MAX_PAGES = 100;

/** Every page of `list`, the scheduled meetings (type 2) not yet started (status 0), soonest first. */
export async function upcomingMeetings(client: Pick<UmeetClient, 'list'>): Promise<ApiResult<Upcoming[]>> {
  const all: ListedMeeting[] = [];
  for (let number = 1; number <= MAX_PAGES; number += 1) {
    const page = await client.list({ page_size: PAGE_SIZE, page_number: number });
    if (!page.ok) return page;
    const { meetings, has_next_page: next, total_page: pages } = page.value;
    all.push(...meetings);
    const more = next ?? (pages !== undefined ? number < pages : meetings.length >= PAGE_SIZE);
    if (!more || meetings.length === 0) break;
  }
  const rows = all
    .filter((m) => m.type === 2 && m.status === 0)
    .map((m) => ({ meeting: m, at: parseServiceTime(m.start_time) }))
    .sort((a, b) => (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity));
  return {
    ok: true,
    value: rows.map(({ meeting: m, at }) => ({
      meeting_id: m.id,
      topic: m.topic ?? null,
      start: at ? isoLocal(at) : null,
      duration: m.duration ?? null,
      join_url: m.join_url ?? null,
    })),
  };
}

/** `umeet upcoming` for people: a small table on the local clock, the zone named (zoneOfTimes, as `list` does). */
export function upcomingLines(rows: readonly Upcoming[]): string {
  if (!rows.length) return 'No upcoming scheduled meetings.\n';
  const { zone, eachOffset } = zoneOfTimes(rows.flatMap((r) => (r.start ? [new Date(r.start)] : [])));
  const cells = rows.map((r) => [
    r.start ? localMinuteIn(new Date(r.start), eachOffset) : '',
    r.duration === null ? '' : `${r.duration} min`,
    r.meeting_id,
    r.topic ?? '',
  ]);
  return `Upcoming meetings (times in ${zone}):\n${table(['Start', 'Length', 'Meeting ID', 'Topic'], cells, ['left', 'right'])}`;
}
