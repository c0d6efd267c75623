import type { Command } from '../../common/commands.js';
import { groupMeetingId } from '../../common/format.js';
import type { Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';
import type { Preset } from '../../common/preset.js';
import type { RecentMeeting } from '../../common/recent.js';
import type { ApiFailure, InstantMeeting } from '../../common/umeet-api.js';
import type { Logger } from '../../core/log.js';
import { isAmbiguous, saysNoFreeRoom } from '../../core/meetings/failure-text.js';
import { invitationText } from '../../core/meetings/invitation.js';
import type { CommandNotify } from '../ports.js';
import type { AppStore } from '../store/app-store.js';
import type { Vault } from '../vault/vault.js';
import type { ApiClients } from './api-clients.js';
import { DEFAULT_SLOT_MINUTES, freeFor, nextSizeUp, type Availability } from './availability.js';
import type { CheckedLinks } from './checked-links.js';
import { startFailureText, type PendingCheck, type StartFailure, type StartOutcome } from './meetings-service.js';
import { presetToInstant } from './preset-to-instant.js';
import type { RecentRecord } from './recent-record.js';

export interface ClickPathDeps {
  store: Pick<AppStore, 'preset' | 'settings'>;
  /** The free rooms, read after a refused create to offer the next size up; none offered without it. */
  availability?: Pick<Availability, 'readNow'> | undefined;
  vault: Pick<Vault, 'get' | 'status'>;
  api: Pick<ApiClients, 'click'>;
  links: CheckedLinks;
  record: RecentRecord;
  notify: CommandNotify;
  locale: () => Locale;
  t: () => Translate;
  now: () => Date;
  log?: Logger | undefined;
}

/**
 * The click path (docs/architecture.md, "The click path"): from a preset to an open meeting, its link on
 * the clipboard and a notification; or a failure told, with a check after an ambiguous one and the next
 * size up after "no room free". A create is sent once, never again by itself.
 */
export function createClickPath(deps: ClickPathDeps) {
  const { record, links, now } = deps;

  /** A failed start: told in a notification (whose click checks or takes the room offered) and kept for the tray and the window. */
  function failed(
    preset: Preset | undefined,
    failure: StartFailure,
    extra: { check?: PendingCheck; meeting?: RecentMeeting; offer?: { capacity: number; from: number } } = {},
  ): StartOutcome {
    const t = deps.t();
    const message = startFailureText(failure, t);
    const { check, meeting, offer } = extra;
    record.setLastFailure({
      at: now().toISOString(),
      ...(preset ? { presetId: preset.id, presetName: preset.name } : {}),
      failure,
      ...(check ? { checkId: check.id } : {}),
      ...(offer ? { offer } : {}),
    });
    const hint = check ? t('meeting.checkHint') : offer ? t('meeting.noRoomOffer', { size: offer.from, bigger: offer.capacity }) : '';
    deps.notify({
      title: t('meeting.failedTitle', { name: preset?.name ?? '?' }),
      body: hint ? `${message}\n${hint}` : message,
      ...(check ? { command: { type: 'check-created', checkId: check.id } as const } : {}),
      ...(offer && preset && !check ? { command: { type: 'start', presetId: preset.id, capacity: offer.capacity } as const } : {}),
    });
    return { ok: false, failure, message, ...(meeting ? { meeting } : {}) };
  }

  /** The create's answer refused definitely, or may have reached the service (then a check, never a retry). */
  async function refused(
    preset: Preset,
    input: { topic: string; user_key?: string },
    failure: ApiFailure,
    startedAt: Date,
    capacity?: number,
  ) {
    if (isAmbiguous(failure)) {
      const check: PendingCheck = {
        id: record.nextCheckId(),
        presetId: preset.id,
        topic: input.topic,
        ...(input.user_key ? { userKey: input.user_key } : {}),
        sentAt: startedAt.toISOString(),
      };
      record.pending.set(check.id, check);
      return { outcome: failed(preset, { kind: 'api', failure }, { check }) };
    }
    const offer = await noRoomOffer(deps, preset, failure);
    // "Take the next size up": exactly one more create, and only after this definite refusal.
    if (offer && !capacity && deps.store.settings().whenNoRoom === 'next-size-up') return { retryWith: offer };
    return { outcome: failed(preset, { kind: 'api', failure }, offer ? { offer } : {}) };
  }

  /** The meeting exists: open, copy, notify, then record (the disk write is the last thing, deferred). */
  async function created(
    preset: Preset,
    meeting: InstantMeeting,
    topic: string,
    startedAt: Date,
    userKey?: string,
    instead?: { from: number },
  ) {
    let entry: RecentMeeting | undefined;
    try {
      let opened: 'opened' | 'refused' | 'none' = 'none';
      // The host's link first: checking the links kept for Recent meetings can wait until it is open.
      if (preset.afterCreate.open === 'start' && meeting.start_url) opened = await links.openChecked(meeting.start_url);
      entry = await recentEntry(links, preset, meeting, topic, startedAt, userKey);
      if (preset.afterCreate.open === 'join' && meeting.join_url)
        opened = entry.joinUrl ? await links.openChecked(entry.joinUrl) : 'refused';
      const t = deps.t();
      // A copy not done for sure is a click away: the notification's click copies it (from the window, where needed).
      let copied = '';
      let copyOnClick: Command | undefined;
      const what = preset.afterCreate.copy === 'invitation' ? 'invitation' : 'join-link';
      const text =
        preset.afterCreate.copy === 'join-link'
          ? entry.joinUrl
          : preset.afterCreate.copy === 'invitation'
            ? invitationText({ topic, startedAt, meetingId: meeting.meeting_id, joinUrl: entry.joinUrl }, deps.locale())
            : undefined;
      if (text) {
        const outcome = await links.copyAfterStart(text);
        if (outcome === 'copied') copied = t(what === 'invitation' ? 'meeting.copiedInvitation' : 'meeting.copiedLink');
        else {
          const clickTo = what === 'invitation' ? 'meeting.clickToCopyInvitation' : 'meeting.clickToCopyLink';
          copied = t(outcome === 'unconfirmed' ? clickTo : 'meeting.notCopied');
          copyOnClick = { type: 'copy', meetingId: meeting.meeting_id, what };
        }
      }
      const body = t('meeting.startedBody', { id: groupMeetingId(meeting.meeting_id), hostKey: meeting.host_key ?? '—', copied });
      deps.notify({
        title: t('meeting.startedTitle', { topic }),
        body: instead ? `${body}\n${t('meeting.startedBigger', { size: instead.from, bigger: preset.capacity })}` : body,
        ...(copyOnClick ? { command: copyOnClick } : {}),
      });
      record.setLastFailure(undefined);
      if (!record.remember(entry)) return failed(preset, { kind: 'internal' }, { meeting: entry });
      return { ok: true as const, meeting: entry, opened };
    } catch (error) {
      deps.log?.error('a step after the create failed', { meetingId: meeting.meeting_id, error: String(error) });
      // Whatever threw, the meeting is recorded and watched (without its links if checking them failed).
      entry ??= {
        meetingId: meeting.meeting_id,
        topic,
        presetId: preset.id,
        createdAt: startedAt.toISOString(),
        capacity: preset.capacity,
        state: 'waiting',
      };
      record.remember(entry);
      return failed(preset, { kind: 'internal' }, { meeting: entry });
    }
  }

  async function run(presetId: string, capacity?: number, instead?: { from: number }): Promise<StartOutcome> {
    const stored = deps.store.preset(presetId);
    if (!stored) return failed(undefined, { kind: 'unknown-preset' });
    // A room of another size, this once (the offer after "no room free"): the preset itself is unchanged.
    const preset = capacity ? { ...stored, capacity } : stored;
    const credentials = await deps.vault.get();
    if (!credentials) return failed(preset, { kind: deps.vault.status().locked ? 'locked' : 'no-credentials' });
    const startedAt = now();
    const input = presetToInstant(preset, startedAt, deps.store.settings().defaultUserKey);
    const answer = await (await deps.api.click()).instant(input);
    if (answer.ok) return created(preset, answer.value, input.topic, startedAt, input.user_key, instead);
    const next = await refused(preset, input, answer.failure, startedAt, capacity);
    return next.retryWith ? run(presetId, next.retryWith.capacity, { from: next.retryWith.from }) : next.outcome!;
  }

  return { run, failed };
}

/** A created meeting as Recent meetings keeps it: links the allowlist refused are not stored (each refusal was told). */
async function recentEntry(
  links: CheckedLinks,
  preset: Preset,
  meeting: InstantMeeting,
  topic: string,
  createdAt: Date,
  userKey?: string,
): Promise<RecentMeeting> {
  const joinUrl = await links.trusted(meeting.join_url);
  const watchUrl = await links.trusted(meeting.watch_url);
  return {
    meetingId: meeting.meeting_id,
    topic,
    presetId: preset.id,
    createdAt: createdAt.toISOString(),
    capacity: preset.capacity,
    ...(preset.duration ? { duration: preset.duration } : {}),
    ...(joinUrl ? { joinUrl } : {}),
    ...(meeting.host_key ? { hostKey: meeting.host_key } : {}),
    ...(watchUrl ? { watchUrl } : {}),
    ...(userKey ? { userKey } : {}),
    state: 'waiting',
  };
}

/**
 * After a definite refusal: was it because no room of that size is free (the service's 3001, its words, or
 * the rooms as they are now say so), and which bigger size has one? Read fresh, on the background
 * connection: the click is already over.
 */
async function noRoomOffer(
  deps: ClickPathDeps,
  preset: Preset,
  failure: ApiFailure,
): Promise<{ capacity: number; from: number } | undefined> {
  if (failure.kind !== 'rejected' || !deps.availability) return undefined;
  const sizes = await deps.availability.readNow();
  if (!sizes) return undefined;
  const minutes = preset.duration ?? DEFAULT_SLOT_MINUTES;
  const here = freeFor(sizes, preset.capacity, deps.now(), minutes);
  if (!(saysNoFreeRoom(failure) || here?.free === 0)) return undefined;
  const from = here?.capacity ?? preset.capacity;
  const up = nextSizeUp(sizes, from, deps.now(), minutes);
  return up ? { capacity: up.capacity, from } : undefined;
}
