import type { Locale } from '../../common/i18n/locale.js';
import { groupMeetingId, localDate, localTime } from '../../common/format.js';

export interface InvitationFacts {
  topic: string;
  startedAt: Date;
  meetingId: string;
  joinUrl?: string;
  hostKey?: string;
}

/**
 * The invitation a user pastes into a chat or an e-mail, in their language. The host key lets
 * whoever holds it take over the meeting, so it appears only in the host's own copy.
 */
export function invitationText(facts: InvitationFacts, locale: Locale, forHost: boolean): string {
  const when = `${localDate(facts.startedAt)} ${localTime(facts.startedAt)}`;
  const id = groupMeetingId(facts.meetingId);
  const lines =
    locale === 'zh-CN'
      ? [
          `邀请您参加会议：${facts.topic}`,
          `时间：${when}（即时会议，已开始）`,
          `会议号：${id}`,
          ...(facts.joinUrl ? [`入会链接：${facts.joinUrl}`] : []),
          ...(forHost && facts.hostKey ? [`主持人密钥：${facts.hostKey}（仅限主持人，请勿转发）`] : []),
        ]
      : [
          `You are invited to a meeting: ${facts.topic}`,
          `Time: ${when} (instant meeting, already started)`,
          `Meeting ID: ${id}`,
          ...(facts.joinUrl ? [`Join: ${facts.joinUrl}`] : []),
          ...(forHost && facts.hostKey ? [`Host key: ${facts.hostKey} (for the host only; do not forward)`] : []),
        ];
  return lines.join('\n');
}
