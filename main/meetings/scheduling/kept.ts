import type { Translate } from '../../../common/i18n/index.js';
import type { Locale } from '../../../common/i18n/locale.js';
import { fail, type FailureKind } from '../../../common/result.js';
import { scheduleFields, type DayNumbering, type ScheduleRequest } from '../../../common/schedule.js';
import type { BookedMeeting, BookingGroup, SeriesMismatch } from '../../../common/scheduled.js';
import { UpdateInput, type ApiFailure, type ScheduledMeeting } from '../../../common/umeet-api.js';
import { failureText, isAmbiguous } from '../../../core/meetings/failure-text.js';
import { groupInvitationText, scheduledInvitationText } from '../../../core/meetings/invitation.js';
import type { Logger } from '../../../core/log.js';
import type { Confirm, FileDialogs, Notify, OpenPath } from '../../ports.js';
import type { AppStore } from '../../store/app-store.js';
import type { ApiClients } from '../api-clients.js';

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
  log?: Logger | undefined;
  onChange: () => void;
}

/** A failure in the one result shape (common/result.ts): `failed` unless said otherwise. */
export const failed = (message: string, kind: FailureKind = 'failed') => fail(kind, message);

/** A failure of a booking call in the user's language: after a create that may have reached the service, "may have been booked". */
export const failureMessage = (failure: ApiFailure, t: Translate, create: boolean): string =>
  create && isAmbiguous(failure) ? t('schedule.mayHaveBooked', { reason: failureText(failure, t) }) : failureText(failure, t);

export const iso = (dates: readonly Date[]) => dates.map((d) => d.toISOString());

/** The minutes before the start the host may open it (the schedule answer's `ready_time`), when it said. */
export const readyMinutesOf = (meeting: Pick<ScheduledMeeting, 'ready_time'>) =>
  meeting.ready_time !== undefined && meeting.ready_time >= 0 ? { readyMinutes: Math.min(meeting.ready_time, 24 * 60) } : {};

/** The fields of `update` a schedule request gives (the room size cannot change; the options the update call takes). */
const UPDATE_FIELDS = new Set(Object.keys(UpdateInput.shape));

/** The request as the update call's fields: start and duration always, the rest as `update` takes them. */
export function updateFields(
  meetingId: string,
  request: ScheduleRequest,
  defaultUserKey: string | undefined,
  dayNumbering: DayNumbering,
  wasSeries: boolean,
): UpdateInput {
  const fields = scheduleFields(request, defaultUserKey, dayNumbering) as Record<string, unknown>;
  const update: Record<string, unknown> = { id: meetingId };
  for (const [key, value] of Object.entries(fields)) if (UPDATE_FIELDS.has(key)) update[key] = value;
  // A series made a single meeting again: the API's way is an empty recurrence type.
  if (!request.recurrence && wasSeries) update.recurrence_type = '';
  return update as UpdateInput;
}

/**
 * What the app keeps of its bookings, and what it makes of them: the store's `booked` entries (never a
 * password), the passwords typed this session (in memory, for the invitation), the invitation, and the
 * calendar libraries, loaded on first use, after the tray.
 */
export function createKept(deps: SchedulingDeps) {
  const { store } = deps;
  /** Passwords the user typed this session, by meeting: for the invitation, never written anywhere. */
  const passwords = new Map<string, string>();
  const bookedOf = (meetingId: string) => store.booked().find((b) => b.meetingId === meetingId);
  /** The meetings booked one by one with this one, in order (itself among them). */
  const membersOf = (group: BookingGroup) =>
    store
      .booked()
      .filter((b) => b.group?.id === group.id)
      .sort((a, b) => a.group!.index - b.group!.index);
  let modules:
    | Promise<
        [
          typeof import('../../../core/calendar/series.js'),
          typeof import('../../../core/calendar/ics.js'),
          typeof import('../../../core/calendar/plan.js'),
        ]
      >
    | undefined;
  // The calendar libraries (ical.js, ical-generator) load on first use, after the tray: not on the start's path.
  const calendar = () =>
    (modules ??= Promise.all([
      import('../../../core/calendar/series.js'),
      import('../../../core/calendar/ics.js'),
      import('../../../core/calendar/plan.js'),
    ]));

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

  return {
    passwords,
    bookedOf,
    membersOf,
    calendar,
    numbering: (): DayNumbering => store.serviceFacts().dayNumbering ?? 'sunday-first',

    /** Keeps what the user booked, without the password (passwords are not written to plain files). */
    keep(meetingId: string, request: ScheduleRequest, extra: Partial<BookedMeeting>): void {
      const { password: _never, ...rest } = request;
      const kept = store.keepBooked({ meetingId, request: rest, bookedAt: deps.now().toISOString(), ...extra });
      if (!kept.ok) deps.log?.error('a booking could not be kept', { meetingId, fields: kept.fields });
    },

    /** The invitation, in the user's language: a series booked one by one lists each meeting with its own link. */
    invitationOf(
      entry: { meetingId: string; topic: string; start: Date; duration: number; joinUrl?: string | undefined },
      withPassword: boolean,
    ) {
      const kept = bookedOf(entry.meetingId);
      const password = withPassword ? passwords.get(entry.meetingId) : undefined;
      if (kept?.group) {
        const meetings = membersOf(kept.group).map((m) => ({
          start: new Date(m.request.start),
          meetingId: m.meetingId,
          joinUrl: m.joinUrl,
        }));
        const recurrence = { rule: kept.group.recurrence, end: kept.group.end };
        return groupInvitationText({ topic: entry.topic, duration: entry.duration, recurrence, meetings, password }, deps.locale());
      }
      const recurrence =
        kept?.request.recurrence && kept.request.end ? { rule: kept.request.recurrence, end: kept.request.end } : undefined;
      const { meetingId, topic, start, duration, joinUrl } = entry;
      return scheduledInvitationText(
        { topic, start, duration, meetingId, joinUrl, password, recurrence, beijingClock: kept?.beijingClock },
        deps.locale(),
      );
    },

    mismatchOf,

    /**
     * A kept series the service booked on other days than asked, neither fixed nor accepted as booked: its
     * invitation and calendar file are held (they would name days that are not booked). Undefined otherwise.
     */
    async heldMismatch(meetingId: string): Promise<SeriesMismatch | undefined> {
      const booked = bookedOf(meetingId);
      if (!booked || booked.acceptedAsBooked || booked.group || !booked.occurrences?.length) return undefined;
      return mismatchOf(
        booked.request,
        booked.occurrences.map((d) => new Date(d)),
      );
    },

    /** The first meeting booked that is not as the user asked (their days, their local time); none when all are. */
    async differenceFromAsked(request: Pick<ScheduleRequest, 'recurrence' | 'end' | 'start'>, bookedDates: Date[]) {
      if (!request.recurrence || !request.end || bookedDates.length === 0) return undefined;
      const [{ askedOccurrences }, , { firstDifference }] = await calendar();
      return firstDifference(askedOccurrences(request.recurrence, request.end, new Date(request.start)), bookedDates);
    },
  };
}

export type Kept = ReturnType<typeof createKept>;
