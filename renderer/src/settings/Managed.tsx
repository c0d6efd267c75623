import type { PolicyView } from '../../../common/policy.js';
import { useI18n } from '../i18n.js';

/** "Set by your organisation", before a locked control's hint (so its aria-describedby reads it first). */
export function LockedNote() {
  const { t } = useI18n();
  return <span className="managed">{t('policy.locked')}</span>;
}

/** A control's hint, with the note in front of it when the policy locks the control. */
export function withLock(locked: boolean, hint: string) {
  return locked ? (
    <>
      <LockedNote /> {hint}
    </>
  ) : (
    hint
  );
}

/**
 * "Managed by your organisation": where the policy came from and, if IT's policy had keys this app ignored,
 * which and why (in the window, never as a dialog at start). Shown only when there is a policy.
 */
export function PolicySection({ policy }: { policy: PolicyView }) {
  const { t } = useI18n();
  if (!policy.sources.length && !policy.ignored.length) return null;
  return (
    <section className="card policy" aria-labelledby="policy-heading" data-testid="policy-section">
      <h2 id="policy-heading">{t('policy.heading')}</h2>
      {policy.sources.length > 0 && <p>{t('policy.sources', { sources: policy.sources.join(', ') })}</p>}
      {policy.ignored.length > 0 && (
        <>
          <p className="error-text">{t('policy.ignoredIntro')}</p>
          <ul className="policy-ignored" data-testid="policy-ignored">
            {policy.ignored.map((entry) => (
              <li key={`${entry.key}:${entry.reason}`}>
                <code>{entry.key}</code>: {entry.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
