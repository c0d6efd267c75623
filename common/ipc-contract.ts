import { z } from 'zod';
import { AppInfo } from './app-info.js';
import { Command, CommandValue, Section } from './commands.js';
import { SaveCredentialsOutcome, SaveCredentialsRequest, VaultStatus } from './credentials.js';
import { CheckAnswer, CheckRequest } from './form-check.js';
import type { Channel, EventName } from './ipc-channels.js';
import { Locale } from './i18n/locale.js';
import { Preset, PresetId } from './preset.js';
import { result, type Result } from './result.js';
import { Settings, SettingsPatch } from './settings.js';
import { Licence } from './umeet-api.js';
import { ParticipantsView, PresetInput, WindowSnapshot, WindowUi } from './window-state.js';
import { MeetingId } from './umeet-api.js';
import { UsageQuery, UsageView } from './usage.js';
import {
  BookingView,
  BookOutcome,
  BookRequest,
  FixRequest,
  SeriesMismatch,
  SeriesPlanView,
  SeriesQuery,
  SlotFree,
  SlotQuery,
  UpcomingMeeting,
} from './scheduled.js';

interface Route {
  /** Validates what the window sends. Requests without arguments take `z.undefined()`. */
  request: z.ZodType;
  /** What the answer's value is; every answer is `result(value)` (common/result.ts). */
  value: z.ZodType;
}

const byId = z.strictObject({ id: PresetId });
/** One language's catalogue (`messages`): keys and texts are main's own catalogue's. */
const Words = z.object({ locale: Locale, messages: z.record(z.string().max(100), z.string().max(2000)) });
const nothing = z.object({});

/** The one map from channel to its request and the value of its answer. */
export const contract = {
  appInfo: { request: z.undefined(), value: AppInfo },
  messages: { request: z.strictObject({ locale: Locale.optional() }), value: Words },
  opening: {
    request: z.undefined(),
    // The state in its own result: a state main cannot give is told in the window's words, as `snapshot` tells it.
    value: z.object({ messages: Words, snapshot: result(WindowSnapshot), savedUi: WindowUi.nullable(), appInfo: AppInfo }),
  },
  snapshot: { request: z.undefined(), value: WindowSnapshot },
  savePreset: { request: PresetInput.strict(), value: Preset },
  deletePreset: { request: byId, value: z.object({ preset: Preset, index: z.number().int() }) },
  restorePreset: { request: z.strictObject({ preset: Preset.strict(), index: z.number().int().min(0) }), value: Preset },
  movePreset: { request: z.strictObject({ id: PresetId, toIndex: z.number().int().min(0) }), value: nothing },
  duplicatePreset: { request: byId, value: Preset },
  setDefaultPreset: { request: z.strictObject({ id: PresetId.nullable() }), value: nothing },
  updateSettings: { request: SettingsPatch, value: Settings },
  saveCredentials: { request: SaveCredentialsRequest.strict(), value: SaveCredentialsOutcome },
  clearCredentials: { request: z.undefined(), value: VaultStatus },
  setProxyPassword: { request: z.strictObject({ password: z.string().min(1).max(1024).nullable() }), value: nothing },
  verifyCredentials: { request: z.undefined(), value: Licence },
  exportPresets: { request: z.undefined(), value: z.object({ path: z.string(), count: z.number().int() }) },
  importPresets: {
    request: z.undefined(),
    value: z.object({
      added: z.number().int(),
      renamed: z.array(z.object({ from: z.string(), to: z.string() })),
      invalid: z.array(z.object({ index: z.number().int(), reason: z.string() })),
    }),
  },
  run: { request: Command, value: CommandValue },
  windowState: {
    request: z.strictObject({
      unsaved: z.array(Section).max(Section.options.length).optional(),
      recordingShortcut: z.boolean().optional(),
      ui: WindowUi.optional(),
    }),
    value: nothing,
  },
  savedUi: { request: z.undefined(), value: WindowUi.nullable() },
  participants: { request: z.strictObject({ meetingId: MeetingId, past: z.boolean().optional() }), value: ParticipantsView },
  freeSlot: { request: SlotQuery, value: SlotFree },
  planSeries: { request: SeriesQuery, value: SeriesPlanView },
  schedule: { request: BookRequest, value: BookOutcome },
  fixSeries: { request: FixRequest, value: z.object({ mismatch: SeriesMismatch.optional() }) },
  upcoming: { request: z.undefined(), value: z.array(UpcomingMeeting) },
  booking: { request: z.strictObject({ meetingId: MeetingId }), value: BookingView },
  usage: { request: UsageQuery, value: UsageView },
  exportUsage: { request: UsageQuery, value: z.object({ path: z.string() }) },
  check: { request: CheckRequest, value: CheckAnswer },
} satisfies Record<Channel, Route>;

/** What each event carries from main to the window. */
export const eventContract = {
  stateChanged: z.undefined(),
  navigate: z.object({ section: Section }),
} satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ValueOf<C extends Channel> = z.output<Contract[C]['value']>;
export type ResponseOf<C extends Channel> = Result<ValueOf<C>>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;

/** The answer schema of a channel: its value inside the one result shape. */
export const responseOf = <C extends Channel>(channel: C) => result(contract[channel].value);

type Subscriber<E extends EventName> = `on${Capitalize<E>}`;

/** The API the preload puts on `window.umeet`: one method per channel, one subscriber per event. */
export type UmeetApi = {
  [C in Channel]: RequestOf<C> extends undefined ? () => Promise<ResponseOf<C>> : (request: RequestOf<C>) => Promise<ResponseOf<C>>;
} & {
  [E in EventName as Subscriber<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};
