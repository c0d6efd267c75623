import type { PolicyView } from '../../../common/policy.js';
import type { MessageKey, Translate } from '../../../common/i18n/index.js';
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
                {/* The key as IT wrote it; the reason in the user's language where the app knows it, else as the check said it. */}
                <code>{entry.key}</code>: {reasonText(entry.reason, t)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The reasons common/policy.ts gives, in the user's language; a check's own words (a value's rule) as they came. */
const REASONS: Record<string, MessageKey> = {
  'not a policy key of this version': 'policy.reason.unknownKey',
  'a rule, not a setting: it applies only at the top level (locked)': 'policy.reason.topLevelOnly',
  'a locked manual proxy needs proxyServer (locked) too': 'policy.reason.proxyServerNeeded',
  'duplicate id': 'policy.reason.duplicateId',
};
function reasonText(reason: string, t: Translate): string {
  const key = REASONS[reason];
  return key ? t(key) : `${t('policy.reason.invalid')} (${reason})`;
}
