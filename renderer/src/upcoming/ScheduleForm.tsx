import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { MessageKey } from '../../../common/i18n/index.js';
import type { Recurrence, RecurrenceEnd, Weekday } from '../../../common/schedule.js';
import type { SeriesQuery, SlotQuery } from '../../../common/scheduled.js';
import { startsTheSeries } from '../../../common/series-days.js';
import {
  beijingSeriesWords,
  isServiceZone,
  meetingWords,
  recurrenceWords,
  timeWithZone,
  weekdayWords,
  zoneName,
} from '../../../common/schedule-words.js';
import type { Locale } from '../../../common/i18n/locale.js';
import type { BookOutcome, SeriesDifference, SeriesPlanView, SlotFree } from '../../../common/scheduled.js';
import type { Licence } from '../../../common/umeet-api.js';
import { localDate } from '../../../common/format.js';
import { readDate, readTime } from '../../../common/typed-date-time.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { check, useChecked } from '../form-check.js';
import { DateInput, TimeInput } from '../components/DateTimeInputs.js';
import { describedBy, Field } from '../components/Field.js';
import { useI18n } from '../i18n.js';
import { ask } from '../ipc.js';
import { MeetingOptions } from '../presets/MeetingOptions.js';
import { MismatchBanner, summaryOf } from './MismatchBanner.js';
import { licensedSizes } from '../presets/preset-form.js';
import { recurrenceOf, scheduleOptionFields, startOf, toRequest, weekOf, type ScheduleFormValues } from './schedule-form.js';

/** Where each of the request's fields is on the form, and the rule it shows in the user's language. */
const FIELDS: Record<string, { name: string; label: MessageKey; rule?: MessageKey }> = {
  topic: { name: 'topic', label: 'schedule.topic', rule: 'validation.topic' },
  /** A blank topic is told as blank, not as too long. */
  topicBlank: { name: 'topic', label: 'schedule.topic', rule: 'schedule.rule.topicBlank' },
  start: { name: 'date', label: 'schedule.date', rule: 'schedule.rule.start' },
  /** No time typed. */
  timeBlank: { name: 'time', label: 'schedule.time', rule: 'schedule.rule.start' },
  duration: { name: 'duration', label: 'schedule.duration', rule: 'schedule.rule.duration' },
  capacity: { name: 'capacity', label: 'schedule.capacity', rule: 'validation.capacity' },
  password: { name: 'password', label: 'schedule.passwordShort', rule: 'schedule.rule.password' },
  hostName: { name: 'hostName', label: 'schedule.hostName', rule: 'schedule.rule.hostName' },
  userKey: { name: 'userKey', label: 'schedule.userKey', rule: 'validation.userKey' },
  'recurrence.days': { name: 'days', label: 'schedule.weekdays', rule: 'schedule.rule.days' },
  recurrence: { name: 'repeat', label: 'schedule.repeat', rule: 'schedule.rule.recurrence' },
  'end.times': { name: 'endTimes', label: 'schedule.endTimes', rule: 'schedule.rule.endTimes' },
  'end.until': { name: 'endDate', label: 'schedule.endDate', rule: 'schedule.rule.endUntil' },
  /** Checked here, not by the schema: a start already gone (the service would refuse it). */
  startPast: { name: 'date', label: 'schedule.date', rule: 'schedule.rule.past' },
  /** The form's own text fields: a date or a time that cannot be read (common/typed-date-time.ts). */
  dateFormat: { name: 'date', label: 'schedule.date', rule: 'schedule.rule.dateFormat' },
  timeFormat: { name: 'time', label: 'schedule.time', rule: 'schedule.rule.timeFormat' },
  endDateFormat: { name: 'endDate', label: 'schedule.endDate', rule: 'schedule.rule.dateFormat' },
};

/**
 * The very schema main enforces (main checks it: the `check` channel), its refusals put on the form's own fields; and a start already gone, which
 * the service would refuse (unless it is the start the meeting already has: an edit of a series under way).
 */
const resolverFor =
  (keptStart: string): Resolver<ScheduleFormValues> =>
  async (typed) => {
    // What is typed is read whole here (`930` is 09:30 once sent), while the form acts only on what is whole already.
    const values = {
      ...typed,
      date: readDate(typed.date) ?? typed.date,
      time: readTime(typed.time) ?? typed.time,
      endDate: readDate(typed.endDate) ?? typed.endDate,
    };
    const checked = await check('schedule', toRequest(values));
    const errors: Record<string, { type: string; message: string }> = {};
    // Typed, not picked: what cannot be read is told on its own field, as the app writes dates and times.
    if (values.date.trim() !== '' && !readDate(values.date)) errors.date = { type: 'format', message: 'dateFormat' };
    if (!readTime(values.time)) errors.time = { type: 'format', message: values.time.trim() === '' ? 'timeBlank' : 'timeFormat' };
    if (values.endKind === 'until' && values.endDate.trim() !== '' && !readDate(values.endDate))
      errors.endDate = { type: 'format', message: 'endDateFormat' };
    for (const issue of checked?.ok === false ? checked.issues : []) {
      const path = issue.path.map(String);
      let key = path.slice(0, 2).join('.');
      if (!FIELDS[key]) key = path[0] ?? '';
      if (key === 'end') key = values.endKind === 'times' ? 'end.times' : 'end.until';
      if (key === 'topic' && values.topic.trim() === '') key = 'topicBlank';
      const field = FIELDS[key];
      // A start without a time is told on the time, not again on the date.
      if (key === 'start' && errors.time) continue;
      if (field && !errors[field.name]) errors[field.name] = { type: 'schema', message: key };
    }
    const start = startOf(values);
    if (start && start !== keptStart && !errors.date && Date.parse(start) <= Date.now())
      errors.date = { type: 'past', message: 'startPast' };
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
  };

const id = (name: string) => `schedule-${name}`;

/** A refusal takes the focus when it shows (else it would stay on a button the failure left, or on <body>). */
const focusOnShow = (element: HTMLElement | null) => element?.focus();

/** A date with its weekday: `Mon 2026-12-21` / `2026-12-21（周一）`. */
export const dayWords = (date: string, locale: Locale): string => {
  const day = weekdayWords(new Date(`${date}T12:00`), locale);
  return locale === 'zh-CN' ? `${date}（${day}）` : `${day} ${date}`;
};

/** The weekday beside a date input (Chromium's shows none). */
function DayOf({ date }: { date: string }) {
  const { locale } = useI18n();
  // Only a day there is (not 2027-02-30, which Date would carry into March).
  if (readDate(date) !== date) return null;
  return (
    <span className="date-weekday" data-testid="date-weekday">
      {weekdayWords(new Date(`${date}T12:00`), locale)}
    </span>
  );
}

/**
 * Whether the service's repeat would book the series as asked, asked of main ~400 ms after the series
 * stops changing (core/calendar/plan.ts): nothing is sent to the service.
 */
function useSeriesPlan(query: SeriesQuery | undefined) {
  const { t } = useI18n();
  // Asked only of a whole series (main checked its repeat and end); main checks the query again as it answers.
  const key = query ? JSON.stringify(query) : '';
  const [answer, setAnswer] = useState<{ key: string; plan: SeriesPlanView }>();
  useEffect(() => {
    if (!key) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void ask(window.umeet.planSeries(JSON.parse(key) as SeriesQuery), t).then((reply) => {
        if (current && reply.ok) setAnswer({ key, plan: reply.value });
      });
    }, 400);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [key, t]);
  return answer?.key === key && key ? answer.plan : undefined;
}

/** Free rooms for the slot, asked ~400 ms after the slot or the size stops changing. */
type SlotAnswer = { state: 'known'; value: SlotFree } | { state: 'failed'; message: string };

function useSlotFree(
  start: string,
  duration: number,
  capacity: number,
  series: { recurrence: Recurrence; end: RecurrenceEnd } | undefined,
  /** The start is already gone (the form's own check): nothing is asked, no room is free in the past. */
  past: boolean,
): { state: 'idle' | 'checking' } | SlotAnswer {
  const { t } = useI18n();
  const slot = start && !past && duration > 30 && capacity > 0 ? JSON.stringify({ start, duration, capacity, ...series }) : '';
  // The answer is kept with the slot it is for: a changed slot shows "checking" until its own answer comes.
  const [answer, setAnswer] = useState<{ slot: string; answer: SlotAnswer }>();
  useEffect(() => {
    if (!slot) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void ask(window.umeet.freeSlot(JSON.parse(slot) as SlotQuery), t).then((reply) => {
        if (current)
          setAnswer({
            slot,
            answer: reply.ok ? { state: 'known', value: reply.value } : { state: 'failed', message: reply.error.message },
          });
      });
    }, 400);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [slot, t]);
  if (!slot) return { state: 'idle' };
  return answer?.slot === slot ? answer.answer : { state: 'checking' };
}

export interface ScheduleFormProps {
  initial: ScheduleFormValues;
  /** Changing a booked meeting (the whole series): its id and topic. */
  editing?: { meetingId: string; topic: string } | undefined;
  /** The preset it was filled from, for the heading's hint. */
  presetName?: string | undefined;
  licence: Licence | undefined;
  onDone: (outcome?: BookOutcome) => void;
  onCalendar: (meetingId: string, action: 'add-to-calendar' | 'save-ics' | 'copy-invitation') => void;
  /** The values while they differ from what it opened on (a draft, kept by the session), or undefined once booked. */
  onDraft?: (values: ScheduleFormValues | undefined) => void;
  /** An unfinished edit to take up again: the form opens on `initial` changed to these values. */
  draft?: ScheduleFormValues | undefined;
}

export function ScheduleForm(props: ScheduleFormProps) {
  const { t, locale } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    control,
    setValue,
    setFocus,
    getValues,
    formState: { errors, isSubmitting, submitCount },
    // An unfinished edit is taken up again as it was.
  } = useForm<ScheduleFormValues>({
    resolver: resolverFor(props.editing ? startOf(props.initial) : ''),
    defaultValues: props.draft ?? props.initial,
    mode: 'onChange',
  });
  const values = useWatch({ control }) as ScheduleFormValues;
  // A service refusal is about what was sent: once the form changes, it no longer stands (kept with the values it was for).
  const valuesText = JSON.stringify(values);
  const [refusal, setRefusal] = useState<{ message: string; values: string }>();
  const setFailure = (message: string | undefined) => setRefusal(message === undefined ? undefined : { message, values: valuesText });
  const failure = refusal?.values === valuesText ? refusal.message : undefined;
  const [booked, setBooked] = useState<BookOutcome>();
  // No edit is lost by going to another section: the values are a draft until booked or cancelled. The
  // meeting password is left out (drafts are kept in main's memory with the window's state; it is retyped).
  const { onDraft } = props;
  const asDraft = (v: ScheduleFormValues) => {
    const kept = { ...v, password: '' };
    return JSON.stringify(kept, Object.keys(kept).sort());
  };
  const draftText = booked || asDraft(values) === asDraft(props.initial) ? '' : asDraft(values);
  useEffect(() => onDraft?.(draftText ? (JSON.parse(draftText) as ScheduleFormValues) : undefined), [draftText, onDraft]);
  const [fixing, setFixing] = useState<'idle' | 'busy' | 'fixed' | 'still' | 'accepted'>('idle');
  useEffect(() => heading.current?.focus(), [booked]);

  // The weekly days follow the start's weekday until the user picks days of their own.
  const lastDate = useRef(values.date);
  useEffect(() => {
    const before = lastDate.current;
    lastDate.current = values.date;
    if (before === values.date || !values.date) return;
    const oldDay = before ? weekOf(before).day : undefined;
    const days = getValues('days');
    if (days.length === 0 || (days.length === 1 && days[0] === oldDay))
      setValue('days', [weekOf(values.date).day], { shouldValidate: true });
  }, [values.date, getValues, setValue]);

  const start = startOf(values);
  const duration = Number(values.duration);
  const capacity = Number(values.capacity);
  const recurrence = recurrenceOf(values);
  // The series as far as it is typed: none while a part is missing (no day ticked, no count, no last date), so
  // its sentence never reads "every , 60 times".
  const seriesEnd = recurrence ? toRequest(values).end : undefined;
  // Main says whether the repeat and its end are whole (the schemas it books with); until it has, there is no series.
  const seriesWhole = useChecked('recurrence', recurrence ? { recurrence, end: seriesEnd } : undefined);
  const series = recurrence && seriesEnd && seriesWhole ? { recurrence, end: seriesEnd } : undefined;
  const free = useSlotFree(start, duration, capacity, series, errors.date?.type === 'past');
  const plan = useSeriesPlan(start && series ? { start, ...series } : undefined);

  // A start the series does not make (Saturday for "every working day", Monday with only Wednesday ticked) is
  // moved to the first day the series makes, and the form says so, as calendar apps do.
  const moved = typeof values.startMovedTo === 'string' ? values.startMovedTo : undefined;
  useEffect(() => {
    if (!recurrence || !start || (recurrence.kind === 'weekly' && recurrence.days.length === 0)) return;
    if (startsTheSeries(recurrence, new Date(start))) return;
    for (let ahead = 1; ahead <= 7; ahead += 1) {
      const day = new Date(`${values.date}T12:00`);
      day.setDate(day.getDate() + ahead);
      if (startsTheSeries(recurrence, day)) {
        const date = localDate(day);
        setValue('date', date, { shouldValidate: true, shouldDirty: true });
        // Said beside the date for as long as it stays there (a form value, so the draft keeps it too).
        setValue('startMovedTo', date);
        return;
      }
    }
  }, [recurrence, start, values.date, setValue]);
  // A series the service would not book as asked: told here, and booked only once the user chose how.
  const notAsAsked = plan?.difference ? plan : undefined;
  const [howMissing, setHowMissing] = useState(false);
  const sizes = licensedSizes(props.licence).map((tier) => tier.size);
  if (capacity > 0 && !sizes.includes(capacity)) sizes.push(capacity);
  sizes.sort((a, b) => a - b);
  const startDate = start ? new Date(start) : undefined;
  const { week, day, date } = weekOf(values.date);

  const err = (name: string): string | undefined => {
    const error = (errors as Record<string, { message?: string } | undefined>)[name];
    if (!error) return undefined;
    const rule = FIELDS[error.message ?? '']?.rule;
    return rule ? t(rule) : t('validation.invalid');
  };
  const invalid = Object.values(FIELDS).filter(
    (field, index, all) => err(field.name) && all.findIndex((f) => f.name === field.name) === index,
  );

  const submit = handleSubmit(async (formValues) => {
    setFailure(undefined);
    setHowMissing(false);
    const request = toRequest(formValues);
    const how = notAsAsked && request.recurrence ? formValues.how : '';
    if (notAsAsked && request.recurrence && !how) {
      setHowMissing(true);
      setFocus('how');
      return;
    }
    const answer = await ask(
      window.umeet.schedule({ request, ...(props.editing ? { meetingId: props.editing.meetingId } : {}), ...(how ? { how } : {}) }),
      t,
    );
    if (answer.ok) setBooked(answer.value);
    // Main found the series not as asked before the form's own check had its answer: the choice is asked for.
    else if (answer.error.fields?.some((f) => f.field === 'how')) setHowMissing(true);
    else setFailure(answer.error.message);
  });

  /** One difference between the series asked and what the service would book, in words. */
  const differenceText = (planned: SeriesPlanView, difference: SeriesDifference) => {
    const at = (iso: string | undefined) => (iso ? meetingWords(new Date(iso), locale) : '—');
    const n = difference.index + 1;
    switch (difference.why) {
      case 'day':
        return t('schedule.plan.day', {
          beijing: recurrenceWords(planned.beijing.rule, undefined, locale),
          n,
          booked: at(difference.booked),
          asked: at(difference.asked),
        });
      case 'clock':
        return t('schedule.plan.clock', { time: planned.beijing.time, n, booked: at(difference.booked), asked: at(difference.asked) });
      case 'count':
        return t('schedule.plan.count', { booked: planned.wouldBook.length, asked: planned.asked.length });
    }
  };

  /** What is free for the slot (a series: at every one of its meetings, and the dates with none). */
  const freeText = (value: SlotFree) => {
    const conflicts = value.conflicts ?? [];
    if (value.meetings !== undefined && conflicts.length > 0)
      return (
        <span className="warning" data-testid="slot-none-free">
          ⚠{' '}
          {t('schedule.seriesConflicts', {
            capacity: value.capacity,
            count: conflicts.length,
            meetings: value.meetings,
            dates: conflicts.map((d) => meetingWords(new Date(d), locale)).join(t('options.separator')),
          })}
        </span>
      );
    if (value.meetings !== undefined && value.free > 0)
      return t('schedule.seriesFree', { capacity: value.capacity, meetings: value.meetings, free: value.free, total: value.total });
    if (value.free > 0) return t('schedule.free', { free: value.free, total: value.total, capacity: value.capacity });
    return (
      <span className="warning" data-testid="slot-none-free">
        ⚠ {t('schedule.noneFree', { capacity: value.capacity, total: value.total })}
      </span>
    );
  };

  /** Fix: sent again with the other numbering of days; or accepted as the service booked it. */
  const fix = async (accept: boolean) => {
    if (!booked) return;
    setFixing('busy');
    const answer = await ask(window.umeet.fixSeries({ meetingId: booked.meetingId, ...(accept ? { accept: true as const } : {}) }), t);
    if (!answer.ok) {
      setFixing('idle');
      setFailure(answer.error.message);
    } else setFixing(accept ? 'accepted' : answer.value.mismatch ? 'still' : 'fixed');
  };

  const title = props.editing ? t('schedule.titleEdit', { topic: props.editing.topic }) : t('schedule.titleNew');

  if (booked) {
    // Booked on other days than asked: said in the heading, the days asked and booked side by side, and the
    // invitation and calendar file held until the series is fixed or accepted as booked.
    const held = Boolean(booked.mismatch) && fixing !== 'fixed' && fixing !== 'accepted';
    return (
      <section className="schedule-form schedule-done" aria-labelledby="schedule-heading">
        <h2 id="schedule-heading" ref={heading} tabIndex={-1}>
          {booked.group
            ? t('schedule.bookedGroup', { topic: booked.topic, count: booked.group.meetingIds.length })
            : held
              ? t('schedule.bookedOther', { topic: booked.topic })
              : t(props.editing ? 'schedule.changed' : 'schedule.booked', { topic: booked.topic })}
        </h2>
        {booked.incomplete && (
          <div className="banner warning" role="alert" data-testid="schedule-incomplete">
            <p>
              {t('schedule.incomplete', { booked: booked.incomplete.booked, of: booked.incomplete.of, message: booked.incomplete.message })}
            </p>
          </div>
        )}
        {booked.notAsAsked && !booked.mismatch && (
          <p className="hint" data-testid="schedule-booked-not-as-asked">
            {t('schedule.notAsAskedBooked', {
              n: booked.notAsAsked.index + 1,
              booked: booked.notAsAsked.booked ? meetingWords(new Date(booked.notAsAsked.booked), locale) : '—',
              asked: booked.notAsAsked.asked ? meetingWords(new Date(booked.notAsAsked.asked), locale) : '—',
            })}
          </p>
        )}
        {!props.editing && !held && fixing === 'idle' && (
          <p role="status" data-testid="schedule-copied">
            {t(booked.copied ? 'schedule.invitationCopied' : 'schedule.invitationNotCopied')}
          </p>
        )}
        {booked.mismatch && (held || fixing === 'still') && (
          <MismatchBanner
            mismatch={booked.mismatch}
            still={fixing === 'still'}
            busy={fixing === 'busy'}
            onFix={(accept) => void fix(accept)}
            note={props.editing ? undefined : t('schedule.heldNote')}
          />
        )}
        {fixing === 'fixed' && (
          <p role="status" data-testid="schedule-fixed">
            {t('schedule.fixed')}
          </p>
        )}
        {fixing === 'accepted' && (
          <p role="status" data-testid="schedule-accepted">
            {t('schedule.accepted', { words: summaryOf(booked.mismatch?.booked ?? [], locale) })}
          </p>
        )}
        {failure && (
          <p role="alert" className="error">
            {failure}
          </p>
        )}
        {!held && (
          <pre className="invitation" data-testid="schedule-invitation">
            {booked.invitation}
          </pre>
        )}
        <div className="form-actions">
          {!held && (fixing === 'fixed' || fixing === 'accepted') && (
            <button type="button" onClick={() => props.onCalendar(booked.meetingId, 'copy-invitation')}>
              {t('upcoming.copyInvitation')}
            </button>
          )}
          {!held && (
            <button type="button" onClick={() => props.onCalendar(booked.meetingId, 'add-to-calendar')}>
              {t('upcoming.addToCalendar')}
            </button>
          )}
          {!held && (
            <button type="button" onClick={() => props.onCalendar(booked.meetingId, 'save-ics')}>
              {t('upcoming.saveIcs')}
            </button>
          )}
          <button type="button" className="primary" onClick={() => props.onDone(booked)}>
            {t('schedule.back')}
          </button>
        </div>
      </section>
    );
  }

  const endForWords = values.endKind === 'times' ? { times: Number(values.endTimes) || 0 } : { until: values.endDate };
  // The date and time fields hold what is typed; the form reads it as soon as it is whole (common/typed-date-time.ts).
  const typedDate = { setValueAs: (text: string) => readDate(text, true) ?? text };
  const typedTime = { setValueAs: (text: string) => readTime(text, true) ?? text };
  const set = (name: 'date' | 'time' | 'endDate') => (value: string) => setValue(name, value, { shouldValidate: true, shouldDirty: true });
  const field = (name: keyof ScheduleFormValues & string, hint = false) => ({
    id: id(name),
    'aria-invalid': err(name) ? true : undefined,
    'aria-describedby': describedBy(id(name), hint, Boolean(err(name))),
  });

  return (
    <section className="schedule-form" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {props.presetName && <p className="hint">{t('schedule.fromPreset', { name: props.presetName })}</p>}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Field id={id('topic')} label={t('schedule.topic')} error={err('topic')}>
          <input type="text" {...field('topic')} {...register('topic')} />
        </Field>
        <div className="field-row">
          <Field id={id('date')} label={t('schedule.date')} error={err('date')}>
            <span className="date-with-day">
              <DateInput
                control={field('date')}
                registration={register('date', typedDate)}
                set={set('date')}
                placeholder={t('schedule.datePlaceholder')}
                pickLabel={t('schedule.pickDate', { field: t('schedule.date') })}
              />
              <DayOf date={values.date} />
            </span>
          </Field>
          <Field id={id('time')} label={t('schedule.time')} error={err('time')}>
            <TimeInput
              control={field('time')}
              registration={register('time', typedTime)}
              set={set('time')}
              placeholder={t('schedule.timePlaceholder')}
            />
          </Field>
        </div>
        {moved && moved === values.date && (
          <p className="hint" role="status" data-testid="schedule-start-moved">
            {t('schedule.startMoved', { date: dayWords(moved, locale) })}
          </p>
        )}
        {startDate && !isServiceZone(startDate) && (
          <p className="hint" data-testid="schedule-zone">
            {t('schedule.zoneHint', { zone: zoneName(startDate) })}
          </p>
        )}
        <div className="field-row">
          <Field id={id('duration')} label={t('schedule.duration')} hint={t('schedule.durationHint')} error={err('duration')}>
            <input type="number" min={31} step={1} inputMode="numeric" {...field('duration', true)} {...register('duration')} />
          </Field>
          <Field id={id('capacity')} label={t('schedule.capacity')} error={err('capacity')}>
            <select {...field('capacity')} {...register('capacity')}>
              {sizes.map((size) => (
                <option key={size} value={String(size)}>
                  {t('schedule.capacityOption', { capacity: size })}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="slot-free" role="status" aria-live="polite" data-testid="slot-free">
          {free.state === 'checking' && t('schedule.freeChecking')}
          {free.state === 'known' && freeText(free.value)}
          {free.state === 'failed' && t('schedule.freeUnknown', { reason: free.message })}
        </p>
        {free.state === 'known' && free.value.nextUp && (
          <p className="slot-next-up">
            <button
              type="button"
              data-testid="slot-next-up"
              onClick={() => setValue('capacity', String(free.value.nextUp!.capacity), { shouldValidate: true, shouldDirty: true })}
            >
              {t('schedule.useSize', { capacity: free.value.nextUp.capacity, free: free.value.nextUp.free })}
            </button>
          </p>
        )}

        <fieldset className="repeat">
          <legend>{t('schedule.repeat')}</legend>
          <Field id={id('repeat')} label={t('schedule.repeat')} error={err('repeat')} className="visually-hidden-label">
            <select {...field('repeat')} {...register('repeat')}>
              {props.initial.repeat === 'unchanged' && <option value="unchanged">{t('schedule.repeat.unchanged')}</option>}
              <option value="none">{t('schedule.repeat.none')}</option>
              <option value="daily">{t('schedule.repeat.daily')}</option>
              <option value="weekdays">{t('schedule.repeat.weekdays')}</option>
              <option value="weekly">{t('schedule.repeat.weekly')}</option>
              <option value="monthly-day">{t('schedule.repeat.monthly-day', { day: date })}</option>
              <option value="monthly-weekday">
                {t('schedule.repeat.monthly-weekday', { nth: t(`schedule.nth.${week}` as MessageKey), weekday: t(`schedule.day.${day}`) })}
              </option>
            </select>
          </Field>
          {values.repeat === 'weekly' && (
            <fieldset className="weekdays" aria-describedby={err('days') ? `${id('days')}-error` : undefined}>
              <legend>{t('schedule.weekdays')}</legend>
              {(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Weekday[]).map((d) => (
                <label key={d} className="weekday">
                  <input type="checkbox" value={d} id={d === 'mon' ? id('days') : undefined} {...register('days')} />
                  {t(`schedule.day.${d}`)}
                </label>
              ))}
              {err('days') && (
                <p className="error" id={`${id('days')}-error`} role="alert">
                  {err('days')}
                </p>
              )}
            </fieldset>
          )}
          {values.repeat === 'unchanged' && (
            <p className="hint" data-testid="schedule-unchanged">
              {t('schedule.unchangedHint')}
            </p>
          )}
          {recurrence && (
            <fieldset className="ends">
              <legend>{t('schedule.ends')}</legend>
              <div className="end-choice">
                <label>
                  <input type="radio" value="times" {...register('endKind')} />
                  {t('schedule.endsAfter')}
                </label>
                <input
                  type="number"
                  min={2}
                  max={50}
                  aria-label={t('schedule.endTimes')}
                  disabled={values.endKind !== 'times'}
                  {...field('endTimes')}
                  {...register('endTimes')}
                />
                <span>{t('schedule.endsTimes')}</span>
              </div>
              {err('endTimes') && (
                <p className="error" id={`${id('endTimes')}-error`} role="alert">
                  {err('endTimes')}
                </p>
              )}
              <div className="end-choice">
                <label>
                  <input type="radio" value="until" {...register('endKind')} />
                  {t('schedule.endsOn')}
                </label>
                <span className="date-with-day">
                  <DateInput
                    control={{ ...field('endDate'), 'aria-label': t('schedule.endDate') }}
                    registration={register('endDate', typedDate)}
                    set={set('endDate')}
                    disabled={values.endKind !== 'until'}
                    placeholder={t('schedule.datePlaceholder')}
                    pickLabel={t('schedule.pickDate', { field: t('schedule.endDate') })}
                  />
                  {values.endKind === 'until' && <DayOf date={values.endDate} />}
                </span>
              </div>
              {err('endDate') && (
                <p className="error" id={`${id('endDate')}-error`} role="alert">
                  {err('endDate')}
                </p>
              )}
            </fieldset>
          )}
          {series && (
            <p className="hint" data-testid="schedule-series">
              {t('schedule.series', { words: recurrenceWords(series.recurrence, endForWords, locale) })}
            </p>
          )}
        </fieldset>
        {notAsAsked && recurrence && startDate && (
          <div className="banner warning not-as-asked" data-testid="schedule-not-as-asked">
            <p>
              <strong>{t('schedule.plan.notAsAsked')}</strong>
            </p>
            <ul>
              {notAsAsked.differences.map((difference) => (
                <li key={difference.why}>{differenceText(notAsAsked, difference)}</li>
              ))}
            </ul>
            <fieldset className="how" aria-describedby={howMissing ? `${id('how')}-error` : undefined}>
              <legend>{t('schedule.how')}</legend>
              {!props.editing && (
                <label className="choice">
                  <input type="radio" value="one-by-one" id={id('how')} {...register('how')} />
                  {t('schedule.how.oneByOne', {
                    time: timeWithZone(startDate, locale),
                    count: notAsAsked.asked.length,
                  })}
                </label>
              )}
              <label className="choice">
                <input type="radio" value="as-booked-in-beijing" id={props.editing ? id('how') : undefined} {...register('how')} />
                {t('schedule.how.beijing', { words: beijingSeriesWords(recurrence, endForWords, startDate, locale) })}
              </label>
              <p className="hint">{t('schedule.how.another')}</p>
              {howMissing && (
                <p className="error" id={`${id('how')}-error`} role="alert">
                  {t('schedule.rule.how')}
                </p>
              )}
            </fieldset>
          </div>
        )}

        <Field
          id={id('password')}
          label={t('schedule.password')}
          hint={err('password') ? undefined : t(props.editing ? 'schedule.passwordEditHint' : 'schedule.passwordHint')}
          error={err('password')}
        >
          <input type="text" autoComplete="off" spellCheck={false} {...field('password', !err('password'))} {...register('password')} />
        </Field>
        <label className="checkbox">
          <input type="checkbox" id={id('waitingRoom')} {...register('waitingRoom')} />
          {t('schedule.waitingRoom')}
        </label>
        <Field id={id('hostName')} label={t('schedule.hostName')} error={err('hostName')}>
          <input type="text" {...field('hostName')} {...register('hostName')} />
        </Field>
        <Field id={id('userKey')} label={t('schedule.userKey')} error={err('userKey')}>
          <input type="text" {...field('userKey')} {...register('userKey')} />
        </Field>
        <MeetingOptions values={values} register={register as never} fields={scheduleOptionFields} />

        {failure && (
          <p role="alert" className="error" data-testid="schedule-failure" tabIndex={-1} ref={focusOnShow}>
            {failure}
          </p>
        )}
        <div className="form-actions">
          <span className="footer-status" aria-live="polite">
            {submitCount > 0 && (invalid.length > 0 || howMissing) && (
              <ErrorSummary
                lead="schedule.fixFields"
                testId="schedule-errors"
                fields={[
                  ...invalid.map((f) => ({ name: f.name, id: id(f.name), label: f.label })),
                  ...(howMissing ? [{ name: 'how', id: id('how'), label: 'schedule.how' as const }] : []),
                ]}
              />
            )}
          </span>
          <button type="button" onClick={() => props.onDone()} disabled={isSubmitting}>
            {t('meeting.cancelButton')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('schedule.booking') : t(props.editing ? 'schedule.saveChanges' : 'schedule.book')}
          </button>
        </div>
      </form>
    </section>
  );
}
