import type { Locale } from '../../common/i18n/locale.js';
import { groupMeetingId, localDate, localTime } from '../../common/format.js';
import type { Recurrence, RecurrenceEnd } from '../../common/schedule.js';
import { recurrenceWords, slotWords } from '../../common/schedule-words.js';

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

export interface ScheduledInvitationFacts {
  topic: string;
  start: Date;
  /** Minutes. */
  duration: number;
  meetingId: string;
  joinUrl?: string | undefined;
  password?: string | undefined;
  recurrence?: { rule: Recurrence; end: RecurrenceEnd } | undefined;
}

/**
 * The invitation to a booked meeting: its time on the reader's terms, with the zone always named (a
 * reader elsewhere converts from it), the series in words, the link, the ID and the password. Never the
 * host key.
 */
export function scheduledInvitationText(facts: ScheduledInvitationFacts, locale: Locale): string {
  const when = slotWords(facts.start, facts.duration, { withZone: true });
  const series = facts.recurrence ? recurrenceWords(facts.recurrence.rule, facts.recurrence.end, locale) : undefined;
  const id = groupMeetingId(facts.meetingId);
  const zh = locale === 'zh-CN';
  return [
    zh ? `邀请您参加会议：${facts.topic}` : `You are invited to a meeting: ${facts.topic}`,
    zh ? `时间：${when}` : `Time: ${when}`,
    ...(series ? [zh ? `重复：${series}` : `Repeats: ${series}`] : []),
    zh ? `会议号：${id}` : `Meeting ID: ${id}`,
    ...(facts.password ? [zh ? `密码：${facts.password}` : `Password: ${facts.password}`] : []),
    ...(facts.joinUrl ? [zh ? `入会链接：${facts.joinUrl}` : `Join: ${facts.joinUrl}`] : []),
  ].join('\n');
}
