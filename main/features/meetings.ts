import type { CommandValue } from '../../common/commands.js';
import { fail, ok, type Result } from '../../common/result.js';
import type { ApiFailure } from '../../common/umeet-api.js';
import type { ParticipantsView } from '../../common/window-state.js';
import { failureText } from '../../core/meetings/failure-text.js';
import { createAvailability } from '../meetings/availability.js';
import { describeLastError } from '../meetings/last-error.js';
import { createMeetingsService, type StartOutcome } from '../meetings/meetings-service.js';
import { participantsView } from '../meetings/participants.js';
import type { Clipboard, Confirm, OpenLink } from '../ports.js';
import type { Vault } from '../vault/vault.js';
import type { AppContext, Feature } from './feature.js';

/**
 * Meetings started now: the click path (docs/architecture.md, "The click path"), the free rooms the tray
 * shows on each preset, the recent meetings and what can be done with them, the checks after an
 * ambiguous failure, who joined.
 */
export function meetingsFeature(
  ctx: AppContext,
  deps: {
    vault: Vault;
    /** Records the service's verdict on the credentials a create was sent with. */
    markAnswer: (inUse: Awaited<ReturnType<Vault['get']>>, answer: { ok: true } | { ok: false; failure: ApiFailure }) => void;
    openLink: OpenLink;
    clipboard: Clipboard;
    confirm: Confirm;
    refreshDelaysMs?: readonly number[] | undefined;
  },
) {
  const { store, api, t, log, now } = ctx;
  // The free rooms the tray shows on each preset: read when the menu opens, at most every 30 s, in the background.
  const availability = createAvailability({ rooms: async () => (await api.background()).rooms(), now, log, onChange: ctx.changed });
  const meetings = createMeetingsService({
    store,
    vault: deps.vault,
    api,
    availability,
    openLink: deps.openLink,
    clipboard: deps.clipboard,
    notify: ctx.commandNotify,
    confirm: deps.confirm,
    locale: ctx.locale,
    t,
    now,
    log,
    timers: ctx.timers,
    ...(deps.refreshDelaysMs ? { refreshDelaysMs: deps.refreshDelaysMs } : {}),
  });
  meetings.onChange(ctx.changed);

  /** Starts a meeting; a create is a check of the credentials too, so its answer updates their verdict. */
  async function start(presetId: string, capacity?: number): Promise<Result<CommandValue>> {
    // Only a start in the first moments of the app waits: the policy names the server and the company presets.
    await ctx.policy.ready();
    const inUse = await deps.vault.get();
    const outcome: StartOutcome = await meetings.start(presetId, capacity ? { capacity } : {});
    if (outcome.ok) deps.markAnswer(inUse, { ok: true });
    else if (outcome.failure.kind === 'api') deps.markAnswer(inUse, { ok: false, failure: outcome.failure.failure });
    return outcome.ok
      ? ok({ meetingId: outcome.meeting.meetingId })
      : fail(outcome.failure.kind === 'internal' ? 'internal' : 'failed', outcome.message);
  }

  /** The commands on a meeting act only on one in Recent meetings. */
  const known = (meetingId: string) => store.recent().some((m) => m.meetingId === meetingId);
  const notInRecent = () => fail('not-found', t()('command.notInRecent'));

  const feature = {
    state: () => ({
      recent: store.recent(),
      busy: [...meetings.busy()],
      pendingChecks: meetings.pendingChecks().map(({ id, topic }) => ({ id, topic })),
      lastError: lastError(),
      roomsFree: Object.fromEntries(
        store.presets().flatMap((preset) => {
          const free = availability.forPreset(preset.capacity, preset.duration);
          return free ? [[preset.id, free]] : [];
        }),
      ),
    }),
    commands: {
      start: (command) => start(command.presetId, command.capacity),
      'start-default': (): Promise<Result<CommandValue>> | Result<CommandValue> => {
        const id = store.defaultPresetId();
        return id ? start(id) : fail('not-found', t()('command.noDefault'));
      },
      'check-created': (command) => meetings.check(command.checkId),
      'open-meeting': (command) => meetings.open(command.meetingId, command.as),
      'open-live': (command) => meetings.openLive(command.meetingId),
      copy: (command) => meetings.copy(command.meetingId, command.what),
      'end-meeting': (command) => meetings.end(command.meetingId),
      'resize-meeting': (command) => meetings.resize(command.meetingId, command.capacity),
      'dismiss-error': () => {
        meetings.dismissError();
        return ok({});
      },
    },
    ipc: {
      // Who joined: asked when the window opens the dialog, never kept or logged (personal data).
      participants: async (request): Promise<Result<ParticipantsView>> => {
        if (!known(request.meetingId)) return notInRecent();
        const answer = await (await api.background()).meetingDetail(request.meetingId, request.past ? 'past' : 'online', { size: 300 });
        return answer.ok ? ok(participantsView(answer.value)) : fail('failed', failureText(answer.failure, t()));
      },
    },
    begin: () => {
      meetings.resume();
      // The HTTP client loads now, after the tray: the first click usually finds it ready.
      api.preload();
    },
    warm: () => {
      // Open the API connection now, so the click does not wait for it.
      void api
        .click()
        .then((client) => client.warm())
        .catch(() => undefined);
      // And what is free, for the presets' labels: on the background connection, never the click's.
      availability.refresh();
    },
    stop: () => meetings.stop(),
  } satisfies Feature<'recent' | 'busy' | 'pendingChecks' | 'lastError' | 'roomsFree'>;

  function lastError() {
    const record = meetings.lastFailure();
    if (!record) return undefined;
    return describeLastError(record, {
      t: t(),
      pendingCheckIds: new Set(meetings.pendingChecks().map((check) => check.id)),
      presetName: (id) => store.preset(id)?.name,
    });
  }

  return { feature, trusted: meetings.trusted, openChecked: meetings.openChecked, copyChecked: meetings.copyChecked };
}
