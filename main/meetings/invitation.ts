import type { Locale } from '../../common/i18n/locale.js';
import { groupMeetingId, localDate, localTime } from '../../common/format.js';

export interface InvitationFacts {
  topic: string;
  startedAt: Date;
  meetingId: string;
  joinUrl?: string | undefined;
}

/**
 * The invitation a user pastes into a chat or an e-mail, in their language. It never holds the
 * host key, which lets whoever holds it take over the meeting (the host sees it in the
 * notification, and can copy it on its own from Recent meetings).
 */
export function invitationText(facts: InvitationFacts, locale: Locale): string {
  const when = `${localDate(facts.startedAt)} ${localTime(facts.startedAt)}`;
  const id = groupMeetingId(facts.meetingId);
  const lines =
    locale === 'zh-CN'
      ? [
          `邀请您参加会议：${facts.topic}`,
          `时间：${when}（即时会议，已开始）`,
          `会议号：${id}`,
          ...(facts.joinUrl ? [`入会链接：${facts.joinUrl}`] : []),
        ]
      : [
          `You are invited to a meeting: ${facts.topic}`,
          `Time: ${when} (instant meeting, already started)`,
          `Meeting ID: ${id}`,
          ...(facts.joinUrl ? [`Join: ${facts.joinUrl}`] : []),
        ];
  return lines.join('\n');
}
