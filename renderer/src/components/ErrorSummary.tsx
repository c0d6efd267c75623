import type { MessageKey } from '../../../common/i18n/index.js';
import { useI18n } from '../i18n.js';

/**
 * What a refused Save says in a form's footer: "To save, check: Name, Duration", each a link that
 * takes the focus to its field (for the duration, to the minutes typed when they are shown).
 */
export function ErrorSummary({
  fields,
  testId,
  lead = 'form.fix',
}: {
  fields: readonly { name: string; id: string; label: MessageKey }[];
  testId?: string;
  /** What the list follows ("To save, check:", "To book, check:"). */
  lead?: MessageKey;
}) {
  const { t } = useI18n();
  return (
    <span className="error" data-testid={testId}>
      {t(lead)}{' '}
      {fields.map((field, index) => (
        <span key={field.name}>
          {index > 0 && t('options.separator')}
          <a
            href={`#${field.id}`}
            onClick={(event) => {
              event.preventDefault();
              const controls = [`${field.id}-custom`, field.id].map((id) => document.getElementById(id));
              controls.find((control) => control?.checkVisibility() ?? false)?.focus();
            }}
          >
            {t(field.label)}
          </a>
        </span>
      ))}
    </span>
  );
}
