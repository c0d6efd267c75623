import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expandTopic, localDate, localTime } from '../../common/format.js';
import type { Translate } from '../../common/i18n/index.js';
import type { FieldError } from '../../common/result.js';
import type { Locale } from '../../common/i18n/locale.js';
import { otherNumbering, scheduleFields, type DayNumbering, type ScheduleRequest } from '../../common/schedule.js';
import type {
  BookedMeeting,
  BookHow,
  BookingGroup,
  BookOutcome,
  SeriesMismatch,
  SeriesPlanView,
  SeriesQuery,
  SlotFree,
  UpcomingMeeting,
} from '../../common/scheduled.js';
import { parseServiceTime, toServiceTime } from '../../common/service-time.js';
import { slotWords } from '../../common/schedule-words.js';
import type { ApiFailure, ListedMeeting, UpdateInput } from '../../common/umeet-api.js';
import { UpdateInput as UpdateInputSchema } from '../../common/umeet-api.js';
import { serviceOccurrences } from '../../core/calendar/occurrences.js';
import type { Logger } from '../../core/log.js';
import type { Confirm, FileDialogs, Notify, OpenPath } from '../ports.js';
import type { AppStore } from '../store/app-store.js';
import type { ApiClients } from './api-clients.js';
import { failureText, isAmbiguous } from '../../core/meetings/failure-text.js';
import { groupInvitationText, scheduledInvitationText } from '../../core/meetings/invitation.js';

/** The Upcoming list is read again in the background (the tray menu opening) at most this often. */
export const UPCOMING_MIN_INTERVAL_MS = 30_000;
/** At most this many pages of `list` are read (100 meetings a page). */
const MAX_PAGES = 20;

export interface SchedulingDeps {
  store: AppStore;
  api: ApiClients;
  /** The meetings service's link allowlist and checked clipboard. */
  trusted: (link: string | undefined) => Promise<string | undefined>;
  openChecked: (link: string) => Promise<'opened' | 'refused'>;
  copyChecked: (text: string) => Promise<boolean>;
  openPath: OpenPath;
  files: FileDialogs;
  confirm: Confirm;
  notify: Notify;
  /** The app's own temp folder: calendar files opened with the calendar app are written there. */
  tempDir: string;
  locale: () => Locale;
  t: () => Translate;
  now: () => Date;
  log?: Logger;
  onChange: () => void;
}

type FailedKind = 'cancelled' | 'not-found' | 'invalid';
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; kind?: FailedKind; fields?: FieldError[] };
const failed = (message: string, kind?: FailedKind): { ok: false; message: string; kind?: FailedKind } =>
  kind ? { ok: false, message, kind } : { ok: false, message };

/** The fields of `update` a schedule request gives (the room size cannot change; the options the update call takes). */
const UPDATE_FIELDS = new Set(Object.keys(UpdateInputSchema.shape));

/**
 * Meetings booked for later: booking (once: a create is never resent), the check of the series the
 * service booked against the one asked for (and its fix), changes and cancellations, the Upcoming list
 * (the service's `list`, read on demand, and in the background when the tray menu opens, at most every
 * 30 s), the invitation, and the calendar file.
 */
export function createScheduling(deps: SchedulingDeps) {
  const { store, log } = deps;
  let upcoming: UpcomingMeeting[] = [];
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<Outcome<UpcomingMeeting[]>> | undefined;
  let booking: Promise<Outcome<BookOutcome>> | undefined;
  /** Passwords the user typed this session, by meeting: for the invitation, never written anywhere. */
  const passwords = new Map<string, string>();

  const numbering = (): DayNumbering => store.serviceFacts().dayNumbering ?? 'sunday-first';
  const bookedOf = (meetingId: string) => store.booked().find((b) => b.meetingId === meetingId);
  const iso = (dates: readonly Date[]) => dates.map((d) => d.toISOString());
  // The calendar libraries (ical.js, ical-generator) load on first use, after the tray: not on the start's path.
  let calendarModules:
    | Promise<
        [
          typeof import('../../core/calendar/series.js'),
          typeof import('../../core/calendar/ics.js'),
          typeof import('../../core/calendar/plan.js'),
        ]
      >
    | undefined;
  const calendar = () =>
    (calendarModules ??= Promise.all([
      import('../../core/calendar/series.js'),
      import('../../core/calendar/ics.js'),
      import('../../core/calendar/plan.js'),
    ]));
  /** The other meetings booked one by one with this one, in order (itself among them). */
  const membersOf = (group: BookingGroup) =>
    store
      .booked()
      .filter((b) => b.group?.id === group.id)
      .sort((a, b) => a.group!.index - b.group!.index);

  /** What the series asked for against what the service booked; undefined when they agree (or it did not say). */
  async function mismatchOf(
    request: Pick<ScheduleRequest, 'recurrence' | 'end' | 'start'>,
    bookedDates: Date[],
  ): Promise<SeriesMismatch | undefined> {
    if (!request.recurrence || !request.end || bookedDates.length === 0) return undefined;
    const [{ expectedOccurrences, sameOccurrences }] = await calendar();
    const asked = expectedOccurrences(request.recurrence, request.end, new Date(request.start));
    return sameOccurrences(asked, bookedDates) ? undefined : { asked: iso(asked), booked: iso(bookedDates) };
  }

  const failureMessage = (failure: ApiFailure, t: Translate, create: boolean): string =>
    create && isAmbiguous(failure) ? t('schedule.mayHaveBooked', { reason: failureText(failure, t) }) : failureText(failure, t);

  /** The request as the update call's fields: start and duration always, the rest as `update` takes them. */
  function updateFields(meetingId: string, request: ScheduleRequest, dayNumbering: DayNumbering, wasSeries: boolean): UpdateInput {
    const fields = scheduleFields(request, store.settings().defaultUserKey, dayNumbering) as Record<string, unknown>;
    const update: Record<string, unknown> = { id: meetingId };
    for (const [key, value] of Object.entries(fields)) if (UPDATE_FIELDS.has(key)) update[key] = value;
    // A series made a single meeting again: the API's way is an empty recurrence type.
    if (!request.recurrence && wasSeries) update.recurrence_type = '';
    return update as UpdateInput;
  }

  function invitationOf(
    entry: { meetingId: string; topic: string; start: Date; duration: number; joinUrl?: string | undefined },
    withPassword: boolean,
  ) {
    const kept = bookedOf(entry.meetingId);
    const password = withPassword ? passwords.get(entry.meetingId) : undefined;
    if (kept?.group) {
      const members = membersOf(kept.group);
      return groupInvitationText(
        {
          topic: entry.topic,
          duration: entry.duration,
          recurrence: { rule: kept.group.recurrence, end: kept.group.end },
          meetings: members.map((m) => ({ start: new Date(m.request.start), meetingId: m.meetingId, joinUrl: m.joinUrl })),
          password,
        },
        deps.locale(),
      );
    }
    const recurrence = kept?.request.recurrence && kept.request.end ? { rule: kept.request.recurrence, end: kept.request.end } : undefined;
    return scheduledInvitationText(
      {
        topic: entry.topic,
        start: entry.start,
        duration: entry.duration,
        meetingId: entry.meetingId,
        joinUrl: entry.joinUrl,
        password,
        recurrence,
        beijingClock: kept?.beijingClock,
      },
      deps.locale(),
    );
  }

  /** Keeps what the user booked, without the password (passwords are not written to plain files). */
  function keep(meetingId: string, request: ScheduleRequest, extra: Partial<BookedMeeting>): void {
    const { password: _never, ...rest } = request;
    const kept = store.keepBooked({ meetingId, request: rest, bookedAt: deps.now().toISOString(), ...extra });
    if (!kept.ok) log?.error('a booking could not be kept', { meetingId, fields: kept.fields });
  }

  /** The series as asked against what the service's repeat would book (core/calendar/plan.ts). */
  async function plan(query: SeriesQuery): Promise<SeriesPlanView> {
    const [, , { planSeries }] = await calendar();
    return planSeries(query.recurrence, query.end, new Date(query.start));
  }

  /**
   * A series the service would not book as asked is not sent until the user chose how: as the service
   * would (Beijing's calendar and clock) or one by one. Undefined when it may go as it is.
   */
  async function refusedUnlessChosen(request: ScheduleRequest, how: BookHow): Promise<Outcome<never> | undefined> {
    if (!request.recurrence || !request.end || how !== 'as-asked') return undefined;
    const planned = await plan({ start: request.start, recurrence: request.recurrence, end: request.end });
    if (!planned.difference) return undefined;
    log?.info('schedule: not as asked; the user is asked how to book it', { why: planned.difference.why });
    const message = deps.t()('schedule.chooseHow');
    return { ...failed(message, 'invalid'), fields: [{ field: 'how', message }] };
  }

  async function book(request: ScheduleRequest, how: BookHow): Promise<Outcome<BookOutcome>> {
    const t = deps.t();
    const refused = await refusedUnlessChosen(request, how);
    if (refused) return refused;
    if (how === 'one-by-one' && request.recurrence && request.end) return bookOneByOne(request);
    const start = new Date(request.start);
    const topic = expandTopic(request.topic, start);
    const fields = scheduleFields({ ...request, topic }, store.settings().defaultUserKey, numbering());
    // A create: sent once, never again by itself (the client does not retry it once it may have left).
    const answer = await (await deps.api.click()).schedule(fields);
    if (!answer.ok) {
      log?.warn('schedule: not booked', { kind: answer.failure.kind });
      return failed(failureMessage(answer.failure, t, true));
    }
    const meeting = answer.value;
    const bookedDates = serviceOccurrences(meeting.occurrences);
    const mismatch = await mismatchOf(request, bookedDates);
    const notAsAsked = await differenceFromAsked(request, bookedDates);
    const joinUrl = await deps.trusted(meeting.join_url);
    if (request.password) passwords.set(meeting.meeting_id, request.password);
    keep(
      meeting.meeting_id,
      { ...request, topic },
      {
        ...(joinUrl ? { joinUrl } : {}),
        ...(meeting.ready_time !== undefined && meeting.ready_time >= 0 ? { readyMinutes: Math.min(meeting.ready_time, 24 * 60) } : {}),
        ...(bookedDates.length ? { occurrences: iso(bookedDates.slice(0, 50)) } : {}),
        ...(how === 'as-booked-in-beijing' && notAsAsked ? { beijingClock: true as const } : {}),
      },
    );
    const invitation = invitationOf({ meetingId: meeting.meeting_id, topic, start, duration: request.duration, joinUrl }, true);
    const copied = await deps.copyChecked(invitation).catch(() => false);
    void refresh(true);
    return {
      ok: true,
      value: {
        meetingId: meeting.meeting_id,
        topic,
        invitation,
        copied,
        ...(mismatch ? { mismatch } : {}),
        ...(notAsAsked ? { notAsAsked } : {}),
      },
    };
  }

  /** The first meeting booked that is not as the user asked (their days, their local time); none when all are. */
  async function differenceFromAsked(request: Pick<ScheduleRequest, 'recurrence' | 'end' | 'start'>, bookedDates: Date[]) {
    if (!request.recurrence || !request.end || bookedDates.length === 0) return undefined;
    const [{ askedOccurrences }, , { firstDifference }] = await calendar();
    return firstDifference(askedOccurrences(request.recurrence, request.end, new Date(request.start)), bookedDates);
  }

  /**
   * The series as single meetings, each at the local time asked, booked one after the other. Each is a
   * create, sent once: the first that fails stops the rest (nothing is retried), and those booked before it
   * stay booked and are told, kept as one group (Upcoming shows them as one, and cancels them together).
   */
  async function bookOneByOne(request: ScheduleRequest): Promise<Outcome<BookOutcome>> {
    const t = deps.t();
    const [{ askedOccurrences }] = await calendar();
    const moments = askedOccurrences(request.recurrence!, request.end!, new Date(request.start));
    const group: BookingGroup = { id: randomUUID(), index: 0, count: moments.length, recurrence: request.recurrence!, end: request.end! };
    const client = await deps.api.click();
    const meetingIds: string[] = [];
    let incomplete: { booked: number; of: number; message: string } | undefined;
    for (const [index, at] of moments.entries()) {
      const single: ScheduleRequest = { ...withoutSeries(request), start: at.toISOString(), topic: expandTopic(request.topic, at) };
      const answer = await client.schedule(scheduleFields(single, store.settings().defaultUserKey, numbering()));
      if (!answer.ok) {
        log?.warn('schedule: one by one, a meeting not booked', { index, kind: answer.failure.kind });
        const message = failureMessage(answer.failure, t, true);
        if (index === 0) return failed(message);
        incomplete = { booked: index, of: moments.length, message: t('schedule.oneByOneStopped', { n: index + 1, reason: message }) };
        break;
      }
      const meeting = answer.value;
      const joinUrl = await deps.trusted(meeting.join_url);
      if (request.password) passwords.set(meeting.meeting_id, request.password);
      meetingIds.push(meeting.meeting_id);
      keep(meeting.meeting_id, single, {
        ...(joinUrl ? { joinUrl } : {}),
        ...(meeting.ready_time !== undefined && meeting.ready_time >= 0 ? { readyMinutes: Math.min(meeting.ready_time, 24 * 60) } : {}),
        group: { ...group, index },
      });
    }
    const first = new Date(request.start);
    const topic = expandTopic(request.topic, first);
    const invitation = invitationOf({ meetingId: meetingIds[0]!, topic, start: first, duration: request.duration }, true);
    const copied = await deps.copyChecked(invitation).catch(() => false);
    void refresh(true);
    return {
      ok: true,
      value: {
        meetingId: meetingIds[0]!,
        topic,
        invitation,
        copied,
        group: { id: group.id, meetingIds, count: moments.length },
        ...(incomplete ? { incomplete } : {}),
      },
    };
  }

  async function change(meetingId: string, request: ScheduleRequest, how: BookHow): Promise<Outcome<BookOutcome>> {
    const t = deps.t();
    // A series changed is sent as a whole series (§9): one by one is for new bookings only.
    const refused = await refusedUnlessChosen(request, how === 'one-by-one' ? 'as-asked' : how);
    if (refused) return refused;
    const start = new Date(request.start);
    const topic = expandTopic(request.topic, start);
    const before = bookedOf(meetingId);
    const wasSeries = Boolean(before?.request.recurrence) || Boolean(upcoming.find((u) => u.meetingId === meetingId)?.recurrence);
    const answer = await (await deps.api.click()).update(updateFields(meetingId, { ...request, topic }, numbering(), wasSeries));
    if (!answer.ok) return failed(failureMessage(answer.failure, t, false));
    if (request.password) passwords.set(meetingId, request.password);
    // What the service booked now, if it says (`get`); the check is the same as after booking.
    const bookedDates = request.recurrence ? await readOccurrences(meetingId) : [];
    const mismatch = await mismatchOf(request, bookedDates);
    const notAsAsked = await differenceFromAsked(request, bookedDates);
    keep(
      meetingId,
      { ...request, topic, capacity: before?.request.capacity ?? request.capacity },
      {
        ...(before?.joinUrl ? { joinUrl: before.joinUrl } : {}),
        ...(before?.readyMinutes !== undefined ? { readyMinutes: before.readyMinutes } : {}),
        ...(bookedDates.length ? { occurrences: iso(bookedDates) } : {}),
        ...(how === 'as-booked-in-beijing' && notAsAsked ? { beijingClock: true as const } : {}),
        ...(before?.group && !request.recurrence ? { group: before.group } : {}),
      },
    );
    const invitation = invitationOf({ meetingId, topic, start, duration: request.duration, joinUrl: before?.joinUrl }, true);
    void refresh(true);
    return {
      ok: true,
      value: { meetingId, topic, invitation, copied: false, ...(mismatch ? { mismatch } : {}), ...(notAsAsked ? { notAsAsked } : {}) },
    };
  }

  /**
   * The series' meetings as the service holds them now. `update` answers no data and `get` (as documented)
   * no occurrences, so when `get` does not say, the rooms say: each meeting of a series holds a room for
   * its slot, and `rooms` lists every booking with its start (§12).
   */
  async function readOccurrences(meetingId: string): Promise<Date[]> {
    const client = await deps.api.background();
    const answer = await client.get(meetingId);
    if (answer.ok && answer.value.occurrences?.length) return serviceOccurrences(answer.value.occurrences);
    const rooms = await client.rooms();
    if (!rooms.ok) return [];
    const starts = rooms.value.flatMap((room) =>
      room.meetings.filter((b) => b.id === meetingId).map((b) => parseServiceTime(b.start_time)),
    );
    return [...new Set(starts.filter((d): d is Date => d !== undefined).map((d) => d.getTime()))]
      .sort((a, b) => a - b)
      .map((ms) => new Date(ms));
  }

  /**
   * "Fix the series": the recurrence sent again with the other numbering of days, then compared again.
   * When that agrees, the numbering is proven: the store remembers it for later bookings.
   */
  async function fixSeries(meetingId: string): Promise<Outcome<{ mismatch?: SeriesMismatch }>> {
    const t = deps.t();
    const kept = bookedOf(meetingId);
    if (!kept?.request.recurrence) return failed(t('schedule.notBookedHere'), 'not-found');
    const request = { ...kept.request, ...(passwords.has(meetingId) ? { password: passwords.get(meetingId)! } : {}) } as ScheduleRequest;
    const other = otherNumbering(numbering());
    const answer = await (await deps.api.click()).update(updateFields(meetingId, request, other, true));
    if (!answer.ok) return failed(failureMessage(answer.failure, t, false));
    const bookedDates = await readOccurrences(meetingId);
    if (bookedDates.length === 0) return failed(t('schedule.fixUnknown'));
    const mismatch = await mismatchOf(request, bookedDates);
    keep(meetingId, request, { ...withoutRequest(kept), occurrences: iso(bookedDates) });
    if (!mismatch) {
      log?.info('schedule: the service numbers days differently; remembered', { numbering: other });
      store.setServiceFacts({ dayNumbering: other });
    }
    void refresh(true);
    return { ok: true, value: mismatch ? { mismatch } : {} };
  }

  /** Every page of `list`: the scheduled meetings not started yet, by start. */
  async function readUpcoming(): Promise<Outcome<UpcomingMeeting[]>> {
    const client = await deps.api.background();
    const listed: ListedMeeting[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const answer = await client.list({ page_size: 100, page_number: page });
      if (!answer.ok) return failed(failureText(answer.failure, deps.t()));
      listed.push(...answer.value.meetings);
      const { has_next_page: more, total_page: pages } = answer.value;
      if (!(more ?? (pages !== undefined && page < pages)) || answer.value.meetings.length === 0) break;
    }
    const now = deps.now();
    const meetings: UpcomingMeeting[] = [];
    for (const m of listed) {
      if (m.type !== 2 || (m.status !== undefined && m.status !== 0)) continue;
      const start = parseServiceTime(m.start_time);
      if (!start || !m.id) continue;
      const kept = bookedOf(m.id);
      const duration = m.duration && m.duration > 0 ? m.duration : (kept?.request.duration ?? 60);
      // A booking past its end is no longer upcoming, even if the service still lists it as booked.
      if (start.getTime() + duration * 60_000 < now.getTime() && !kept?.request.recurrence) continue;
      const joinUrl = (await deps.trusted(m.join_url)) ?? kept?.joinUrl;
      meetings.push({
        meetingId: m.id,
        topic: m.topic ?? kept?.request.topic ?? '',
        start: start.toISOString(),
        duration,
        ...(joinUrl ? { joinUrl } : {}),
        ...(kept?.request.recurrence && kept.request.end ? { recurrence: { rule: kept.request.recurrence, end: kept.request.end } } : {}),
        booked: Boolean(kept),
        ...(kept?.group ? { group: kept.group } : {}),
        ...(kept?.beijingClock ? { beijingClock: true as const } : {}),
      });
    }
    meetings.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    return { ok: true, value: meetings };
  }

  /** Reads the list (one read at a time); `force` ignores the 30-second rule (the window asked, or something changed). */
  function refresh(force: boolean): Promise<Outcome<UpcomingMeeting[]>> {
    if (reading) return reading;
    if (!force && deps.now().getTime() - readAt < UPCOMING_MIN_INTERVAL_MS) return Promise.resolve({ ok: true, value: upcoming });
    reading = readUpcoming()
      .then((answer) => {
        if (answer.ok) {
          upcoming = answer.value;
          readAt = deps.now().getTime();
          deps.onChange();
        } else log?.info('upcoming: the list could not be read');
        return answer;
      })
      .catch((error: unknown) => {
        log?.error('upcoming: reading failed unexpectedly', { error: String(error) });
        return failed(deps.t()('ipc.internal'));
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  }

  /** A meeting the app knows of: in the last Upcoming read, or booked here. */
  function entryOf(meetingId: string): UpcomingMeeting | undefined {
    const listed = upcoming.find((u) => u.meetingId === meetingId);
    if (listed) return listed;
    const kept = bookedOf(meetingId);
    if (!kept) return undefined;
    return {
      meetingId,
      topic: kept.request.topic,
      start: new Date(kept.request.start).toISOString(),
      duration: kept.request.duration,
      ...(kept.joinUrl ? { joinUrl: kept.joinUrl } : {}),
      ...(kept.request.recurrence && kept.request.end ? { recurrence: { rule: kept.request.recurrence, end: kept.request.end } } : {}),
      booked: true,
      ...(kept.group ? { group: kept.group } : {}),
      ...(kept.beijingClock ? { beijingClock: true as const } : {}),
    };
  }

  /** The calendar file of a meeting: its DESCRIPTION the invitation, without the password (the file is a plain file). */
  async function calendarOf(entry: UpcomingMeeting): Promise<string> {
    const [, { calendarFile }] = await calendar();
    const kept = bookedOf(entry.meetingId);
    const start = new Date(entry.start);
    if (kept?.group) {
      // Every meeting of the group, each an event of its own (its own link), the group's invitation as each one's text.
      const invitation = invitationOf({ ...entry, start }, false);
      return calendarFile(
        membersOf(kept.group).map((m) => ({
          meetingId: m.meetingId,
          topic: m.request.topic,
          start: new Date(m.request.start),
          duration: m.request.duration,
          joinUrl: m.joinUrl,
          invitation,
          now: deps.now(),
        })),
      );
    }
    return calendarFile({
      meetingId: entry.meetingId,
      topic: entry.topic,
      start,
      duration: entry.duration,
      joinUrl: entry.joinUrl,
      invitation: invitationOf({ ...entry, start }, false),
      recurrence: entry.recurrence,
      occurrences: kept?.occurrences?.map((d) => new Date(d)),
      now: deps.now(),
    });
  }
  const fileNameOf = (entry: UpcomingMeeting) =>
    `${
      entry.topic
        .replace(/[\\/:*?"<>|]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 60) || 'meeting'
    } ${localDate(new Date(entry.start))}.ics`;

  return {
    /** Free rooms of a size for a slot (the service's `freeRooms`, on the background connection). */
    async freeSlot(query: { capacity: number; start: string; duration: number }): Promise<Outcome<SlotFree>> {
      const answer = await (
        await deps.api.background()
      ).freeRooms({
        meeting_capacity: query.capacity,
        start_time: toServiceTime(new Date(query.start)),
        duration: query.duration,
      });
      if (!answer.ok) return failed(failureText(answer.failure, deps.t()));
      return { ok: true, value: { capacity: query.capacity, total: answer.value.total, free: answer.value.free } };
    },

    /** The series asked for against what the service's repeat would book, before booking. */
    plan,

    /**
     * Books (or, with `meetingId`, changes) a meeting; one booking at a time: a second while one is on its
     * way is refused. A series the service would not book as asked needs `how` (core/calendar/plan.ts).
     */
    async book(
      request: ScheduleRequest,
      options: { meetingId?: string | undefined; how?: BookHow | undefined } = {},
    ): Promise<Outcome<BookOutcome>> {
      if (booking) return failed(deps.t()('schedule.alreadyBooking'));
      const how = options.how ?? 'as-asked';
      booking = (options.meetingId ? change(options.meetingId, request, how) : book(request, how))
        .catch((error: unknown) => {
          log?.error('schedule failed unexpectedly', { error: String(error) });
          return failed(deps.t()('ipc.internal'));
        })
        .finally(() => {
          booking = undefined;
        });
      return booking;
    },

    fixSeries,

    /** The Upcoming list, read now. */
    read: () => refresh(true),
    /** The tray menu is opening: read in the background unless the last read is under 30 s old. */
    refreshInBackground(): void {
      void refresh(false);
    },
    /** From the last read. */
    upcoming: (): readonly UpcomingMeeting[] => upcoming,
    /** The booking the app kept (the form's values for Edit), without the password. */
    booked: bookedOf,
    known: (meetingId: string) => entryOf(meetingId) !== undefined,

    /** Cancels a meeting, after asking; a meeting booked one by one with others is cancelled with them, each once. */
    async cancel(meetingId: string): Promise<Outcome<Record<string, never>>> {
      const t = deps.t();
      const entry = entryOf(meetingId);
      if (!entry) return failed(t('schedule.notFound'), 'not-found');
      const group = bookedOf(meetingId)?.group;
      const ids = group ? membersOf(group).map((m) => m.meetingId) : [meetingId];
      const sure = await deps.confirm({
        title: t('schedule.cancelTitle'),
        message: t('schedule.cancelMessage', { topic: entry.topic }),
        detail: group
          ? t('schedule.cancelDetailGroup', { count: ids.length })
          : t(entry.recurrence ? 'schedule.cancelDetailSeries' : 'schedule.cancelDetail', {
              when: slotWords(new Date(entry.start), entry.duration),
            }),
        confirm: t('schedule.cancelConfirm'),
        cancel: t('schedule.cancelKeep'),
      });
      if (!sure) return failed(t('schedule.cancelKept'), 'cancelled');
      const client = await deps.api.click();
      const notCancelled: string[] = [];
      for (const id of ids) {
        // A delete is sent once; one that fails is told, and the others still go (each its own meeting).
        const answer = await client.delete(id);
        if (!answer.ok) {
          notCancelled.push(failureText(answer.failure, t));
          continue;
        }
        store.forgetBooked(id);
        passwords.delete(id);
        upcoming = upcoming.filter((u) => u.meetingId !== id);
      }
      deps.onChange();
      void refresh(true);
      if (notCancelled.length === ids.length && ids.length === 1) return failed(notCancelled[0]!);
      if (notCancelled.length) {
        return failed(t('schedule.cancelPartly', { failed: notCancelled.length, count: ids.length, reason: notCancelled[0]! }));
      }
      return { ok: true, value: {} };
    },

    async copyInvitation(meetingId: string): Promise<Outcome<{ invitation: string }>> {
      const t = deps.t();
      const entry = entryOf(meetingId);
      if (!entry) return failed(t('schedule.notFound'), 'not-found');
      const invitation = invitationOf({ ...entry, start: new Date(entry.start) }, true);
      const copied = await deps.copyChecked(invitation).catch(() => false);
      return copied ? { ok: true, value: { invitation } } : failed(t('command.notCopied'));
    },

    /** Writes the calendar file in the app's temp folder and opens it with the OS's calendar app. */
    async addToCalendar(meetingId: string): Promise<Outcome<{ path: string }>> {
      const t = deps.t();
      const entry = entryOf(meetingId);
      if (!entry) return failed(t('schedule.notFound'), 'not-found');
      const path = join(deps.tempDir, `umeet-${meetingId}.ics`);
      try {
        await mkdir(deps.tempDir, { recursive: true });
        await writeFile(path, await calendarOf(entry), { mode: 0o600 });
      } catch (error) {
        log?.error('the calendar file could not be written', { error: String(error) });
        return failed(t('schedule.icsNotWritten'));
      }
      const problem = await deps.openPath(path).catch((error: unknown) => String(error));
      if (problem) {
        log?.warn('the calendar file could not be opened', { problem });
        return failed(t('schedule.icsNotOpened', { problem }));
      }
      return { ok: true, value: { path } };
    },

    /** Asks where to save the calendar file (the native save dialog), and saves it there. */
    async saveCalendar(meetingId: string): Promise<Outcome<{ path: string }>> {
      const t = deps.t();
      const entry = entryOf(meetingId);
      if (!entry) return failed(t('schedule.notFound'), 'not-found');
      const path = await deps.files.chooseCalendarPath({ title: t('schedule.saveIcsTitle'), defaultName: fileNameOf(entry) });
      if (!path) return failed(t('schedule.saveIcsCancelled'), 'cancelled');
      try {
        await writeFile(path, await calendarOf(entry), { mode: 0o600 });
      } catch (error) {
        log?.error('the calendar file could not be saved', { error: String(error) });
        return failed(t('schedule.icsNotWritten'));
      }
      return { ok: true, value: { path } };
    },

    /** A fresh host link; before the early-join window the service refuses, and the user is told when it opens. */
    async openHost(meetingId: string): Promise<Outcome<Record<string, never>>> {
      const t = deps.t();
      const entry = entryOf(meetingId);
      if (!entry) return failed(t('schedule.notFound'), 'not-found');
      const answer = await (await deps.api.click()).getStartUrl(meetingId);
      if (!answer.ok) {
        const start = new Date(entry.start);
        const ready = bookedOf(meetingId)?.readyMinutes;
        const message =
          answer.failure.kind === 'rejected' && start > deps.now()
            ? ready !== undefined
              ? t('schedule.notOpenYet', {
                  time: whenText(new Date(start.getTime() - ready * 60_000), deps.now()),
                  said: answer.failure.message,
                })
              : t('schedule.notOpenYetUnknown', { time: whenText(start, deps.now()), said: answer.failure.message })
            : t('meeting.hostLinkFailed', { error: failureText(answer.failure, t) });
        deps.notify({ title: entry.topic || t('app.title'), body: message });
        return failed(message);
      }
      const opened = await deps.openChecked(answer.value.start_url);
      return opened === 'opened' ? { ok: true, value: {} } : failed(t('command.notOpened'));
    },
  };
}

/** A time on the local clock, with the date when it is not today. */
function whenText(at: Date, now: Date): string {
  return localDate(at) === localDate(now) ? localTime(at) : `${localDate(at)} ${localTime(at)}`;
}

const withoutRequest = ({ request: _request, meetingId: _id, ...rest }: BookedMeeting): Partial<BookedMeeting> => rest;

/** A series' request as one meeting of it. */
const withoutSeries = ({ recurrence: _recurrence, end: _end, ...rest }: ScheduleRequest): ScheduleRequest => rest;

export type Scheduling = ReturnType<typeof createScheduling>;
