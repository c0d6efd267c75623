import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import type { MessageKey, Translate } from '../../../common/i18n/index.js';
import { fieldMessage } from '../../../common/field-messages.js';
import type { Settings, SettingsPatch } from '../../../common/settings.js';
import type { ProxyPasswordState } from '../../../common/credentials.js';
import type { StartAtLogin } from '../../../common/window-state.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { check } from '../form-check.js';
import { describedBy, Field } from '../components/Field.js';
import { useI18n } from '../i18n.js';
import { ask } from '../ipc.js';
import { messageText, say, told, type Message } from '../messages.js';
import { useSession, type FormDraft } from '../session.js';
import { toProxySetting, toProxyValues, type ProxyValues } from './proxy-form.js';
import type { PolicyView } from '../../../common/policy.js';
import { LockedNote, withLock } from './Managed.js';
import { ProxyFields } from './ProxyFields.js';
import { ShortcutRecorder } from './ShortcutRecorder.js';
import { useDesktop } from '../platform.js';

type Values = ProxyValues & {
  language: Settings['language'];
  trayLeftClick: Settings['trayLeftClick'];
  whenNoRoom: Settings['whenNoRoom'];
  /** The select's value: the minutes as text. */
  reminderMinutes: string;
  checkForUpdates: boolean;
  globalShortcut: string | null;
  apiBaseUrl: string;
  timeoutSeconds: string;
  keepClosedMinutes: string;
  trustedHosts: string;
  defaultUserKey: string;
};

const toValues = (s: Settings): Values => ({
  language: s.language,
  trayLeftClick: s.trayLeftClick,
  whenNoRoom: s.whenNoRoom,
  reminderMinutes: String(s.meetingReminderMinutes),
  checkForUpdates: s.checkForUpdates,
  globalShortcut: s.globalShortcut,
  apiBaseUrl: s.apiBaseUrl,
  timeoutSeconds: String(s.requestTimeoutMs / 1000),
  keepClosedMinutes: String(s.keepClosedWindowMinutes),
  trustedHosts: s.trustedLinkHosts.join('\n'),
  defaultUserKey: s.defaultUserKey ?? '',
  ...toProxyValues(s.proxy),
});

/** The trusted hosts as typed: one entry per line (commas, also Chinese ones, separate too), each with its line. */
export function hostEntries(text: string): { line: number; text: string }[] {
  return text.split('\n').flatMap((content, index) =>
    content
      .split(/[,，;；]/)
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => ({ line: index + 1, text: entry })),
  );
}

/** The form's text as a settings change, for the schema main enforces. */
export async function toPatch(v: Values): Promise<SettingsPatch> {
  return {
    apiBaseUrl: v.apiBaseUrl.trim(),
    language: v.language,
    trayLeftClick: v.trayLeftClick,
    whenNoRoom: v.whenNoRoom,
    meetingReminderMinutes: Number(v.reminderMinutes) as Settings['meetingReminderMinutes'],
    checkForUpdates: v.checkForUpdates,
    globalShortcut: v.globalShortcut,
    requestTimeoutMs: v.timeoutSeconds.trim() === '' ? Number.NaN : Math.round(Number(v.timeoutSeconds) * 1000),
    keepClosedWindowMinutes: v.keepClosedMinutes.trim() === '' ? Number.NaN : Number(v.keepClosedMinutes),
    trustedLinkHosts: hostEntries(v.trustedHosts).map((entry) => entry.text),
    defaultUserKey: v.defaultUserKey,
    proxy: await toProxySetting(v),
  };
}

/** Each field: its form name, its name in the schema, its element, its label, and whether it sits under Advanced. */
const fields: { name: keyof Values; schema: string; id: string; label: MessageKey; advanced: boolean }[] = [
  { name: 'language', schema: 'language', id: 'language', label: 'settings.language', advanced: false },
  { name: 'trayLeftClick', schema: 'trayLeftClick', id: 'left-click', label: 'settings.trayLeftClick', advanced: false },
  { name: 'whenNoRoom', schema: 'whenNoRoom', id: 'when-no-room', label: 'settings.whenNoRoom', advanced: false },
  { name: 'reminderMinutes', schema: 'meetingReminderMinutes', id: 'reminder', label: 'settings.reminder', advanced: false },
  { name: 'globalShortcut', schema: 'globalShortcut', id: 'shortcut', label: 'settings.shortcut', advanced: false },
  { name: 'checkForUpdates', schema: 'checkForUpdates', id: 'check-for-updates', label: 'settings.checkForUpdates', advanced: false },
  { name: 'apiBaseUrl', schema: 'apiBaseUrl', id: 'api-base', label: 'settings.apiBaseUrl', advanced: true },
  { name: 'timeoutSeconds', schema: 'requestTimeoutMs', id: 'timeout', label: 'settings.timeout', advanced: true },
  { name: 'keepClosedMinutes', schema: 'keepClosedWindowMinutes', id: 'keep-closed', label: 'settings.keepClosed', advanced: true },
  { name: 'trustedHosts', schema: 'trustedLinkHosts', id: 'trusted-hosts', label: 'settings.trustedHosts', advanced: true },
  { name: 'defaultUserKey', schema: 'defaultUserKey', id: 'user-key', label: 'settings.defaultUserKey', advanced: true },
  { name: 'proxyUrl', schema: 'proxy.url', id: 'proxy-url', label: 'settings.proxyUrl', advanced: true },
  { name: 'proxyUsername', schema: 'proxy.username', id: 'proxy-username', label: 'settings.proxyUsername', advanced: true },
  // Anything else about the proxy (the mode, the whole object): its mode, the group's tab stop.
  { name: 'proxyMode', schema: 'proxy', id: 'proxy-mode', label: 'settings.proxy', advanced: true },
];
/** The values as one text, whatever the order of their keys: to tell whether a message is still about them. */
const formKey = (values: Partial<Values>) =>
  JSON.stringify(
    Object.keys(values)
      .sort()
      .map((key) => [key, values[key as keyof Values] ?? null]),
  );

/** The field a schema path is about: `trustedLinkHosts.2` → the trusted hosts, `proxy.url` → the proxy address. */
const bySchema = (path: string) => fields.find((field) => path === field.schema || path.startsWith(`${field.schema}.`));

/**
 * Errors are kept as the schema's path (`trustedLinkHosts.2`), not as text: the text is written
 * when drawn, in the language of that moment, and names the line of a list that is wrong.
 */
const resolver: Resolver<Values> = async (values) => {
  // Main checks the change with the schema it saves it with; a check it could not make is left to saving.
  const checked = await check('settings', await toPatch(values));
  if (checked?.ok !== false) return { values, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const issue of checked.issues) {
    const path = issue.path.map(String).join('.');
    const field = bySchema(path);
    if (field && !errors[field.name]) errors[field.name] = { type: 'schema', message: path };
  }
  return { values: {}, errors: errors as never };
};

/** An error's text: the field's rule, and for a list the entry and its line. */
function errorText(path: string, values: Values, t: Translate): string {
  const [schemaField, index] = path.split('.');
  const rule = fieldMessage(path, t);
  if (schemaField === 'trustedLinkHosts' && index !== undefined) {
    const entry = hostEntries(values.trustedHosts)[Number(index)];
    if (entry) return t('settings.hostLineError', { line: entry.line, entry: entry.text, rule });
  }
  return rule;
}

export interface GeneralSectionProps {
  settings: Settings;
  /** Start at login as the OS reports it; changed at once, outside the form (the OS is its one truth). */
  startAtLogin: StartAtLogin;
  /** Whether a proxy password is saved (never the password): it is set apart from the draft. */
  proxyPassword: ProxyPasswordState;
  /** What the company policy locks: those controls are shown disabled, with "Set by your organisation". */
  policy: PolicyView;
  /** Where updates are ("Downloading v0.2.0… 45%"), as the tray says it; shown under the update setting. */
  updateLine?: string | undefined;
  onStartAtLogin: (enabled: boolean) => void;
  onOpenLogFolder: () => void;
}

/**
 * The general settings, as one form with the presets' model: edits are a draft (kept when the user
 * goes elsewhere, marked on the Settings tab) until Save or Discard, both always in view.
 */
export function GeneralSection({
  settings,
  startAtLogin,
  proxyPassword,
  policy,
  updateLine,
  onStartAtLogin,
  onOpenLogFolder,
}: GeneralSectionProps) {
  const { t, locale } = useI18n();
  const desktop = useDesktop();
  const locked = (path: string) => policy.locked.includes(path);
  const { drafts, setDraft, revealed, view, setView } = useSession();
  const settingsText = JSON.stringify(settings);
  const saved = useMemo(() => toValues(JSON.parse(settingsText) as Settings), [settingsText]);
  // The outcome of the last save, for the values it was about: the next edit makes it stale.
  const [status, setStatus] = useState<{ message: Message; tone: 'ok' | 'error'; about: string }>();
  // Drawn afresh for a reveal (the error banner's "Check the API server"): unfolded if that is where it points.
  // Open as the user left it; and drawn afresh for a reveal (the error banner's "Check the API server"), open if that is where it points.
  const revealedHere = fields.some((field) => field.advanced && field.id === revealed?.elementId);
  const [advancedAsked, setAdvancedAsked] = useState(revealedHere);
  const advancedOpen = advancedAsked || view['settings.advanced'] === true;
  const setAdvancedOpen = (open: boolean) => {
    setAdvancedAsked(false);
    setView('settings.advanced', open || undefined);
  };
  const {
    register,
    handleSubmit,
    reset,
    control,
    setError,
    clearErrors,
    setValue,
    getValues,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({ resolver, defaultValues: (drafts.settings as Values | undefined) ?? saved, mode: 'onChange' });

  // Main's copy changed (another window, the tray, a save): fields the user has not edited follow it.
  const lastSaved = useRef(saved);
  useEffect(() => {
    const before = lastSaved.current;
    lastSaved.current = saved;
    const current = getValues();
    const keys = Object.keys(saved) as (keyof Values)[];
    const follow = keys.filter((key) => current[key] === before[key] && current[key] !== saved[key]);
    if (follow.length) reset({ ...current, ...Object.fromEntries(follow.map((key) => [key, saved[key]])) }, { keepErrors: true });
  }, [saved, getValues, reset]);

  const values = useWatch({ control }) as Values;
  // A proxy password typed or pasted and not saved: unsaved work too (marked, asked about), saved by Save settings.
  const [pendingPassword, setPendingPassword] = useState('');
  const dirty =
    pendingPassword !== '' || (Object.keys(saved) as (keyof Values)[]).some((key) => (values[key] ?? null) !== (saved[key] ?? null));
  useEffect(() => setDraft('settings', dirty ? (values as unknown as FormDraft) : undefined), [values, dirty, setDraft]);

  // What a mode hides cannot hold up Save (see toProxySetting), so its errors go with it.
  const proxyMode = values.proxyMode;
  useEffect(() => {
    if (proxyMode !== 'manual') clearErrors('proxyUrl');
    if (proxyMode === 'none') clearErrors('proxyUsername');
  }, [proxyMode, clearErrors]);

  const err = (name: keyof Values) => {
    const error = (errors as FieldErrors<Values>)[name];
    return error?.message ? errorText(error.message, values, t) : undefined;
  };
  const invalid = fields.filter((field) => errors[field.name]);
  // An error under Advanced opens it when Save is refused: a form never refuses for a reason it hides.
  const revealAdvanced = (names: readonly string[]) => {
    const first = fields.find((field) => names.includes(field.name));
    if (!first?.advanced) return;
    setAdvancedOpen(true);
    window.requestAnimationFrame(() => document.getElementById(first.id)?.focus());
  };

  const save = handleSubmit(
    async (formValues) => {
      setStatus(undefined);
      const answer = await ask(window.umeet.updateSettings(await toPatch(formValues)), t);
      if (!answer.ok) {
        const refused = answer.error.fields ?? [];
        for (const field of refused) {
          const target = bySchema(field.field);
          if (target) setError(target.name, { type: 'main', message: field.field }, { shouldFocus: true });
        }
        revealAdvanced(refused.map((field) => bySchema(field.field)?.name ?? ''));
        if (!refused.length) setStatus({ message: told(answer.error.message, locale), tone: 'error', about: formKey(formValues) });
        return;
      }
      const next = toValues(answer.value);
      // The proxy password waiting in its field goes with the settings (a proxy that asks for none ignores it).
      const password = formValues.proxyMode !== 'none' ? pendingPassword : '';
      const kept = password ? await ask(window.umeet.setProxyPassword({ password }), t) : undefined;
      if (kept && !kept.ok) {
        // The settings are saved; the password is not, and stays in its field (and marked) to try again.
        reset(next);
        setStatus({ message: say('settings.proxyPasswordNotSaved', { reason: kept.error.message }), tone: 'error', about: formKey(next) });
        return;
      }
      setPendingPassword('');
      reset(next);
      setDraft('settings', undefined);
      const notSaved = answer.notSaved ?? (kept?.ok ? kept.notSaved : undefined);
      setStatus({
        ...(notSaved ? { message: told(notSaved, locale), tone: 'error' } : { message: say('settings.saved'), tone: 'ok' }),
        about: formKey(next),
      });
    },
    (invalidFields) => revealAdvanced(Object.keys(invalidFields)),
  );

  const discard = () => {
    setPendingPassword('');
    reset(saved);
    setDraft('settings', undefined);
    setStatus(undefined);
  };

  const statusText = status && status.about === formKey(values) ? messageText(status.message, t, locale) : undefined;
  const hasErr = (name: keyof Values) => Boolean(err(name));

  return (
    <section className="card settings-form" aria-labelledby="general-heading">
      <h2 id="general-heading">{t('settings.heading')}</h2>
      <form onSubmit={(event) => void save(event)} noValidate>
        <div className="row">
          <Field id="language" label={t('settings.language')}>
            <select id="language" {...register('language')}>
              <option value="system">{t('settings.languageSystem')}</option>
              <option value="zh-CN">{t('locale.zh-CN')}</option>
              <option value="en">{t('locale.en')}</option>
            </select>
          </Field>
          <Field
            id="left-click"
            label={t('settings.trayLeftClick')}
            hint={withLock(locked('trayLeftClick'), t('settings.trayLeftClickHint'))}
          >
            <select id="left-click" {...register('trayLeftClick')} disabled={locked('trayLeftClick')} aria-describedby="left-click-hint">
              <option value="menu">{t('settings.leftClickMenu')}</option>
              <option value="start-default">{t('settings.leftClickStart')}</option>
            </select>
          </Field>
        </div>
        <Field id="when-no-room" label={t('settings.whenNoRoom')} hint={t('settings.whenNoRoomHint')}>
          <select id="when-no-room" {...register('whenNoRoom')} aria-describedby="when-no-room-hint">
            <option value="ask">{t('settings.whenNoRoomAsk')}</option>
            <option value="next-size-up">{t('settings.whenNoRoomNext')}</option>
          </select>
        </Field>
        <Field id="reminder" label={t('settings.reminder')} hint={withLock(locked('meetingReminderMinutes'), t('settings.reminderHint'))}>
          <select
            id="reminder"
            {...register('reminderMinutes')}
            disabled={locked('meetingReminderMinutes')}
            aria-describedby="reminder-hint"
          >
            <option value="0">{t('settings.reminderOff')}</option>
            {[1, 5, 10, 15].map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {t('settings.reminderMinutes', { minutes })}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="shortcut"
          label={t('settings.shortcut')}
          // Never "from any app" where it is not: in a Wayland session it reaches the app only while the window is active.
          hint={
            desktop?.shortcut === 'window'
              ? t('settings.shortcutHintWayland', { command: desktop.launcherCommand })
              : t('settings.shortcutHint')
          }
          error={err('globalShortcut')}
        >
          <Controller
            control={control}
            name="globalShortcut"
            render={({ field }) => (
              <ShortcutRecorder
                id="shortcut"
                value={field.value}
                onChange={field.onChange}
                describedBy={describedBy('shortcut', true, hasErr('globalShortcut'))}
              />
            )}
          />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={startAtLogin.enabled}
            disabled={policy.startAtLoginLocked}
            onChange={(event) => onStartAtLogin(event.currentTarget.checked)}
            aria-describedby={
              [startAtLogin.error ? 'start-at-login-error' : '', policy.startAtLoginLocked ? 'start-at-login-locked' : '']
                .filter(Boolean)
                .join(' ') || undefined
            }
          />
          {t('tray.startAtLogin')}
        </label>
        {policy.startAtLoginLocked && (
          <p className="hint" id="start-at-login-locked">
            <LockedNote />
          </p>
        )}
        {startAtLogin.error && (
          <p id="start-at-login-error" className="error" role="alert">
            {startAtLogin.error}
          </p>
        )}
        <label className="check">
          <input
            id="check-for-updates"
            type="checkbox"
            {...register('checkForUpdates')}
            disabled={locked('checkForUpdates')}
            aria-describedby="check-for-updates-hint"
          />
          {t('settings.checkForUpdates')}
        </label>
        <p id="check-for-updates-hint" className="hint">
          {withLock(locked('checkForUpdates'), t('settings.checkForUpdatesHint'))}
        </p>
        {updateLine && (
          <p id="update-status" className="hint" role="status">
            {updateLine}
          </p>
        )}

        <details className="advanced" open={advancedOpen} onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}>
          <summary>{t('settings.advanced')}</summary>
          <Field
            id="api-base"
            label={t('settings.apiBaseUrl')}
            hint={withLock(locked('apiBaseUrl'), t('settings.apiBaseUrlHint'))}
            error={err('apiBaseUrl')}
          >
            <input
              id="api-base"
              {...register('apiBaseUrl')}
              disabled={locked('apiBaseUrl')}
              spellCheck={false}
              aria-invalid={hasErr('apiBaseUrl')}
              aria-describedby={describedBy('api-base', true, hasErr('apiBaseUrl'))}
            />
          </Field>
          <div className="row">
            <Field
              id="timeout"
              label={t('settings.timeout')}
              hint={withLock(locked('requestTimeoutMs'), t('settings.timeoutHint'))}
              error={err('timeoutSeconds')}
            >
              <input
                id="timeout"
                inputMode="numeric"
                {...register('timeoutSeconds')}
                disabled={locked('requestTimeoutMs')}
                aria-invalid={hasErr('timeoutSeconds')}
                aria-describedby={describedBy('timeout', true, hasErr('timeoutSeconds'))}
              />
            </Field>
            <Field
              id="user-key"
              label={t('settings.defaultUserKey')}
              hint={withLock(locked('defaultUserKey'), t('settings.defaultUserKeyHint'))}
              error={err('defaultUserKey')}
            >
              <input
                id="user-key"
                {...register('defaultUserKey')}
                disabled={locked('defaultUserKey')}
                aria-invalid={hasErr('defaultUserKey')}
                aria-describedby={describedBy('user-key', true, hasErr('defaultUserKey'))}
              />
            </Field>
          </div>
          <Field
            id="trusted-hosts"
            label={t('settings.trustedHosts')}
            hint={withLock(locked('trustedLinkHosts'), t('settings.trustedHostsHint'))}
            error={err('trustedHosts')}
          >
            <textarea
              id="trusted-hosts"
              rows={3}
              {...register('trustedHosts')}
              disabled={locked('trustedLinkHosts')}
              spellCheck={false}
              aria-invalid={hasErr('trustedHosts')}
              aria-describedby={describedBy('trusted-hosts', true, hasErr('trustedHosts'))}
            />
          </Field>
          <ProxyFields
            mode={values.proxyMode}
            modeField={register('proxyMode')}
            urlField={register('proxyUrl')}
            usernameField={register('proxyUsername')}
            setUsername={(username) => setValue('proxyUsername', username, { shouldValidate: true, shouldDirty: true })}
            urlError={err('proxyUrl')}
            usernameError={err('proxyUsername')}
            passwordState={proxyPassword}
            pendingPassword={pendingPassword}
            onPasswordPending={setPendingPassword}
            modeLocked={locked('proxy.mode')}
            urlLocked={locked('proxy.url')}
          />
          <Field id="keep-closed" label={t('settings.keepClosed')} hint={t('settings.keepClosedHint')} error={err('keepClosedMinutes')}>
            <input
              id="keep-closed"
              inputMode="numeric"
              className="narrow-input"
              {...register('keepClosedMinutes')}
              aria-invalid={hasErr('keepClosedMinutes')}
              aria-describedby={describedBy('keep-closed', true, hasErr('keepClosedMinutes'))}
            />
          </Field>
          <button type="button" onClick={onOpenLogFolder}>
            {t('tray.openLogFolder')}
          </button>
        </details>

        <div className="form-footer">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('settings.save')}
          </button>
          {dirty && (
            <button type="button" onClick={discard} disabled={isSubmitting}>
              {t('editor.discard')}
            </button>
          )}
          <span className="footer-status" aria-live="polite" data-testid="settings-status">
            {submitCount > 0 && invalid.length > 0 ? (
              <ErrorSummary fields={invalid} />
            ) : statusText ? (
              <span className={status?.tone === 'error' ? 'error' : 'ok'}>{statusText}</span>
            ) : (
              dirty && <span>{t('editor.unsaved')}</span>
            )}
          </span>
        </div>
      </form>
    </section>
  );
}
