import type { Command, CopyWhat } from './commands.js';
import type { MessageKey } from './i18n/index.js';
import type { RecentMeeting } from './recent.js';

/** Waiting, in progress, or not known: a meeting that can still be opened, watched or ended. */
export const canStillChange = (meeting: Pick<RecentMeeting, 'state'>): boolean =>
  meeting.state === 'waiting' || meeting.state === 'in-progress' || meeting.state === 'unknown';

export interface RecentAction {
  id: 'open-participant' | 'open-host' | 'copy-join-link' | 'copy-meeting-id' | 'copy-host-key' | 'copy-invitation' | 'open-live' | 'end';
  label: MessageKey;
  command: Command;
  enabled: boolean;
  /** Opening, sharing, ending: the tray draws a separator between groups. */
  group: 'open' | 'share' | 'end';
}

/**
 * What can be done with a recent meeting, in order: one list for the tray's submenu and the
 * window's card, so that both offer the same actions, enabled alike. Copying works on a finished
 * meeting too (its ID or invitation, for the minutes); opening, watching and ending only while it
 * can still change.
 */
export function recentActions(meeting: RecentMeeting): RecentAction[] {
  const { meetingId } = meeting;
  const live = canStillChange(meeting);
  const copy = (id: RecentAction['id'], label: MessageKey, what: CopyWhat, enabled = true): RecentAction => ({
    id,
    label,
    command: { type: 'copy', meetingId, what },
    enabled,
    group: 'share',
  });
  return [
    {
      id: 'open-participant',
      label: 'tray.openAsParticipant',
      command: { type: 'open-meeting', meetingId, as: 'participant' },
      enabled: live && Boolean(meeting.joinUrl),
      group: 'open',
    },
    { id: 'open-host', label: 'tray.openAsHost', command: { type: 'open-meeting', meetingId, as: 'host' }, enabled: live, group: 'open' },
    copy('copy-join-link', 'tray.copyJoinLink', 'join-link', Boolean(meeting.joinUrl)),
    copy('copy-meeting-id', 'tray.copyMeetingId', 'meeting-id'),
    ...(meeting.hostKey ? [copy('copy-host-key', 'tray.copyHostKey', 'host-key')] : []),
    copy('copy-invitation', 'tray.copyInvitation', 'invitation'),
    ...(meeting.watchUrl
      ? [{ id: 'open-live', label: 'tray.openLive', command: { type: 'open-live', meetingId }, enabled: live, group: 'share' } as const]
      : []),
    { id: 'end', label: 'tray.endMeeting', command: { type: 'end-meeting', meetingId }, enabled: live, group: 'end' },
  ];
}
