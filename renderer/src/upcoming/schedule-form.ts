import { localDate, localTime } from '../../../common/format.js';
import { SCHEDULE_SWITCHES, type ScheduleSwitch } from '../../../common/meeting-switches.js';
import type { Recurrence, ScheduleRequest, Weekday } from '../../../common/schedule.js';
import { WEEKDAYS } from '../../../common/series-days.js';
import type { BookedMeeting } from '../../../common/scheduled.js';
import type { PresetInput } from '../../../common/window-state.js';
import { triStateFields } from '../presets/preset-form.js';

/**
 * The schedule form holds text, as inputs do: the date and the time on the user's own clock, the
 * recurrence as the choices the user sees. `toRequest` makes the one ScheduleRequest main checks with
 * the same schema; `fromPreset` and `fromBooking` fill the form.
 */
export interface ScheduleFormValues {
  topic: string;
  date: string;
  time: string;
  duration: string;
  capacity: string;
  password: string;
  waitingRoom: boolean;
  hostName: string;
  userKey: string;
  recording: string;
  /** `unchanged`: a meeting booked elsewhere whose repeat the app cannot read; none is sent, so it stays as booked. */
  repeat: 'none' | 'unchanged' | Recurrence['kind'];
  days: Weekday[];
  endKind: 'times' | 'until';
  endTimes: string;
  endDate: string;
  /** How to book a series the service would not book as asked: not chosen yet (''), or the user's choice. */
  how: '' | 'as-booked-in-beijing' | 'one-by-one';
  [option: string]: unknown;
}

/** The options the schedule call takes (not join-before-host: its page lists no option_jbh), in the preset editor's order. */
const switches = Object.keys(SCHEDULE_SWITCHES) as ScheduleSwitch[];
export const scheduleOptionFields = triStateFields.filter((field): field is ScheduleSwitch => field in SCHEDULE_SWITCHES);
const triState = (value: unknown) => (value === 'true' ? true : value === 'false' ? false : undefined);
const text = (value: string) => (value.trim() === '' ? undefined : value);
const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** The start as a moment: the date and time read on the local clock. Empty when either is missing. */
export function startOf(values: Pick<ScheduleFormValues, 'date' | 'time'>): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !/^\d{2}:\d{2}$/.test(values.time)) return '';
  const at = new Date(`${values.date}T${values.time}`);
  return Number.isNaN(at.getTime()) ? '' : at.toISOString();
}

/** The week of the month of a date (1–5) and its weekday, for "the Nth weekday". */
export function weekOf(date: string): { week: number; day: Weekday; date: number } {
  const typed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00`) : undefined;
  // A date half typed (or none): today's, so the choices still read sensibly.
  const at = typed && !Number.isNaN(typed.getTime()) ? typed : new Date();
  return { week: Math.ceil(at.getDate() / 7), day: WEEKDAYS[at.getDay()]!, date: at.getDate() };
}

export function recurrenceOf(values: ScheduleFormValues): Recurrence | undefined {
  const { week, day, date } = weekOf(values.date);
  switch (values.repeat) {
    case 'none':
    case 'unchanged':
      return undefined;
    case 'daily':
    case 'weekdays':
      return { kind: values.repeat };
    case 'weekly':
      return { kind: 'weekly', days: values.days };
    case 'monthly-day':
      return { kind: 'monthly-day', day: date };
    case 'monthly-weekday':
      return { kind: 'monthly-weekday', week, day };
  }
}

export function toRequest(values: ScheduleFormValues): ScheduleRequest {
  const recurrence = recurrenceOf(values);
  const request: Record<string, unknown> = {
    topic: values.topic,
    capacity: number(values.capacity),
    start: startOf(values),
    duration: number(values.duration),
    password: text(values.password),
    waitingRoom: values.waitingRoom || undefined,
    hostName: text(values.hostName),
    userKey: text(values.userKey),
    recording: text(values.recording),
    recurrence,
    end: recurrence ? (values.endKind === 'times' ? { times: number(values.endTimes) } : { until: values.endDate }) : undefined,
  };
  for (const name of switches) request[name] = triState(values[name]);
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)) as ScheduleRequest;
}

/** Working hours the default start keeps to: a meeting from 09:00, starting by 17:00, Monday to Friday. */
const FIRST_HOUR = 9;
const LAST_HOUR = 17;

/**
 * The next whole hour at least 30 minutes from now, within working hours: at 01:00 it is 09:00 that morning,
 * after 17:00 (or at a weekend) 09:00 on the next working day. A start that needs no editing to be valid.
 */
export function nextSlot(now: Date): Date {
  const at = new Date(now.getTime() + 30 * 60_000);
  at.setMinutes(0, 0, 0);
  at.setHours(at.getHours() + 1);
  if (at.getHours() < FIRST_HOUR) at.setHours(FIRST_HOUR);
  if (at.getHours() > LAST_HOUR) {
    at.setDate(at.getDate() + 1);
    at.setHours(FIRST_HOUR);
  }
  while (at.getDay() === 0 || at.getDay() === 6) at.setDate(at.getDate() + 1);
  return at;
}

const blank = (now: Date, capacity: number): ScheduleFormValues => {
  const start = nextSlot(now);
  const values: ScheduleFormValues = {
    topic: '',
    date: localDate(start),
    time: localTime(start),
    duration: '60',
    capacity: String(capacity),
    password: '',
    waitingRoom: false,
    hostName: '',
    userKey: '',
    recording: '',
    repeat: 'none',
    days: [WEEKDAYS[start.getDay()]!],
    endKind: 'times',
    endTimes: '4',
    endDate: '',
    how: '',
  };
  for (const name of switches) values[name] = '';
  return values;
};

export function fromNothing(now: Date, capacity: number): ScheduleFormValues {
  return blank(now, capacity);
}

/** A preset's topic (its {date} and {time} are expanded when booking, for the chosen start), size, length and options. */
export function fromPreset(preset: PresetInput, now: Date): ScheduleFormValues {
  const values = blank(now, preset.capacity);
  values.topic = preset.topic;
  if (preset.duration) values.duration = String(preset.duration);
  values.userKey = preset.userKey ?? '';
  values.recording = preset.recording ?? '';
  for (const name of switches) values[name] = preset[name] === undefined ? '' : String(preset[name]);
  return values;
}

/** What the app kept of a booking (never a password: the field stays empty, which keeps the current one). */
export function fromBooking(booked: BookedMeeting['request'], now: Date): ScheduleFormValues {
  const start = new Date(booked.start);
  const values = blank(now, booked.capacity);
  Object.assign(values, {
    topic: booked.topic,
    date: localDate(start),
    time: localTime(start),
    duration: String(booked.duration),
    waitingRoom: booked.waitingRoom ?? false,
    hostName: booked.hostName ?? '',
    userKey: booked.userKey ?? '',
    recording: booked.recording ?? '',
    repeat: booked.recurrence?.kind ?? 'none',
    days: booked.recurrence?.kind === 'weekly' ? booked.recurrence.days : [WEEKDAYS[start.getDay()]!],
  });
  if (booked.end) {
    if ('times' in booked.end) Object.assign(values, { endKind: 'times', endTimes: String(booked.end.times) });
    else Object.assign(values, { endKind: 'until', endDate: booked.end.until });
  }
  for (const name of switches) values[name] = booked[name] === undefined ? '' : String(booked[name]);
  return values;
}

/**
 * A listed meeting booked elsewhere: what the list says of it, its room size as the service says, and its repeat
 * "as booked" unless the service said it is a single meeting (the app cannot read a series' rule).
 */
export function fromListed(
  meeting: { topic: string; start: string; duration: number },
  now: Date,
  capacity: number,
  service: { capacity?: number | undefined; series?: boolean | undefined } = {},
): ScheduleFormValues {
  const start = new Date(meeting.start);
  return {
    ...blank(now, service.capacity ?? capacity),
    topic: meeting.topic,
    date: localDate(start),
    time: localTime(start),
    duration: String(meeting.duration),
    repeat: service.series === false ? 'none' : 'unchanged',
  };
}
