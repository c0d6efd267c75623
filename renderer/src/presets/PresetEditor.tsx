import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Controller, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { expandTopic } from '../../../common/format.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import type { Licence } from '../../../common/umeet-api.js';
import { USER_KEY_MAX_BYTES, utf8Bytes } from '../../../common/user-key.js';
import type { PresetInput } from '../../../common/window-state.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { describedBy, Field } from '../components/Field.js';
import { useI18n } from '../i18n.js';
import { useScrollMemory, useSession, type FormDraft } from '../session.js';
import { mainResolver } from '../form-check.js';
import { errorAt, fieldErrorText } from '../validation.js';
import { DurationPicker } from './DurationPicker.js';
import { MeetingOptions } from './MeetingOptions.js';
import { fromFormValues, licensedSizes, sameField, sameValues, toFormValues, topicFor, type PresetFormValues } from './preset-form.js';

/** The form's text goes through fromFormValues, then main checks it with the very schema it enforces. */
const resolver: Resolver<PresetFormValues> = mainResolver('preset', fromFormValues);

/** Each field the editor checks: its element id and its label, for the error summary's links. */
const fields: { name: string; id: string; label: MessageKey }[] = [
  { name: 'name', id: 'preset-name', label: 'editor.name' },
  { name: 'topic', id: 'preset-topic', label: 'editor.topic' },
  { name: 'capacity', id: 'preset-capacity', label: 'editor.capacity' },
  { name: 'duration', id: 'preset-duration', label: 'editor.duration' },
  { name: 'userKey', id: 'preset-userKey', label: 'editor.userKey' },
];

/** What saving answered: the preset's id, or the fields main refused (in the user's language). */
export type SaveAnswer = { ok: true; id: string } | { ok: false; fields: { field: string; message: string }[] };

export interface PresetEditorProps {
  /** The preset as saved, or the template of a new one. */
  preset: PresetInput;
  /** Where this editor's unsaved values are kept (the preset's id, or NEW_PRESET). */
  draftKey: string;
  isNew: boolean;
  licence: Licence | undefined;
  busy: boolean;
  isDefault: boolean;
  onSave: (preset: PresetInput) => Promise<SaveAnswer>;
  onStart: (id: string) => void;
  /** "Schedule…": the form in Upcoming, filled from the preset as the editor shows it. */
  onSchedule?: (preset: PresetInput) => void;
  onDiscard: () => void;
  /** The preset's actions menu (duplicate, move, delete…), shown in the header. */
  menu?: ReactNode;
  /** In a narrow window: back to the list. */
  onBack?: (() => void) | undefined;
  /** A company preset (a policy): shown, started and duplicated, never edited. */
  company?: boolean;
  /** Whether the user may duplicate it (no presets of their own allowed: not), for the company preset's note. */
  mayDuplicate?: boolean;
}

/**
 * One preset's form. Its values live in the session's drafts as they are typed, so switching to
 * another preset or section and back finds them as they were; the header and the list say when a
 * preset has unsaved changes, and Save and Discard stay in view at the bottom.
 */
export function PresetEditor(props: PresetEditorProps) {
  const { preset, draftKey, isNew } = props;
  const { t } = useI18n();
  const { drafts, setPresetDraft } = useSession();
  const body = useScrollMemory<HTMLDivElement>(`editor:${draftKey}`);
  // Snapshots bring new objects for the same preset: the form follows its content, not its identity.
  const presetText = JSON.stringify(preset);
  const saved = useMemo(() => toFormValues(JSON.parse(presetText) as PresetInput), [presetText]);
  const {
    register,
    handleSubmit,
    reset,
    control,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PresetFormValues>({ resolver, defaultValues: drafts.presets[draftKey] ?? saved, mode: 'onChange' });

  // The saved preset changed under the form (saved here, or changed from the tray): the fields the
  // user has not edited take the new values; those they edited keep theirs.
  const lastSaved = useRef(saved);
  useEffect(() => {
    const before = lastSaved.current;
    lastSaved.current = saved;
    const current = getValues();
    const next: PresetFormValues = { ...current };
    let changed = false;
    for (const key of new Set([...Object.keys(before), ...Object.keys(saved)])) {
      if (sameField(current[key], before[key]) && !sameField(current[key], saved[key])) {
        next[key] = saved[key];
        changed = true;
      }
    }
    if (changed) reset(next, { keepErrors: true, keepSubmitCount: true, keepTouched: true, keepIsSubmitted: true });
  }, [saved, getValues, reset]);

  const values = useWatch({ control }) as PresetFormValues;
  const dirty = isNew || !sameValues(values, saved);

  // Every change is kept as the preset's draft, so it outlives this form; a form back at its saved values has none.
  useEffect(() => {
    setPresetDraft(draftKey, dirty ? (values as FormDraft) : undefined);
  }, [values, dirty, draftKey, setPresetDraft]);

  // The topic follows the name while it is the name's own ("周会 {date} {time}"), until the user writes another.
  const previousName = useRef(String(getValues('name') ?? ''));
  const name = String(values.name ?? '');
  useEffect(() => {
    const before = previousName.current;
    previousName.current = name;
    if (before !== name && getValues('topic') === topicFor(before)) setValue('topic', topicFor(name), { shouldValidate: true });
  }, [name, getValues, setValue]);

  const [now] = useState(() => new Date());
  const bytes = utf8Bytes(String(values.userKey ?? ''));
  const sizes = licensedSizes(props.licence);

  const err = (path: string) => {
    const error = errorAt(errors, path);
    // A schema's path, or main's own words for a refusal on save (setError below).
    return error ? fieldErrorText(path, t, error.type === 'main' ? error.message : undefined) : undefined;
  };

  const apply = async (formValues: PresetFormValues) => {
    const answer = await props.onSave(fromFormValues(formValues));
    if (!answer.ok)
      for (const field of answer.fields) setError(field.field as never, { type: 'main', message: field.message }, { shouldFocus: true });
    return answer;
  };
  const save = handleSubmit(apply);
  const startNow = handleSubmit(async (formValues) => {
    // Unsaved edits are saved first, so "Start now" starts what the user sees.
    const answer = dirty || !preset.id ? await apply(formValues) : ({ ok: true, id: preset.id } as const);
    if (answer.ok) props.onStart(answer.id);
  });

  const invalid = fields.filter((field) => errorAt(errors as FieldErrors, field.name));
  const heading = isNew ? t('editor.headingNew') : String(preset.name);

  return (
    <form className="editor" onSubmit={(event) => void save(event)} aria-labelledby="editor-heading" noValidate data-testid="editor">
      <div className="editor-header">
        {props.onBack && (
          <button type="button" className="back" onClick={props.onBack}>
            <span aria-hidden="true">‹ </span>
            {t('presets.back')}
          </button>
        )}
        <h2 id="editor-heading" title={heading} tabIndex={-1}>
          {heading}
        </h2>
        {props.isDefault && <span className="badge">{t('presets.default')}</span>}
        {props.company && <span className="badge company">{t('policy.companyBadge')}</span>}
        {dirty && (
          <span className="badge unsaved" data-testid="unsaved">
            {isNew ? t('editor.notSavedYet') : t('editor.unsaved')}
          </span>
        )}
        <span className="spacer" />
        {props.menu}
      </div>

      <div
        className="editor-body"
        ref={body}
        // A company preset's fields are disabled, so nothing in here takes focus; at the window's own size the body
        // scrolls, and the keyboard could not scroll it (axe: scrollable-region-focusable). Then it takes focus itself.
        {...(props.company ? { tabIndex: 0, role: 'region', 'aria-labelledby': 'editor-heading' } : {})}
      >
        {props.company && (
          <p className="managed-note" id="company-preset-note">
            {t(props.mayDuplicate === false ? 'policy.companyPresetNoteStartOnly' : 'policy.companyPresetNote')}
          </p>
        )}
        <fieldset className="plain" disabled={props.company} aria-describedby={props.company ? 'company-preset-note' : undefined}>
          <div className="row">
            <Field id="preset-name" label={t('editor.name')} error={err('name')} className="grow-2">
              <input
                id="preset-name"
                {...register('name')}
                aria-invalid={Boolean(err('name'))}
                aria-describedby={describedBy('preset-name', false, Boolean(err('name')))}
              />
            </Field>
            <Field
              id="preset-capacity"
              label={t('editor.capacity')}
              error={err('capacity')}
              hint={sizes.length ? undefined : t('editor.capacityHint')}
            >
              {sizes.length ? (
                <select
                  id="preset-capacity"
                  {...register('capacity')}
                  aria-describedby={describedBy('preset-capacity', false, Boolean(err('capacity')))}
                >
                  {!sizes.some((tier) => String(tier.size) === String(saved.capacity)) && (
                    <option value={String(saved.capacity)}>
                      {t('editor.capacityOption', { size: String(saved.capacity), rooms: '0' })}
                    </option>
                  )}
                  {sizes.map((tier) => (
                    <option key={tier.size} value={String(tier.size)}>
                      {t('editor.capacityOption', { size: tier.size, rooms: tier.rooms })}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id="preset-capacity"
                  inputMode="numeric"
                  {...register('capacity')}
                  aria-invalid={Boolean(err('capacity'))}
                  aria-describedby={describedBy('preset-capacity', true, Boolean(err('capacity')))}
                />
              )}
            </Field>
          </div>

          <Field
            id="preset-topic"
            label={t('editor.topic')}
            error={err('topic')}
            hint={
              <span data-testid="topic-preview">{t('editor.topicPreview', { preview: expandTopic(String(values.topic ?? ''), now) })}</span>
            }
          >
            <input
              id="preset-topic"
              {...register('topic')}
              title={t('editor.topicHint')}
              aria-invalid={Boolean(err('topic'))}
              aria-describedby={describedBy('preset-topic', true, Boolean(err('topic')))}
            />
          </Field>

          <div className="row">
            <Field id="preset-duration" label={t('editor.duration')} error={err('duration')}>
              <Controller
                control={control}
                name="duration"
                render={({ field }) => (
                  <DurationPicker
                    id="preset-duration"
                    value={String(field.value ?? '')}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    invalid={Boolean(err('duration'))}
                    describedBy={describedBy('preset-duration', false, Boolean(err('duration')))}
                  />
                )}
              />
            </Field>
            <Field id="preset-open" label={t('editor.open')}>
              <select id="preset-open" {...register('afterCreate.open')}>
                <option value="start">{t('editor.openStart')}</option>
                <option value="join">{t('editor.openJoin')}</option>
                <option value="none">{t('editor.openNone')}</option>
              </select>
            </Field>
            <Field id="preset-copy" label={t('editor.copy')}>
              <select id="preset-copy" {...register('afterCreate.copy')}>
                <option value="invitation">{t('editor.copyInvitation')}</option>
                <option value="join-link">{t('editor.copyJoinLink')}</option>
                <option value="none">{t('editor.copyNone')}</option>
              </select>
            </Field>
          </div>

          <MeetingOptions values={values} register={register} />

          <Field
            id="preset-userKey"
            label={t('editor.userKey')}
            error={err('userKey')}
            hint={
              <>
                {t('editor.userKeyHint')}{' '}
                <span data-testid="user-key-bytes" aria-live="polite" className={bytes > USER_KEY_MAX_BYTES ? 'over' : undefined}>
                  {t('editor.userKeyBytes', { bytes, max: USER_KEY_MAX_BYTES })}
                </span>
              </>
            }
          >
            <input
              id="preset-userKey"
              {...register('userKey')}
              aria-invalid={Boolean(err('userKey'))}
              aria-describedby={describedBy('preset-userKey', true, Boolean(err('userKey')))}
            />
          </Field>
        </fieldset>
      </div>

      {/* The summary of what to fix on a line of its own above the buttons (read first, as it is seen); the buttons
          in two groups that wrap whole, never one by one around the summary (issue 29, item 12). */}
      <div className="editor-footer">
        <span className="footer-status" aria-live="polite">
          {submitCount > 0 && invalid.length > 0 && <ErrorSummary fields={invalid} testId="error-summary" />}
        </span>
        <span className="footer-group">
          {!props.company && (
            <button type="submit" className="primary" id="preset-save" disabled={isSubmitting}>
              {t('editor.save')}
            </button>
          )}
          {dirty && (
            <button
              type="button"
              id="preset-discard"
              onClick={() => {
                reset(saved);
                props.onDiscard();
              }}
              disabled={isSubmitting}
            >
              {t('editor.discard')}
            </button>
          )}
        </span>
        <span className="footer-group end">
          {props.onSchedule && (
            <button type="button" id="preset-schedule" onClick={() => props.onSchedule?.(fromFormValues(values))} disabled={isSubmitting}>
              {t('editor.schedule')}
            </button>
          )}
          <button type="button" id="preset-start" onClick={() => void startNow()} disabled={props.busy || isSubmitting}>
            {props.busy ? t('tray.starting') : t('editor.startNow')}
          </button>
        </span>
      </div>
    </form>
  );
}
