import type { Locale } from '../../common/i18n/locale.js';
import { groupMeetingId, localDate, localTime } from '../../common/format.js';
import type { Recurrence, RecurrenceEnd } from '../../common/schedule.js';
import { beijingSeriesWords, meetingWords, recurrenceWords, slotWords, zoneName } from '../../common/schedule-words.js';

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
  /** Booked as the service runs the series, on Beijing's clock: its words say so. */
  beijingClock?: boolean | undefined;
}

/**
 * The invitation to a booked meeting: its time on the reader's terms, with the zone always named (a
 * reader elsewhere converts from it), the series in words, the link, the ID and the password. Never the
 * host key.
 */
export function scheduledInvitationText(facts: ScheduledInvitationFacts, locale: Locale): string {
  const when = slotWords(facts.start, facts.duration, { withZone: true });
  const series = facts.recurrence
    ? facts.beijingClock
      ? beijingSeriesWords(facts.recurrence.rule, facts.recurrence.end, facts.start, locale)
      : recurrenceWords(facts.recurrence.rule, facts.recurrence.end, locale)
    : undefined;
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

export interface GroupInvitationFacts {
  topic: string;
  /** Minutes. */
  duration: number;
  /** The series as asked, for its words. */
  recurrence: { rule: Recurrence; end: RecurrenceEnd };
  /** Every meeting booked, in order: each is a meeting of its own, with its own ID and link. */
  meetings: readonly { start: Date; meetingId: string; joinUrl?: string | undefined }[];
  password?: string | undefined;
}

/**
 * The invitation to a series booked one by one: the series in words at its local time, then each meeting
 * with its own time, ID and link (each is a meeting of its own: one link does not reach the others).
 */
export function groupInvitationText(facts: GroupInvitationFacts, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const first = facts.meetings[0]?.start ?? new Date();
  const series = recurrenceWords(facts.recurrence.rule, facts.recurrence.end, locale);
  const time = `${localTime(first)}–${localTime(new Date(first.getTime() + facts.duration * 60_000))} (${zoneName(first)})`;
  const lines = [
    zh ? `邀请您参加会议：${facts.topic}` : `You are invited to a meeting: ${facts.topic}`,
    zh ? `重复：${series}，每次 ${time}` : `Repeats: ${series}, each ${time}`,
    zh
      ? `共 ${facts.meetings.length} 次会议，每次的会议号和入会链接不同：`
      : `${facts.meetings.length} meetings, each with its own meeting ID and link:`,
    ...facts.meetings.map((m) =>
      [meetingWords(m.start, locale), zh ? `会议号 ${groupMeetingId(m.meetingId)}` : `Meeting ID ${groupMeetingId(m.meetingId)}`, m.joinUrl]
        .filter(Boolean)
        .join(zh ? '，' : ', '),
    ),
    ...(facts.password ? [zh ? `密码：${facts.password}` : `Password: ${facts.password}`] : []),
  ];
  return lines.join('\n');
}
