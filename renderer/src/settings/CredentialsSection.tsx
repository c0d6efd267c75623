import { useState } from 'react';
import { LockedNote } from './Managed.js';
import { useForm, type Resolver } from 'react-hook-form';
import type { VaultStatus } from '../../../common/credentials.js';
import type { Licence } from '../../../common/umeet-api.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { describedBy, Field } from '../components/Field.js';
import { useI18n } from '../i18n.js';
import { ask } from '../ipc.js';
import { mainResolver } from '../form-check.js';
import { errorAt, fieldErrorText } from '../validation.js';
import { licensedSizes } from '../presets/preset-form.js';
import './credentials.css';

const storageText: Record<VaultStatus['storage'], MessageKey> = {
  keychain: 'credentials.storage.keychain',
  dpapi: 'credentials.storage.dpapi',
  libsecret: 'credentials.storage.libsecret',
  kwallet: 'credentials.storage.kwallet',
  weak: 'credentials.storage.weak',
  'session-only': 'credentials.storage.session-only',
  none: 'credentials.storage.none',
};

const stateText: Record<VaultStatus['verification']['state'], MessageKey> = {
  verified: 'credentials.state.verified',
  refused: 'credentials.state.refused',
  unchecked: 'credentials.state.unchecked',
};

type Values = { apiKey: string; apiSecret: string };
/** Main checks the pair with the schema saving uses (main never sends it back: the inputs go to saving, which trims them again). */
const resolver: Resolver<Values> = mainResolver('credentials', (values) => values);

/**
 * What the form says after an action. Kept as keys (or main's message for a failure it explains),
 * so a language switch changes it, and cleared by the next edit.
 */
type Notice =
  /** The service refused the typed pair: nothing was stored. */
  | { kind: 'refused'; serviceMessage: string }
  /** The service could not be asked: nothing was stored; the user may store them unchecked. */
  | { kind: 'unchecked'; message: string }
  | { kind: 'stored'; key: MessageKey; notSaved?: string | undefined }
  | { kind: 'failed'; message: string };

/**
 * The reason in the user's language, and beside it the service's own words, marked Chinese when they
 * are so that a screen reader reads them right. (Chinese runs sentences together; English spaces them.)
 */
function Refusal({ serviceMessage }: { serviceMessage: string | undefined }) {
  const { t, locale } = useI18n();
  return (
    <>
      {t('credentials.refusedReason')}
      {serviceMessage && (
        <>
          {locale === 'zh-CN' ? '' : ' '}
          <span className="credentials-service" lang={/[\u3400-\u9fff]/.test(serviceMessage) ? 'zh-CN' : undefined}>
            {t('credentials.serviceSaid', { message: serviceMessage })}
          </span>
        </>
      )}
    </>
  );
}

/**
 * The API key and secret. They count once the service accepted them: "Save and verify" asks the
 * service before main stores anything, and a refused pair leaves the saved one in place. The secret
 * goes to main and is never shown back: after it is stored the inputs are cleared, and only "key
 * ends in 1a2b" remains, which is all main ever tells the window.
 */
export function CredentialsSection(props: {
  status: VaultStatus;
  weakStorageAllowed: boolean;
  /** The company policy decides (allowWeakCredentialStorage). */
  weakStorageLocked?: boolean;
  licence: Licence | undefined;
  onWeakStorage: (allowed: boolean) => void;
}) {
  const { t } = useI18n();
  const { status } = props;
  const [busy, setBusy] = useState<'saving' | 'verifying'>();
  const [notice, setNotice] = useState<Notice>();
  const [verdict, setVerdict] = useState<{ ok: true } | { ok: false; message: string }>();
  const [confirming, setConfirming] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    resetField,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<Values>({ resolver, defaultValues: { apiKey: '', apiSecret: '' } });

  const err = (field: keyof Values) => (errorAt(errors, field) ? fieldErrorText(field, t) : undefined);
  // What the form said belongs to what was typed: the next edit clears it.
  const edited = { onChange: () => setNotice(undefined) };

  const save = (check: boolean) =>
    handleSubmit(async (values) => {
      setBusy('saving');
      setNotice(undefined);
      setVerdict(undefined);
      try {
        const answer = await ask(window.umeet.saveCredentials({ ...values, check }), t);
        if (!answer.ok) {
          const [field] = answer.error.fields ?? [];
          if (field && (field.field === 'apiKey' || field.field === 'apiSecret')) setError(field.field, { message: field.message });
          else setNotice({ kind: 'failed', message: answer.error.message });
          return;
        }
        const outcome = answer.value;
        switch (outcome.outcome) {
          case 'verified':
          case 'saved':
            reset({ apiKey: '', apiSecret: '' });
            setNotice({
              kind: 'stored',
              key: outcome.outcome === 'verified' ? 'credentials.verifiedNow' : 'credentials.savedUnchecked',
              notSaved: answer.notSaved,
            });
            return;
          case 'refused':
            // The key may well be right: keep it, and ask for the secret again.
            resetField('apiSecret', { defaultValue: '' });
            setNotice({ kind: 'refused', serviceMessage: outcome.serviceMessage });
            setTimeout(() => setFocus('apiSecret'));
            return;
          case 'unchecked':
            setNotice({ kind: 'unchecked', message: outcome.message });
            return;
        }
      } finally {
        setBusy(undefined);
      }
    });

  const verify = async () => {
    setBusy('verifying');
    setVerdict(undefined);
    setNotice(undefined);
    try {
      const answer = await ask(window.umeet.verifyCredentials(), t);
      setVerdict(answer.ok ? { ok: true } : { ok: false, message: answer.error.message });
    } finally {
      setBusy(undefined);
    }
  };

  const forget = async () => {
    setConfirming(false);
    setVerdict(undefined);
    setNotice(undefined);
    const answer = await ask(window.umeet.clearCredentials(), t);
    if (!answer.ok) setNotice({ kind: 'failed', message: answer.error.message });
    // The Forget button is disabled now; the form is where the user goes next.
    setFocus('apiKey');
  };

  const { verification } = status;
  const statusLine = status.locked
    ? t('credentials.locked')
    : status.configured
      ? `${t(stateText[verification.state])} · ${t('credentials.details', { hint: status.keyHint ?? '', storage: t(storageText[status.storage]) })}`
      : t('credentials.notConfigured');
  const licence = status.configured && verification.state === 'verified' ? props.licence : undefined;

  return (
    <section className="card credentials" aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">{t('credentials.heading')}</h2>
      <div aria-live="polite">
        <p data-testid="credentials-status" className={`credentials-status credentials-${status.locked ? 'locked' : verification.state}`}>
          {statusLine}
        </p>
        {status.configured && verification.state === 'refused' && (
          <p className="credentials-reason" data-testid="credentials-reason">
            <Refusal serviceMessage={verification.serviceMessage} />
          </p>
        )}
      </div>
      {status.keyringMissing && (
        <div className="warning" role="note">
          <p>{t('credentials.weakStorage.consequence')}</p>
          <label className="check">
            {/* Uncontrolled, so it answers the click at once; the key resyncs it with main's value. */}
            <input
              key={String(props.weakStorageAllowed)}
              type="checkbox"
              defaultChecked={props.weakStorageAllowed}
              disabled={props.weakStorageLocked}
              aria-describedby={props.weakStorageLocked ? 'weak-storage-locked' : undefined}
              onChange={(event) => props.onWeakStorage(event.target.checked)}
            />
            {t('credentials.weakStorage.label')}
          </label>
          {props.weakStorageLocked && (
            <p className="hint" id="weak-storage-locked">
              <LockedNote />
            </p>
          )}
        </div>
      )}
      <form onSubmit={(event) => void save(true)(event)} noValidate autoComplete="off" aria-describedby="credentials-notice">
        <div className="credentials-fields">
          <Field id="api-key" label={t('credentials.apiKey')} error={err('apiKey')}>
            <input
              id="api-key"
              {...register('apiKey', edited)}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={Boolean(err('apiKey'))}
              aria-describedby={describedBy('api-key', false, Boolean(err('apiKey')))}
            />
          </Field>
          <Field id="api-secret" label={t('credentials.apiSecret')} error={err('apiSecret')}>
            <input
              id="api-secret"
              type="password"
              {...register('apiSecret', edited)}
              autoComplete="new-password"
              spellCheck={false}
              aria-invalid={Boolean(err('apiSecret')) || notice?.kind === 'refused'}
              aria-describedby={describedBy('api-secret', false, Boolean(err('apiSecret')))}
            />
          </Field>
        </div>
        <div id="credentials-notice" data-testid="credentials-notice">
          {notice?.kind === 'refused' && (
            <p className="credentials-alert" role="alert">
              <Refusal serviceMessage={notice.serviceMessage} />
            </p>
          )}
          {(notice?.kind === 'unchecked' || notice?.kind === 'failed') && (
            <p className="credentials-alert" role="alert">
              {notice.message}
            </p>
          )}
          {notice?.kind === 'stored' && (
            <p className={notice.notSaved ? 'credentials-alert' : 'credentials-done'} role="status">
              {notice.notSaved ?? t(notice.key)}
            </p>
          )}
        </div>
        <div className="credentials-actions">
          <button type="submit" className="primary" disabled={busy !== undefined}>
            {busy === 'saving' ? t('credentials.checking') : t('credentials.saveAndVerify')}
          </button>
          {notice?.kind === 'unchecked' && (
            <button type="button" disabled={busy !== undefined} onClick={(event) => void save(false)(event)}>
              {t('credentials.saveWithoutChecking')}
            </button>
          )}
        </div>
      </form>
      <div className="credentials-actions credentials-saved-actions">
        <button type="button" onClick={() => void verify()} disabled={!status.configured || busy !== undefined}>
          {busy === 'verifying' ? t('credentials.checking') : t('credentials.verifyAgain')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={(!status.configured && !status.locked) || busy !== undefined}
          onClick={() => setConfirming(true)}
        >
          {t('credentials.forget')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('credentials.forgetTitle')}
        body={t('credentials.forgetBody')}
        confirm={t('credentials.forgetConfirm')}
        cancel={t('credentials.cancel')}
        danger
        onConfirm={() => void forget()}
        onCancel={() => setConfirming(false)}
      />
      <div aria-live="polite" data-testid="verify-result">
        {verdict && !verdict.ok && (
          <p className="credentials-alert" role="alert">
            {verdict.message}
          </p>
        )}
        {verdict?.ok && <p className="credentials-done">{t('credentials.verified')}</p>}
        {licence && (
          <table className="tiers credentials-tiers">
            <caption>{t('credentials.tiers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('credentials.tierSize')}</th>
                <th scope="col">{t('credentials.tierRooms')}</th>
              </tr>
            </thead>
            <tbody>
              {licensedSizes(licence).map((tier) => (
                <tr key={tier.size}>
                  <td>{t('credentials.tierPeople', { size: tier.size })}</td>
                  <td>{tier.rooms}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
