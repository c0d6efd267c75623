import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { expandTopic } from '../../../common/format.js';
import { USER_KEY_MAX_BYTES, utf8Bytes, type Licence } from '../../../common/umeet-api.js';
import { PresetInput } from '../../../common/window-state.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import { describedBy, Field } from '../components/Field.js';
import { useI18n } from '../i18n.js';
import { errorAt, fieldErrorText } from '../validation.js';
import { fromFormValues, licensedSizes, toFormValues, triStateFields, type PresetFormValues } from './preset-form.js';

const checkPreset = zodResolver(PresetInput);
/** The form's text goes through fromFormValues, then the very schema main enforces. */
const resolver: Resolver<PresetFormValues> = (values, context, options) =>
  checkPreset(fromFormValues(values), context, options as never) as ReturnType<Resolver<PresetFormValues>>;

const triStateLabels: Record<(typeof triStateFields)[number], MessageKey> = {
  joinBeforeHost: 'editor.joinBeforeHost',
  muteOnEntry: 'editor.muteOnEntry',
  hostVideo: 'editor.hostVideo',
  participantsVideo: 'editor.participantsVideo',
  usePmi: 'editor.usePmi',
  liveStreaming: 'editor.liveStreaming',
};

export interface PresetEditorProps {
  preset: PresetInput;
  licence: Licence | undefined;
  busy: boolean;
  onSave: (preset: PresetInput) => Promise<{ ok: true; id: string } | { ok: false; field: string; message: string }>;
  onStart: (id: string) => void;
}

export function PresetEditor({ preset, licence, busy, onSave, onStart }: PresetEditorProps) {
  const { t } = useI18n();
  const defaults = useMemo(() => toFormValues(preset), [preset]);
  const {
    register,
    handleSubmit,
    reset,
    control,
    setError,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<PresetFormValues>({ resolver, defaultValues: defaults, mode: 'onChange' });
  useEffect(() => reset(defaults), [defaults, reset]);

  const topic = useWatch({ control, name: 'topic' }) as string | undefined;
  const userKey = useWatch({ control, name: 'userKey' }) as string | undefined;
  const [now] = useState(() => new Date());
  const bytes = utf8Bytes(userKey ?? '');
  const sizes = licensedSizes(licence);
  const id = preset.id ?? 'new';

  const err = (path: string) => {
    const error = errorAt(errors, path);
    return error ? fieldErrorText(path, t, error.message) : undefined;
  };

  const save = handleSubmit(async (values) => {
    const result = await onSave(fromFormValues(values));
    if (!result.ok) setError(result.field as never, { message: result.message });
    return result;
  });

  const startNow = handleSubmit(async (values) => {
    // Unsaved edits are saved first, so "Start now" starts what the user sees.
    const result = isDirty || !preset.id ? await onSave(fromFormValues(values)) : { ok: true as const, id: preset.id };
    if (result.ok) onStart(result.id);
    else setError(result.field as never, { message: result.message });
  });

  return (
    <form className="editor" onSubmit={(event) => void save(event)} aria-labelledby="editor-heading" noValidate>
      <h2 id="editor-heading">{preset.id ? t('editor.headingEdit', { name: preset.name }) : t('editor.headingNew')}</h2>

      <Field id={`${id}-name`} label={t('editor.name')} error={err('name')}>
        <input
          id={`${id}-name`}
          {...register('name')}
          aria-invalid={Boolean(err('name'))}
          aria-describedby={describedBy(`${id}-name`, false, Boolean(err('name')))}
        />
      </Field>

      <Field
        id={`${id}-topic`}
        label={t('editor.topic')}
        error={err('topic')}
        hint={
          <>
            {t('editor.topicHint')}{' '}
            <span data-testid="topic-preview">{t('editor.topicPreview', { preview: expandTopic(topic ?? '', now) })}</span>
          </>
        }
      >
        <input
          id={`${id}-topic`}
          {...register('topic')}
          aria-invalid={Boolean(err('topic'))}
          aria-describedby={describedBy(`${id}-topic`, true, Boolean(err('topic')))}
        />
      </Field>

      <div className="row">
        <Field
          id={`${id}-capacity`}
          label={t('editor.capacity')}
          error={err('capacity')}
          hint={sizes.length ? t('editor.capacityFromLicence') : t('editor.capacityHint')}
        >
          {sizes.length ? (
            <select
              id={`${id}-capacity`}
              {...register('capacity')}
              aria-describedby={describedBy(`${id}-capacity`, true, Boolean(err('capacity')))}
            >
              {!sizes.some((tier) => String(tier.size) === String(defaults.capacity)) && (
                <option value={String(defaults.capacity)}>
                  {t('editor.capacityOption', { size: String(defaults.capacity), rooms: '0' })}
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
              id={`${id}-capacity`}
              inputMode="numeric"
              {...register('capacity')}
              aria-invalid={Boolean(err('capacity'))}
              aria-describedby={describedBy(`${id}-capacity`, true, Boolean(err('capacity')))}
            />
          )}
        </Field>
        <Field id={`${id}-duration`} label={t('editor.duration')} error={err('duration')} hint={t('editor.durationHint')}>
          <input
            id={`${id}-duration`}
            inputMode="numeric"
            {...register('duration')}
            aria-invalid={Boolean(err('duration'))}
            aria-describedby={describedBy(`${id}-duration`, true, Boolean(err('duration')))}
          />
        </Field>
      </div>

      <fieldset className="options">
        <legend>{t('editor.options')}</legend>
        <p className="hint">{t('editor.optionsHint')}</p>
        <div className="grid">
          {triStateFields.map((field) => (
            <Field key={field} id={`${id}-${field}`} label={t(triStateLabels[field])}>
              <select id={`${id}-${field}`} {...register(field)}>
                <option value="">{t('editor.serviceDefault')}</option>
                <option value="true">{t('editor.on')}</option>
                <option value="false">{t('editor.off')}</option>
              </select>
            </Field>
          ))}
          <Field id={`${id}-recording`} label={t('editor.recording')}>
            <select id={`${id}-recording`} {...register('recording')}>
              <option value="">{t('editor.serviceDefault')}</option>
              <option value="cloud">{t('editor.recordingCloud')}</option>
              <option value="none">{t('editor.recordingNone')}</option>
            </select>
          </Field>
        </div>
      </fieldset>

      <Field
        id={`${id}-userKey`}
        label={t('editor.userKey')}
        error={err('userKey')}
        hint={
          <span data-testid="user-key-bytes" aria-live="polite" className={bytes > USER_KEY_MAX_BYTES ? 'over' : undefined}>
            {t('editor.userKeyBytes', { bytes, max: USER_KEY_MAX_BYTES })}
          </span>
        }
      >
        <input
          id={`${id}-userKey`}
          {...register('userKey')}
          aria-invalid={Boolean(err('userKey'))}
          aria-describedby={describedBy(`${id}-userKey`, true, Boolean(err('userKey')))}
        />
      </Field>

      <fieldset className="after">
        <legend>{t('editor.afterCreate')}</legend>
        <div className="row">
          <Field id={`${id}-open`} label={t('editor.open')}>
            <select id={`${id}-open`} {...register('afterCreate.open')}>
              <option value="start">{t('editor.openStart')}</option>
              <option value="join">{t('editor.openJoin')}</option>
              <option value="none">{t('editor.openNone')}</option>
            </select>
          </Field>
          <Field id={`${id}-copy`} label={t('editor.copy')}>
            <select id={`${id}-copy`} {...register('afterCreate.copy')}>
              <option value="invitation">{t('editor.copyInvitation')}</option>
              <option value="join-link">{t('editor.copyJoinLink')}</option>
              <option value="none">{t('editor.copyNone')}</option>
            </select>
          </Field>
        </div>
      </fieldset>

      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('editor.save')}
        </button>
        <button type="button" onClick={() => void startNow()} disabled={busy || isSubmitting}>
          {busy ? t('tray.starting') : t('editor.startNow')}
        </button>
      </div>
    </form>
  );
}
