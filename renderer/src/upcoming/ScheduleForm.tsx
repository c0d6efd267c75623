import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { MessageKey } from '../../../common/i18n/index.js';
import { ScheduleRequest, type Recurrence, type RecurrenceEnd, type Weekday } from '../../../common/schedule.js';
import { SeriesQuery } from '../../../common/scheduled.js';
import {
  beijingSeriesWords,
  isServiceZone,
  meetingWords,
  recurrenceWords,
  slotWords,
  timeWithZone,
  zoneName,
} from '../../../common/schedule-words.js';
import type { BookOutcome, SeriesDifference, SeriesPlanView, SlotFree } from '../../../common/scheduled.js';
import type { Licence } from '../../../common/umeet-api.js';
import { describedBy, Field } from '../components/Field.js';
import { useI18n } from '../i18n.js';
import { ask } from '../ipc.js';
import { MeetingOptions } from '../presets/MeetingOptions.js';
import { licensedSizes } from '../presets/preset-form.js';
import { recurrenceOf, scheduleOptionFields, startOf, toRequest, weekOf, type ScheduleFormValues } from './schedule-form.js';

/** Where each of the request's fields is on the form, and the rule it shows in the user's language. */
const FIELDS: Record<string, { name: string; label: MessageKey; rule?: MessageKey }> = {
  topic: { name: 'topic', label: 'schedule.topic', rule: 'validation.topic' },
  start: { name: 'date', label: 'schedule.date', rule: 'schedule.rule.start' },
  duration: { name: 'duration', label: 'schedule.duration', rule: 'schedule.rule.duration' },
  capacity: { name: 'capacity', label: 'schedule.capacity', rule: 'validation.capacity' },
  password: { name: 'password', label: 'schedule.password', rule: 'schedule.rule.password' },
  hostName: { name: 'hostName', label: 'schedule.hostName', rule: 'schedule.rule.hostName' },
  userKey: { name: 'userKey', label: 'schedule.userKey', rule: 'validation.userKey' },
  'recurrence.days': { name: 'days', label: 'schedule.weekdays', rule: 'schedule.rule.days' },
  recurrence: { name: 'repeat', label: 'schedule.repeat', rule: 'schedule.rule.recurrence' },
  'end.times': { name: 'endTimes', label: 'schedule.endTimes', rule: 'schedule.rule.endTimes' },
  'end.until': { name: 'endDate', label: 'schedule.endDate', rule: 'schedule.rule.endUntil' },
};

/** The very schema main enforces, its refusals put on the form's own fields. */
const resolver: Resolver<ScheduleFormValues> = async (values) => {
  const parsed = ScheduleRequest.safeParse(toRequest(values));
  if (parsed.success) return { values, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    let key = path.slice(0, 2).join('.');
    if (!FIELDS[key]) key = path[0] ?? '';
    if (key === 'end') key = values.endKind === 'times' ? 'end.times' : 'end.until';
    const field = FIELDS[key];
    if (field && !errors[field.name]) errors[field.name] = { type: 'schema', message: key };
  }
  return { values: {}, errors };
};

const id = (name: string) => `schedule-${name}`;

/**
 * Whether the service's repeat would book the series as asked, asked of main ~400 ms after the series
 * stops changing (core/calendar/plan.ts): nothing is sent to the service.
 */
function useSeriesPlan(query: { start: string; recurrence: Recurrence | undefined; end: RecurrenceEnd | undefined }) {
  const { t } = useI18n();
  const valid = query.start && query.recurrence && query.end && SeriesQuery.safeParse(query).success;
  const key = valid ? JSON.stringify(query) : '';
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

function useSlotFree(start: string, duration: number, capacity: number): { state: 'idle' | 'checking' } | SlotAnswer {
  const { t } = useI18n();
  const slot = start && duration > 30 && capacity > 0 ? `${start}|${duration}|${capacity}` : '';
  // The answer is kept with the slot it is for: a changed slot shows "checking" until its own answer comes.
  const [answer, setAnswer] = useState<{ slot: string; answer: SlotAnswer }>();
  useEffect(() => {
    if (!slot) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void ask(window.umeet.freeSlot({ capacity, start, duration }), t).then((reply) => {
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
  }, [slot, start, duration, capacity, t]);
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
  onCalendar: (meetingId: string, action: 'add-to-calendar' | 'save-ics') => void;
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
  } = useForm<ScheduleFormValues>({ resolver, defaultValues: props.draft ?? props.initial, mode: 'onChange' });
  const values = useWatch({ control }) as ScheduleFormValues;
  const [failure, setFailure] = useState<string>();
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
  const [fixing, setFixing] = useState<'idle' | 'busy' | 'fixed' | 'still'>('idle');
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
  const free = useSlotFree(start, duration, capacity);
  const recurrence = recurrenceOf(values);
  const plan = useSeriesPlan({ start, recurrence, end: recurrence ? toRequest(values).end : undefined });
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

  const fix = async () => {
    if (!booked) return;
    setFixing('busy');
    const answer = await ask(window.umeet.fixSeries({ meetingId: booked.meetingId }), t);
    if (!answer.ok) {
      setFixing('idle');
      setFailure(answer.error.message);
    } else setFixing(answer.value.mismatch ? 'still' : 'fixed');
  };

  const dates = (list: readonly string[]) => list.map((d) => slotWords(new Date(d), duration).split(' (')[0]!.slice(0, 16)).join(', ');
  const title = props.editing ? t('schedule.titleEdit', { topic: props.editing.topic }) : t('schedule.titleNew');

  if (booked) {
    return (
      <section className="schedule-form schedule-done" aria-labelledby="schedule-heading">
        <h2 id="schedule-heading" ref={heading} tabIndex={-1}>
          {booked.group
            ? t('schedule.bookedGroup', { topic: booked.topic, count: booked.group.meetingIds.length })
            : t(props.editing ? 'schedule.changed' : 'schedule.booked', { topic: booked.topic })}
        </h2>
        {booked.incomplete && (
          <div className="banner warning" role="alert" data-testid="schedule-incomplete">
            <p>
              {t('schedule.incomplete', { booked: booked.incomplete.booked, of: booked.incomplete.of, message: booked.incomplete.message })}
            </p>
          </div>
        )}
        {booked.notAsAsked && (
          <p className="hint" data-testid="schedule-booked-not-as-asked">
            {t('schedule.notAsAskedBooked', {
              n: booked.notAsAsked.index + 1,
              booked: booked.notAsAsked.booked ? meetingWords(new Date(booked.notAsAsked.booked), locale) : '—',
              asked: booked.notAsAsked.asked ? meetingWords(new Date(booked.notAsAsked.asked), locale) : '—',
            })}
          </p>
        )}
        {!props.editing && (
          <p role="status" data-testid="schedule-copied">
            {t(booked.copied ? 'schedule.invitationCopied' : 'schedule.invitationNotCopied')}
          </p>
        )}
        {booked.mismatch && fixing !== 'fixed' && (
          <div className="banner warning" role="alert" data-testid="schedule-mismatch">
            <p>{t(fixing === 'still' ? 'schedule.stillMismatch' : 'schedule.mismatch')}</p>
            <p>{t('schedule.mismatchAsked', { dates: dates(booked.mismatch.asked) })}</p>
            <p>{t('schedule.mismatchBooked', { dates: dates(booked.mismatch.booked) })}</p>
            {fixing !== 'still' && (
              <button type="button" onClick={() => void fix()} disabled={fixing === 'busy'}>
                {t('schedule.fix')}
              </button>
            )}
          </div>
        )}
        {fixing === 'fixed' && (
          <p role="status" data-testid="schedule-fixed">
            {t('schedule.fixed')}
          </p>
        )}
        {failure && (
          <p role="alert" className="error">
            {failure}
          </p>
        )}
        <pre className="invitation" data-testid="schedule-invitation">
          {booked.invitation}
        </pre>
        <div className="form-actions">
          <button type="button" onClick={() => props.onCalendar(booked.meetingId, 'add-to-calendar')}>
            {t('upcoming.addToCalendar')}
          </button>
          <button type="button" onClick={() => props.onCalendar(booked.meetingId, 'save-ics')}>
            {t('upcoming.saveIcs')}
          </button>
          <button type="button" className="primary" onClick={() => props.onDone(booked)}>
            {t('schedule.back')}
          </button>
        </div>
      </section>
    );
  }

  const endForWords = values.endKind === 'times' ? { times: Number(values.endTimes) || 0 } : { until: values.endDate };
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
            <input type="date" {...field('date')} {...register('date')} />
          </Field>
          <Field id={id('time')} label={t('schedule.time')}>
            <input type="time" {...field('time')} {...register('time')} />
          </Field>
        </div>
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
          {free.state === 'known' &&
            (free.value.free > 0 ? (
              t('schedule.free', { free: free.value.free, total: free.value.total, capacity: free.value.capacity })
            ) : (
              <span className="warning" data-testid="slot-none-free">
                ⚠ {t('schedule.noneFree', { capacity: free.value.capacity, total: free.value.total })}
              </span>
            ))}
          {free.state === 'failed' && t('schedule.freeUnknown', { reason: free.message })}
        </p>

        <fieldset className="repeat">
          <legend>{t('schedule.repeat')}</legend>
          <Field id={id('repeat')} label={t('schedule.repeat')} error={err('repeat')} className="visually-hidden-label">
            <select {...field('repeat')} {...register('repeat')}>
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
          {values.repeat !== 'none' && (
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
                <input
                  type="date"
                  aria-label={t('schedule.endDate')}
                  disabled={values.endKind !== 'until'}
                  {...field('endDate')}
                  {...register('endDate')}
                />
              </div>
              {err('endDate') && (
                <p className="error" id={`${id('endDate')}-error`} role="alert">
                  {err('endDate')}
                </p>
              )}
            </fieldset>
          )}
          {recurrence && (
            <p className="hint" data-testid="schedule-series">
              {t('schedule.series', { words: recurrenceWords(recurrence, endForWords, locale) })}
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
                  <input type="radio" value="one-by-one" {...register('how')} />
                  {t('schedule.how.oneByOne', {
                    time: timeWithZone(startDate, locale),
                    count: notAsAsked.asked.length,
                  })}
                </label>
              )}
              <label className="choice">
                <input type="radio" value="as-booked-in-beijing" {...register('how')} />
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
          hint={t(props.editing ? 'schedule.passwordEditHint' : 'schedule.passwordHint')}
          error={err('password')}
        >
          <input type="text" autoComplete="off" spellCheck={false} {...field('password', true)} {...register('password')} />
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
          <p role="alert" className="error" data-testid="schedule-failure">
            {failure}
          </p>
        )}
        <div className="form-actions">
          <span className="footer-status" aria-live="polite">
            {submitCount > 0 && (invalid.length > 0 || howMissing) && (
              <span className="error" data-testid="schedule-errors">
                {t('schedule.fixFields')}{' '}
                {[...invalid.map((f) => t(f.label)), ...(howMissing ? [t('schedule.how')] : [])].join(t('options.separator'))}
              </span>
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
