import type { ScheduledAction } from '../../../common/commands.js';
import { groupMeetingId } from '../../../common/format.js';
import { beijingSeriesWords, cardWhen, meetingWords, recurrenceWords, timeWithZone } from '../../../common/schedule-words.js';
import type { UpcomingMeeting } from '../../../common/scheduled.js';
import { MenuButton } from '../components/MenuButton.js';
import { useI18n } from '../i18n.js';
import { MismatchBanner } from './MismatchBanner.js';

/**
 * One booked meeting (or every meeting booked one by one for a series) on the Upcoming list, laid out as a
 * Recent card: what it is (topic; day with its weekday and hours; room size; meeting ID; the series in words),
 * Edit, and the rest in "⋯", Cancel last and apart. A series booked other than asked keeps its warning and Fix
 * here, and its invitation and calendar file stay held (disabled) until it is fixed or accepted.
 */
export function UpcomingCard(props: {
  meeting: UpcomingMeeting;
  members: UpcomingMeeting[];
  onEdit: () => void;
  onRun: (action: ScheduledAction) => void;
  onFix: (accept: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const { meeting, members } = props;
  const held = Boolean(meeting.mismatch);
  const series = meeting.group
    ? t('upcoming.group', {
        words: recurrenceWords(meeting.group.recurrence, meeting.group.end, locale),
        time: timeWithZone(new Date(meeting.start), locale),
        count: members.length,
      })
    : meeting.recurrence
      ? meeting.beijingClock
        ? t('upcoming.beijingClock', {
            words: beijingSeriesWords(meeting.recurrence.rule, meeting.recurrence.end, new Date(meeting.start), locale),
          })
        : recurrenceWords(meeting.recurrence.rule, meeting.recurrence.end, locale)
      : meeting.booked
        ? t('upcoming.single')
        : t('upcoming.seriesUnknown');
  return (
    <li className="upcoming-card" data-testid="upcoming-card">
      <div className="upcoming-card-text">
        <h3>{meeting.topic}</h3>
        <p className="upcoming-when" data-testid="upcoming-when">
          {cardWhen(new Date(meeting.start), meeting.duration, locale)}
        </p>
        <p className="upcoming-meta">
          {meeting.capacity !== undefined && (
            <>
              <span data-testid="upcoming-size">{t('schedule.capacityOption', { capacity: meeting.capacity })}</span>
              <span aria-hidden="true"> · </span>
            </>
          )}
          <span>{t('recent.meetingId', { id: groupMeetingId(meeting.meetingId) })}</span>
        </p>
        <p className="hint">{series}</p>
        {members.length > 1 && (
          <details className="upcoming-members">
            <summary>{t('upcoming.groupMeetings', { count: members.length })}</summary>
            <ul>
              {members.map((m) => (
                <li key={m.meetingId}>{meetingWords(new Date(m.start), locale)}</li>
              ))}
            </ul>
          </details>
        )}
        {meeting.mismatch && (
          <MismatchBanner mismatch={meeting.mismatch} onFix={props.onFix} note={t('upcoming.mismatchCard')} announce={false} />
        )}
      </div>
      <div className="upcoming-actions" role="group" aria-label={t('upcoming.actions', { topic: meeting.topic })}>
        {!meeting.group && (
          <button type="button" onClick={props.onEdit}>
            {t('upcoming.edit')}
          </button>
        )}
        <MenuButton
          label={t('recent.moreActions', { topic: meeting.topic })}
          testId="upcoming-more"
          items={[
            { key: 'copy', label: t('upcoming.copyInvitation'), disabled: held, onSelect: () => props.onRun('copy-invitation') },
            { key: 'calendar', label: t('upcoming.addToCalendar'), disabled: held, onSelect: () => props.onRun('add-to-calendar') },
            { key: 'ics', label: t('upcoming.saveIcs'), disabled: held, onSelect: () => props.onRun('save-ics') },
            {
              key: 'cancel',
              label: meeting.group ? t('upcoming.cancelGroup', { count: members.length }) : t('upcoming.cancel'),
              danger: true,
              onSelect: () => props.onRun('cancel'),
            },
          ]}
        >
          ⋯
        </MenuButton>
      </div>
    </li>
  );
}
