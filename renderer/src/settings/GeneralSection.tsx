import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { SettingsPatch, type Settings } from '../../../common/settings.js';
import type { StartAtLogin } from '../../../common/window-state.js';
import { describedBy, Field } from '../components/Field.js';
import { useI18n } from '../i18n.js';
import { ask } from '../ipc.js';
import { errorAt, fieldErrorText } from '../validation.js';
import { ShortcutRecorder } from './ShortcutRecorder.js';

type Values = {
  apiBaseUrl: string;
  language: Settings['language'];
  trayLeftClick: Settings['trayLeftClick'];
  globalShortcut: string | null;
  timeoutSeconds: string;
  trustedHosts: string;
  defaultUserKey: string;
};

const toValues = (s: Settings): Values => ({
  apiBaseUrl: s.apiBaseUrl,
  language: s.language,
  trayLeftClick: s.trayLeftClick,
  globalShortcut: s.globalShortcut,
  timeoutSeconds: String(s.requestTimeoutMs / 1000),
  trustedHosts: s.trustedLinkHosts.join('\n'),
  defaultUserKey: s.defaultUserKey ?? '',
});

/** The form's text as a settings change, for the schema main enforces. */
export function toPatch(v: Values): SettingsPatch {
  return {
    apiBaseUrl: v.apiBaseUrl.trim(),
    language: v.language,
    trayLeftClick: v.trayLeftClick,
    globalShortcut: v.globalShortcut,
    requestTimeoutMs: v.timeoutSeconds.trim() === '' ? Number.NaN : Math.round(Number(v.timeoutSeconds) * 1000),
    trustedLinkHosts: v.trustedHosts
      .split(/[\s,]+/)
      .map((h) => h.trim())
      .filter(Boolean),
    defaultUserKey: v.defaultUserKey,
  };
}

const checkPatch = zodResolver(SettingsPatch);
// Errors come back under the schema's names; the form's own names are mapped onto them below.
const resolver: Resolver<Values> = async (values, context, options) => {
  const result = await checkPatch(toPatch(values), context, options as never);
  const errors = result.errors as Record<string, unknown>;
  const renamed: Record<string, unknown> = { ...errors };
  if (errors.requestTimeoutMs) renamed.timeoutSeconds = errors.requestTimeoutMs;
  if (errors.trustedLinkHosts) renamed.trustedHosts = errors.trustedLinkHosts;
  return Object.keys(errors).length ? { values: {}, errors: renamed as never } : { values, errors: {} };
};

export interface GeneralSectionProps {
  settings: Settings;
  /** Start at login as the OS reports it; changed at once, outside the form (the OS is its one truth). */
  startAtLogin: StartAtLogin;
  onStartAtLogin: (enabled: boolean) => void;
  onOpenLogFolder: () => void;
}

export function GeneralSection({ settings, startAtLogin, onStartAtLogin, onOpenLogFolder }: GeneralSectionProps) {
  const { t } = useI18n();
  const defaults = useMemo(() => toValues(settings), [settings]);
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'error' }>();
  const {
    register,
    handleSubmit,
    reset,
    control,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<Values>({ resolver, defaultValues: defaults, mode: 'onChange' });
  // Main's copy changed (e.g. the language from another window): show it, unless the user is mid-edit.
  useEffect(() => {
    if (!isDirty) reset(defaults);
  }, [defaults, isDirty, reset]);

  const err = (name: keyof Values, schemaField: string) => (errorAt(errors, name) ? fieldErrorText(schemaField, t) : undefined);

  const save = handleSubmit(async (values) => {
    setStatus(undefined);
    try {
      const answer = await ask(window.umeet.updateSettings(toPatch(values)), t);
      if (!answer.ok) {
        const [first] = answer.error.fields ?? [];
        if (!first) return setStatus({ text: answer.error.message, tone: 'error' });
        const field =
          first.field === 'requestTimeoutMs' ? 'timeoutSeconds' : first.field === 'trustedLinkHosts' ? 'trustedHosts' : first.field;
        setError(field as keyof Values, { message: first.message });
        return;
      }
      reset(toValues(answer.value));
      setStatus(answer.notSaved ? { text: answer.notSaved, tone: 'error' } : { text: t('settings.saved'), tone: 'ok' });
    } catch (error) {
      setStatus({ text: (error as Error).message, tone: 'error' });
    }
  });

  return (
    <section className="card" aria-labelledby="general-heading">
      <h2 id="general-heading">{t('settings.heading')}</h2>
      <form onSubmit={(event) => void save(event)} noValidate>
        <Field id="api-base" label={t('settings.apiBaseUrl')} hint={t('settings.apiBaseUrlHint')} error={err('apiBaseUrl', 'apiBaseUrl')}>
          <input
            id="api-base"
            {...register('apiBaseUrl')}
            spellCheck={false}
            aria-invalid={Boolean(err('apiBaseUrl', 'apiBaseUrl'))}
            aria-describedby={describedBy('api-base', true, Boolean(err('apiBaseUrl', 'apiBaseUrl')))}
          />
        </Field>
        <div className="row">
          <Field id="language" label={t('settings.language')}>
            <select id="language" {...register('language')}>
              <option value="system">{t('settings.languageSystem')}</option>
              <option value="zh-CN">{t('locale.zh-CN')}</option>
              <option value="en">{t('locale.en')}</option>
            </select>
          </Field>
          <Field id="left-click" label={t('settings.trayLeftClick')} hint={t('settings.trayLeftClickHint')}>
            <select id="left-click" {...register('trayLeftClick')} aria-describedby="left-click-hint">
              <option value="menu">{t('settings.leftClickMenu')}</option>
              <option value="start-default">{t('settings.leftClickStart')}</option>
            </select>
          </Field>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={startAtLogin.enabled}
            onChange={(event) => onStartAtLogin(event.currentTarget.checked)}
            aria-describedby={startAtLogin.error ? 'start-at-login-error' : undefined}
          />
          {t('tray.startAtLogin')}
        </label>
        {startAtLogin.error && (
          <p id="start-at-login-error" className="error" role="alert">
            {startAtLogin.error}
          </p>
        )}
        <Field
          id="shortcut"
          label={t('settings.shortcut')}
          hint={t('settings.shortcutHint')}
          error={err('globalShortcut', 'globalShortcut')}
        >
          <Controller
            control={control}
            name="globalShortcut"
            render={({ field }) => (
              <ShortcutRecorder id="shortcut" value={field.value} onChange={field.onChange} describedBy="shortcut-hint" />
            )}
          />
        </Field>
        <div className="row">
          <Field
            id="timeout"
            label={t('settings.timeout')}
            hint={t('settings.timeoutHint')}
            error={err('timeoutSeconds', 'requestTimeoutMs')}
          >
            <input
              id="timeout"
              inputMode="numeric"
              {...register('timeoutSeconds')}
              aria-invalid={Boolean(err('timeoutSeconds', 'requestTimeoutMs'))}
              aria-describedby={describedBy('timeout', true, Boolean(err('timeoutSeconds', 'requestTimeoutMs')))}
            />
          </Field>
          <Field
            id="user-key"
            label={t('settings.defaultUserKey')}
            hint={t('settings.defaultUserKeyHint')}
            error={err('defaultUserKey', 'defaultUserKey')}
          >
            <input
              id="user-key"
              {...register('defaultUserKey')}
              aria-invalid={Boolean(err('defaultUserKey', 'defaultUserKey'))}
              aria-describedby={describedBy('user-key', true, Boolean(err('defaultUserKey', 'defaultUserKey')))}
            />
          </Field>
        </div>
        <Field
          id="trusted-hosts"
          label={t('settings.trustedHosts')}
          hint={t('settings.trustedHostsHint')}
          error={err('trustedHosts', 'trustedLinkHosts')}
        >
          <textarea
            id="trusted-hosts"
            rows={3}
            {...register('trustedHosts')}
            spellCheck={false}
            aria-invalid={Boolean(err('trustedHosts', 'trustedLinkHosts'))}
            aria-describedby={describedBy('trusted-hosts', true, Boolean(err('trustedHosts', 'trustedLinkHosts')))}
          />
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('settings.save')}
          </button>
          <button type="button" onClick={onOpenLogFolder}>
            {t('tray.openLogFolder')}
          </button>
        </div>
        {status && (
          <p role="status" className={status.tone === 'error' ? 'error' : 'ok'}>
            {status.text}
          </p>
        )}
      </form>
    </section>
  );
}
