import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { CredentialsInput, type VaultStatus } from '../../../common/credentials.js';
import type { Licence } from '../../../common/umeet-api.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import { describedBy, Field } from '../components/Field.js';
import { useI18n } from '../i18n.js';
import { ask, call } from '../ipc.js';
import { errorAt, fieldErrorText } from '../validation.js';
import { licensedSizes } from '../presets/preset-form.js';

const storageText: Record<VaultStatus['storage'], MessageKey> = {
  keychain: 'credentials.storage.keychain',
  dpapi: 'credentials.storage.dpapi',
  libsecret: 'credentials.storage.libsecret',
  kwallet: 'credentials.storage.kwallet',
  weak: 'credentials.storage.weak',
  'session-only': 'credentials.storage.session-only',
  none: 'credentials.storage.none',
};

type Values = { apiKey: string; apiSecret: string };
const resolver = zodResolver(CredentialsInput) as unknown as Resolver<Values>;

/**
 * The API key and secret. The secret goes to main and is never shown back: after saving, the
 * inputs are cleared and only "key ends in 1a2b" remains, which is all main ever tells the window.
 */
export function CredentialsSection(props: {
  status: VaultStatus;
  weakStorageAllowed: boolean;
  licence: Licence | undefined;
  onWeakStorage: (allowed: boolean) => void;
}) {
  const { t } = useI18n();
  const { status } = props;
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<{ ok: true; licence: Licence } | { ok: false; message: string }>();
  const [saved, setSaved] = useState<string>();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver, defaultValues: { apiKey: '', apiSecret: '' } });

  const err = (field: keyof Values) => (errorAt(errors, field) ? fieldErrorText(field, t) : undefined);

  const save = handleSubmit(async (values) => {
    setSaved(undefined);
    try {
      const answer = await ask(window.umeet.saveCredentials(values), t);
      if (!answer.ok) {
        const [field] = answer.error.fields ?? [];
        return field ? setError(field.field as keyof Values, { message: field.message }) : setSaved(answer.error.message);
      }
      if (answer.value.outcome === 'refused' || answer.value.outcome === 'unchecked') return setSaved(answer.value.message);
      reset({ apiKey: '', apiSecret: '' });
      setSaved(answer.notSaved ?? t('credentials.saved'));
    } catch (error) {
      setSaved((error as Error).message);
    }
  });

  const verify = async () => {
    setVerifying(true);
    setVerdict(undefined);
    try {
      const answer = await ask(window.umeet.verifyCredentials(), t);
      setVerdict(answer.ok ? { ok: true, licence: answer.value } : { ok: false, message: answer.error.message });
    } catch (error) {
      setVerdict({ ok: false, message: (error as Error).message });
    } finally {
      setVerifying(false);
    }
  };

  const licence = verdict?.ok ? verdict.licence : props.licence;
  return (
    <section className="card" aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">{t('credentials.heading')}</h2>
      <p data-testid="credentials-status" className={status.locked ? 'error' : 'status-line'}>
        {status.locked
          ? t('credentials.locked')
          : status.configured
            ? t('credentials.configured', { hint: status.keyHint ?? '', storage: t(storageText[status.storage]) })
            : t('credentials.notConfigured')}
      </p>
      {status.keyringMissing && (
        <div className="warning" role="note">
          <p>{t('credentials.weakStorage.consequence')}</p>
          <label className="check">
            {/* Uncontrolled, so it answers the click at once; the key resyncs it with main's value. */}
            <input
              key={String(props.weakStorageAllowed)}
              type="checkbox"
              defaultChecked={props.weakStorageAllowed}
              onChange={(event) => props.onWeakStorage(event.target.checked)}
            />
            {t('credentials.weakStorage.label')}
          </label>
        </div>
      )}
      <form onSubmit={(event) => void save(event)} noValidate autoComplete="off">
        <div className="row">
          <Field id="api-key" label={t('credentials.apiKey')} error={err('apiKey')}>
            <input
              id="api-key"
              {...register('apiKey')}
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
              {...register('apiSecret')}
              autoComplete="new-password"
              spellCheck={false}
              aria-invalid={Boolean(err('apiSecret'))}
              aria-describedby={describedBy('api-secret', false, Boolean(err('apiSecret')))}
            />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {t('credentials.save')}
          </button>
          <button type="button" onClick={() => void verify()} disabled={!status.configured || verifying}>
            {verifying ? t('credentials.verifying') : t('credentials.verify')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={!status.configured && !status.locked}
            onClick={() => void call(window.umeet.clearCredentials(), t).then(() => setVerdict(undefined))}
          >
            {t('credentials.clear')}
          </button>
        </div>
        {saved && <p role="status">{saved}</p>}
      </form>
      <div aria-live="polite" data-testid="verify-result">
        {verdict && !verdict.ok && (
          <p className="error" role="alert">
            {verdict.message}
          </p>
        )}
        {verdict?.ok && <p className="ok">{t('credentials.verified')}</p>}
        {licence && (
          <table className="tiers">
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
