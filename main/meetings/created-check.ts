import { groupMeetingId } from '../../common/format.js';
import type { Translate } from '../../common/i18n/index.js';
import type { RecentMeeting } from '../../common/recent.js';
import { fail, ok, type Result } from '../../common/result.js';
import { failureText } from '../../core/meetings/failure-text.js';
import { parseServiceTime } from '../../core/meetings/meeting-state.js';
import type { CommandNotify } from '../ports.js';
import type { AppStore } from '../store/app-store.js';
import type { ApiClients } from './api-clients.js';
import type { CheckedLinks } from './checked-links.js';
import type { RecentRecord } from './recent-record.js';

/** How recent "recent" is for adopting a meeting found by the check. */
const ADOPT_WINDOW_MS = 2 * 60_000;

/**
 * "Check whether … was created": after an ambiguous failure (the create may have reached the service), the
 * service's list of online meetings is asked (by user key when there is one) and a match created in the last
 * two minutes is adopted into Recent meetings. Never a second create (docs/umeet-api.md, Retries).
 */
export function createCreatedCheck(deps: {
  store: Pick<AppStore, 'preset' | 'recent'>;
  api: Pick<ApiClients, 'background'>;
  record: RecentRecord;
  links: CheckedLinks;
  notify: CommandNotify;
  t: () => Translate;
  now: () => Date;
  changed: () => void;
}) {
  const { record } = deps;
  return async function check(checkId: string): Promise<Result<{ found: boolean }>> {
    const t = deps.t();
    const item = record.pending.get(checkId);
    if (!item) return ok({ found: false });
    const answer = await (await deps.api.background()).list({ ...(item.userKey ? { user_key: item.userKey } : {}), page_size: 50 });
    if (!answer.ok) {
      deps.notify({ title: t('app.title'), body: t('meeting.checkFailed', { error: failureText(answer.failure, t) }) });
      return fail('failed', t('command.checkFailed'));
    }
    record.pending.delete(checkId);
    const sentAt = Date.parse(item.sentAt);
    const known = new Set(deps.store.recent().map((m) => m.meetingId));
    const match = answer.value.meetings.find((m) => {
      if (m.topic !== item.topic || known.has(m.id)) return false;
      const started = parseServiceTime(m.start_time);
      // No time in the answer: the topic, which carries {date} {time} in most presets, decides.
      if (!started) return true;
      return started.getTime() >= sentAt - ADOPT_WINDOW_MS && started.getTime() <= deps.now().getTime() + 60_000;
    });
    if (!match) {
      deps.notify({ title: t('meeting.checkNotFoundTitle'), body: t('meeting.checkNotFoundBody', { topic: item.topic }) });
      deps.changed();
      return ok({ found: false });
    }
    const preset = deps.store.preset(item.presetId);
    const joinUrl = await deps.links.trusted(match.join_url);
    const entry: RecentMeeting = {
      meetingId: match.id,
      topic: match.topic ?? item.topic,
      presetId: item.presetId,
      createdAt: (parseServiceTime(match.start_time) ?? new Date(sentAt)).toISOString(),
      ...(preset ? { capacity: preset.capacity } : {}),
      ...(match.duration ? { duration: match.duration } : {}),
      ...(joinUrl ? { joinUrl } : {}),
      ...(match.host_key ? { hostKey: match.host_key } : {}),
      ...(item.userKey ? { userKey: item.userKey } : {}),
      state: match.status === 1 ? 'in-progress' : 'waiting',
    };
    record.remember(entry);
    // The failure it came from was no failure after all: the meeting exists, and is in Recent meetings.
    if (record.lastFailure()?.checkId === checkId) record.setLastFailure(undefined);
    deps.notify({
      title: t('meeting.checkFoundTitle'),
      body: t('meeting.checkFoundBody', { topic: entry.topic, id: groupMeetingId(entry.meetingId) }),
    });
    deps.changed();
    return ok({ found: true });
  };
}
