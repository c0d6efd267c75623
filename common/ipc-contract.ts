import { z } from 'zod';
import { AppInfo } from './app-info.js';
import { CredentialsInput, VaultStatus } from './credentials.js';
import type { Channel, EventName } from './ipc-channels.js';
import type { IpcResult } from './ipc-result.js';
import { Preset, PresetId } from './preset.js';
import { Settings, SettingsPatch } from './settings.js';
import { Licence } from './umeet-api.js';
import { checked, PresetInput, RecentAction, Section, WindowSnapshot } from './window-state.js';

interface Route {
  /** Validates what the window sends. Requests without arguments take `z.undefined()`. */
  request: z.ZodType;
  /** What main answers; main parses its own answer with it, which also strips unknown fields. */
  response: z.ZodType;
}

const byId = z.strictObject({ id: PresetId });
const ok = z.object({ ok: z.boolean() });

/** The one map from channel to its request and response schemas. */
export const contract = {
  appInfo: { request: z.undefined(), response: AppInfo },
  snapshot: { request: z.undefined(), response: WindowSnapshot },
  savePreset: { request: PresetInput.strict(), response: checked(Preset) },
  deletePreset: {
    request: byId,
    response: z.object({ ok: z.boolean(), removed: z.object({ preset: Preset, index: z.number().int() }).optional() }),
  },
  restorePreset: { request: z.strictObject({ preset: Preset.strict(), index: z.number().int().min(0) }), response: checked(Preset) },
  movePreset: { request: z.strictObject({ id: PresetId, toIndex: z.number().int().min(0) }), response: ok },
  duplicatePreset: { request: byId, response: checked(Preset) },
  setDefaultPreset: { request: z.strictObject({ id: PresetId.nullable() }), response: ok },
  startPreset: {
    request: byId,
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), meetingId: z.string() }),
      z.object({ ok: z.literal(false), message: z.string() }),
    ]),
  },
  updateSettings: { request: SettingsPatch, response: checked(Settings) },
  setCredentials: { request: CredentialsInput, response: checked(VaultStatus) },
  clearCredentials: { request: z.undefined(), response: VaultStatus },
  verifyCredentials: {
    request: z.undefined(),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), licence: Licence }),
      z.object({ ok: z.literal(false), kind: z.string(), message: z.string() }),
    ]),
  },
  exportPresets: {
    request: z.undefined(),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), path: z.string(), count: z.number().int() }),
      z.object({ ok: z.literal(false), reason: z.enum(['cancelled', 'failed']) }),
    ]),
  },
  importPresets: {
    request: z.undefined(),
    response: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        added: z.number().int(),
        renamed: z.array(z.object({ from: z.string(), to: z.string() })),
        invalid: z.array(z.object({ index: z.number().int(), reason: z.string() })),
      }),
      z.object({ ok: z.literal(false), reason: z.enum(['cancelled', 'declined', 'not-json', 'not-a-presets-file', 'failed']) }),
    ]),
  },
  recentAction: {
    request: z.strictObject({ meetingId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), action: RecentAction }),
    response: z.object({ ok: z.boolean() }),
  },
  checkCreated: {
    request: z.strictObject({ id: z.string().regex(/^[\w-]{1,64}$/) }),
    response: z.object({ result: z.enum(['adopted', 'not-found', 'failed']) }),
  },
  openLogFolder: { request: z.undefined(), response: ok },
} satisfies Record<Channel, Route>;

/** What each event carries from main to the window. */
export const eventContract = {
  stateChanged: z.undefined(),
  navigate: z.object({ section: Section }),
} satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;

type Subscriber<E extends EventName> = `on${Capitalize<E>}`;

/** The API the preload puts on `window.umeet`: one method per channel, one subscriber per event. */
export type UmeetApi = {
  [C in Channel]: RequestOf<C> extends undefined
    ? () => Promise<IpcResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
} & {
  [E in EventName as Subscriber<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};
