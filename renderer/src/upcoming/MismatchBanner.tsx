import type { Locale } from '../../../common/i18n/locale.js';
import { meetingWords, weekdayWords } from '../../../common/schedule-words.js';
import type { SeriesMismatch } from '../../../common/scheduled.js';
import { useI18n } from '../i18n.js';

const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

/** The weekdays a list of meetings falls on (local clock), Monday first: `Mon/Wed/Fri`, `周一/周三/周五`. */
export function summaryOf(dates: readonly string[], locale: Locale): string {
  const days = new Set(dates.map((d) => new Date(d).getDay()));
  return MONDAY_FIRST.filter((day) => days.has(day))
    .map((day) => weekdayWords(new Date(2024, 0, 7 + day, 12), locale))
    .join('/');
}

/**
 * A series the service booked on other days than asked: the days asked and booked side by side ("Asked:
 * Mon/Wed/Fri → booked: Tue/Thu/Sat"), each meeting with its weekday under a disclosure, and the two ways out
 * (send it again numbered the other way, or keep it as booked). Shown after booking and on the Upcoming card.
 */
export function MismatchBanner(props: {
  mismatch: SeriesMismatch;
  /** Fixed once already, and still not as asked. */
  still?: boolean;
  busy?: boolean;
  onFix: (accept: boolean) => void;
  note?: string | undefined;
  /** Announced (just booked) or not (a card in a list). */
  announce?: boolean;
}) {
  const { t, locale } = useI18n();
  const { asked, booked } = props.mismatch;
  const pairs = Array.from({ length: Math.max(asked.length, booked.length) }, (_, i) => [asked[i], booked[i]] as const);
  const at = (iso: string | undefined) => (iso ? meetingWords(new Date(iso), locale) : '—');
  return (
    <div className="banner warning mismatch" role={props.announce === false ? undefined : 'alert'} data-testid="schedule-mismatch">
      <p>
        <strong>{t(props.still ? 'schedule.stillMismatch' : 'schedule.mismatch')}</strong>
      </p>
      <p data-testid="mismatch-summary">
        {t('schedule.mismatchSummary', { asked: summaryOf(asked, locale), booked: summaryOf(booked, locale) })}
      </p>
      {props.note && <p>{props.note}</p>}
      <details>
        <summary>{t('schedule.mismatchEach')}</summary>
        <ol className="mismatch-pairs">
          {pairs.map(([a, b], i) => (
            <li key={i}>
              {at(a)} → {at(b)}
            </li>
          ))}
        </ol>
      </details>
      {!props.still && (
        <div className="banner-actions">
          <button type="button" onClick={() => props.onFix(false)} disabled={props.busy}>
            {t('schedule.fix')}
          </button>
          <button type="button" onClick={() => props.onFix(true)} disabled={props.busy}>
            {t('schedule.accept')}
          </button>
        </div>
      )}
    </div>
  );
}
