import { useEffect, useRef, useState, type RefObject } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ProxyPasswordState } from '../../../common/credentials.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import type { ProxySetting } from '../../../common/proxy.js';
import { describedBy, Field } from '../components/Field.js';
import { Segmented } from '../components/Segmented.js';
import { useI18n } from '../i18n.js';
import { ask } from '../ipc.js';
import { messageText, say, told, type Message } from '../messages.js';
import { withLock } from './Managed.js';
import { takeCredentials } from './proxy-form.js';
import './proxy.css';

const passwordStateText: Record<ProxyPasswordState, MessageKey> = {
  saved: 'settings.proxyPasswordState.saved',
  'session-only': 'settings.proxyPasswordState.session-only',
  none: 'settings.proxyPasswordState.none',
};

/**
 * The proxy's password: not part of the settings draft (drafts are the user's work in progress and
 * may be kept; a secret is not), so it has its own Save and Remove, which act at once, as the
 * credentials card does for the API secret. Main keeps it in the vault and only ever says whether
 * one is saved; the input is cleared once it is.
 */
export function ProxyPassword({
  state,
  inputRef,
  onSaved,
  pending,
  onPending,
}: {
  state: ProxyPasswordState;
  inputRef: RefObject<HTMLInputElement | null>;
  onSaved: () => void;
  /** The password typed (or pasted) and not saved yet, which Save settings saves too; '' once saved or dropped. */
  pending: string;
  onPending: (password: string) => void;
}) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  // What the last action said, until the next edit of the password.
  const [notice, setNotice] = useState<{ message: Message; tone: 'ok' | 'error' }>();

  const send = async (password: string | null) => {
    setBusy(true);
    setNotice(undefined);
    try {
      const answer = await ask(window.umeet.setProxyPassword({ password }), t);
      if (!answer.ok) {
        setNotice({ message: told(answer.error.message, locale), tone: 'error' });
        return;
      }
      onPending('');
      onSaved();
      setNotice(
        answer.notSaved
          ? { message: told(answer.notSaved, locale), tone: 'error' }
          : { message: say(password === null ? 'settings.proxyPasswordRemoved' : 'settings.proxyPasswordSaved'), tone: 'ok' },
      );
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    const password = inputRef.current?.value ?? '';
    if (!password) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    void send(password);
  };

  // Saved (here or by Save settings) or discarded: the field is emptied.
  useEffect(() => {
    if (pending === '' && inputRef.current) inputRef.current.value = '';
  }, [pending, inputRef]);

  const noticeText = notice && messageText(notice.message, t, locale);
  return (
    <div className="proxy-password">
      <Field
        id="proxy-password"
        label={t('settings.proxyPassword')}
        hint={t('settings.proxyPasswordHint')}
        error={missing ? t('settings.proxyPasswordRequired') : undefined}
      >
        <input
          id="proxy-password"
          ref={inputRef}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          aria-invalid={missing}
          aria-describedby={`${describedBy('proxy-password', true, missing) ?? ''} proxy-password-state`}
          onChange={(event) => {
            setMissing(false);
            setNotice(undefined);
            onPending(event.target.value);
          }}
          // Enter saves the password, not the settings form around it.
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            save();
          }}
        />
      </Field>
      <p id="proxy-password-state" className="proxy-password-state" data-testid="proxy-password-state" aria-live="polite">
        {t(passwordStateText[state])}
      </p>
      <div className="actions">
        <button type="button" onClick={save} disabled={busy}>
          {t('settings.proxyPasswordSave')}
        </button>
        <button type="button" onClick={() => void send(null)} disabled={busy || state === 'none'}>
          {t('settings.proxyPasswordRemove')}
        </button>
      </div>
      <p role="status" data-testid="proxy-password-notice" className={notice?.tone === 'error' ? 'error' : 'ok'}>
        {noticeText}
      </p>
    </div>
  );
}

/**
 * The Proxy group under Advanced: the mode (System, None, Manual), Manual's address, the user name
 * the proxy may ask for, all part of the settings draft; and beside them the password, which is not.
 * An address pasted with a user name and password in it is split: the user name to its field, the
 * password to the password field (still to be saved), so neither the address nor the draft holds it.
 */
export function ProxyFields(props: {
  mode: ProxySetting['mode'];
  modeField: UseFormRegisterReturn;
  urlField: UseFormRegisterReturn;
  usernameField: UseFormRegisterReturn;
  setUsername: (username: string) => void;
  urlError: string | undefined;
  usernameError: string | undefined;
  passwordState: ProxyPasswordState;
  /** The proxy password typed or pasted and not saved yet: Save settings saves it with the settings. */
  pendingPassword: string;
  onPasswordPending: (password: string) => void;
  /** Set by the company policy (proxyMode, proxyServer). */
  modeLocked?: boolean;
  urlLocked?: boolean;
}) {
  const { t, locale } = useI18n();
  const passwordRef = useRef<HTMLInputElement>(null);
  // What was taken out of the address, said until the address is edited again.
  const [taken, setTaken] = useState<{ username: boolean; password: boolean }>();
  const takenText = taken && [
    ...(taken.username ? [t('settings.proxyUserMoved')] : []),
    ...(taken.password ? [t('settings.proxyPasswordMoved')] : []),
  ];

  return (
    <fieldset className="proxy">
      <legend>{t('settings.proxy')}</legend>
      <Segmented
        id="proxy-mode"
        value={props.mode}
        label={t('settings.proxyMode')}
        describedBy="proxy-mode-hint"
        options={(['system', 'none', 'manual'] as const).map((mode) => ({ value: mode, label: t(`settings.proxyMode.${mode}`) }))}
        field={props.modeField}
        disabled={props.modeLocked}
      />
      <p className="hint" id="proxy-mode-hint">
        {withLock(Boolean(props.modeLocked), t(`settings.proxyModeHint.${props.mode}`))}
      </p>
      {props.mode === 'manual' && (
        <Field
          id="proxy-url"
          label={t('settings.proxyUrl')}
          hint={withLock(Boolean(props.urlLocked), t('settings.proxyUrlHint'))}
          error={props.urlError}
        >
          <input
            id="proxy-url"
            {...props.urlField}
            disabled={props.urlLocked}
            onChange={(event) => {
              const found = takeCredentials(event.target.value);
              if (found) {
                // Before the form reads it: the user name and password never reach the draft.
                event.target.value = found.address;
                if (found.username) props.setUsername(found.username);
                if (found.password && passwordRef.current) {
                  passwordRef.current.value = found.password;
                  props.onPasswordPending(found.password);
                }
                setTaken({ username: Boolean(found.username), password: Boolean(found.password) });
              } else setTaken(undefined);
              return props.urlField.onChange(event);
            }}
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(props.urlError)}
            aria-describedby={describedBy('proxy-url', true, Boolean(props.urlError))}
          />
        </Field>
      )}
      <p role="status" className="proxy-taken" data-testid="proxy-taken">
        {props.mode === 'manual' && takenText?.join(locale === 'zh-CN' ? '' : ' ')}
      </p>
      {props.mode !== 'none' && (
        <div className="row">
          <Field id="proxy-username" label={t('settings.proxyUsername')} hint={t('settings.proxyUsernameHint')} error={props.usernameError}>
            <input
              id="proxy-username"
              {...props.usernameField}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={Boolean(props.usernameError)}
              aria-describedby={describedBy('proxy-username', true, Boolean(props.usernameError))}
            />
          </Field>
          <ProxyPassword
            state={props.passwordState}
            inputRef={passwordRef}
            onSaved={() => setTaken(undefined)}
            pending={props.pendingPassword}
            onPending={props.onPasswordPending}
          />
        </div>
      )}
    </fieldset>
  );
}
