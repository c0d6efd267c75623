import { useId } from 'react';
import type { Command } from '../../../common/commands.js';
import { groupMeetingId } from '../../../common/format.js';
import type { RecentMeeting } from '../../../common/recent.js';
import { recentStateText } from '../../../common/recent-state.js';
import { recentActions } from '../../../common/recent-actions.js';
import { dayAndTime } from '../../../common/relative-day.js';
import { MenuButton } from '../components/MenuButton.js';
import { useI18n } from '../i18n.js';

/**
 * One recent meeting: what it is (topic, ID, when, state) and what to do with it.
 *
 * The one button on the card is "Open as host", and only while the meeting can still change
 * (waiting, in progress, unknown): that is what people come back to a meeting for, to get back
 * in as its host. Once it has ended or been released, nothing on it can be opened, so the card has
 * no main button at all rather than a disabled one: a greyed-out button would be the loudest
 * thing on the card and say nothing the state line does not already say. Everything else, the
 * same actions as the tray's submenu (common/recent-actions.ts), is in the "⋯" menu: those that
 * do not apply to the meeting now are there too, disabled, as in the tray.
 */
export function RecentCard(props: {
  meeting: RecentMeeting;
  now: Date;
  /** Carries out a command; resolves when main has answered. */
  run: (command: Command) => Promise<unknown>;
  /** Whether a command on this meeting is still waiting for main (a second one is ignored meanwhile). */
  busy: boolean;
  /** The licensed sizes: a meeting that can still change may move to a room of another. */
  sizes: readonly number[];
  onResize: (meeting: RecentMeeting) => void;
  onParticipants: (meeting: RecentMeeting) => void;
}) {
  const { meeting } = props;
  const { t } = useI18n();
  const topicId = useId();
  const actions = recentActions(meeting);
  const primary = actions.find((action) => action.id === 'open-host' && action.enabled);
  const menu = actions.filter((action) => action !== primary);
  return (
    <li className={`recent-card recent-${meeting.state}`} aria-busy={props.busy} data-testid="recent-card">
      <div className="recent-card-text">
        <h3 id={topicId} className="recent-topic">
          {meeting.topic}
        </h3>
        <p className="recent-meta">
          <span>{t('recent.meetingId', { id: groupMeetingId(meeting.meetingId) })}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={meeting.createdAt}>{dayAndTime(new Date(meeting.createdAt), props.now, t)}</time>
          {meeting.capacity !== undefined && (
            <>
              <span aria-hidden="true"> · </span>
              {/* The room it holds now: a resize shows here at once. */}
              <span data-testid="recent-size">{t('tray.resizeTo', { capacity: meeting.capacity })}</span>
            </>
          )}
        </p>
        <p className="recent-state" data-testid="recent-state">
          <span className="recent-dot" aria-hidden="true" />
          <span className="recent-state-text">{recentStateText(meeting, t)}</span>
        </p>
      </div>
      <div className="recent-card-actions">
        {primary && (
          <button type="button" className="primary" aria-describedby={topicId} onClick={() => void props.run(primary.command)}>
            {t(primary.label)}
          </button>
        )}
        <MenuButton
          label={t('recent.moreActions', { topic: meeting.topic })}
          items={menu.flatMap((action) => [
            // Before "End meeting…", as in the tray: a room of another size, and who is in it.
            ...(action.id === 'end'
              ? [
                  ...(action.enabled && props.sizes.length > 1
                    ? [{ key: 'resize', label: t('recent.resizeMenu'), onSelect: () => props.onResize(meeting) }]
                    : []),
                  { key: 'participants', label: t('recent.whoJoined'), onSelect: () => props.onParticipants(meeting) },
                ]
              : []),
            {
              key: action.id,
              label: t(action.label),
              disabled: !action.enabled,
              danger: action.id === 'end',
              onSelect: () => void props.run(action.command),
            },
          ])}
        >
          ⋯
        </MenuButton>
      </div>
    </li>
  );
}
