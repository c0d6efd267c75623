import { Preset } from '../../common/preset.js';
import { STORE_SCHEMA_VERSION } from '../../common/store-document.js';

/**
 * The store's own migrations, keyed by the version they migrate from (conf's built-in migrations
 * are documented by their author as unreliable). Each step takes the raw object of its version
 * and returns the raw object of the next; validation happens after the last step, per entry, so
 * a step never has to be defensive about values it does not touch.
 */
type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

const triState = (value: unknown): boolean | undefined =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : undefined;

/**
 * Version 1 (the first preview) kept settings at the top level and presets with the API's own
 * field names and string booleans, and its recent list stored `start_url` and `token`, which are
 * credentials: version 2 never stores them, so the step drops them.
 */
function v1ToV2(v1: Raw): Raw {
  const presets = Array.isArray(v1.presets) ? v1.presets : [];
  return {
    schemaVersion: 2,
    settings: {
      ...(v1.apiBase !== undefined ? { apiBaseUrl: v1.apiBase } : {}),
      ...(v1.language !== undefined ? { language: v1.language } : {}),
      ...(typeof v1.timeoutSeconds === 'number' ? { requestTimeoutMs: v1.timeoutSeconds * 1000 } : {}),
      ...(v1.autoStart !== undefined ? { startAtLogin: v1.autoStart } : {}),
    },
    presets: presets.map((p) => {
      // Already in version 2's shape (a file labelled 1 by mistake): kept as it is.
      if (!isObject(p) || Preset.safeParse(p).success) return p;
      return {
        id: p.id,
        name: p.name,
        topic: p.topic,
        capacity: typeof p.meeting_capacity === 'string' ? Number(p.meeting_capacity) : p.meeting_capacity,
        duration: p.duration === '' || p.duration === null ? undefined : p.duration,
        joinBeforeHost: triState(p.option_jbh),
        muteOnEntry: triState(p.mute_upon_entry),
        hostVideo: triState(p.option_host_video),
        participantsVideo: triState(p.option_participants_video),
        usePmi: triState(p.use_pmi),
        recording: p.recording === 'cloud' || p.recording === 'none' ? p.recording : undefined,
        liveStreaming: triState(p.allow_live_streaming),
        userKey: typeof p.user_key === 'string' && p.user_key !== '' ? p.user_key : undefined,
        afterCreate: {
          open: p.openAs === 'host' ? 'start' : p.openAs === 'participant' ? 'join' : 'none',
          copy: p.copyInvitation === true ? 'invitation' : 'join-link',
        },
      };
    }),
    defaultPresetId: v1.defaultPreset,
    recent: (Array.isArray(v1.recent) ? v1.recent : []).map((r) => {
      if (!isObject(r)) return r;
      const { start_url: _startUrl, token: _token, ...rest } = r;
      return {
        meetingId: String(rest.meeting_id ?? ''),
        topic: rest.topic,
        createdAt: rest.created_at,
        joinUrl: rest.join_url,
        hostKey: rest.host_key === undefined ? undefined : String(rest.host_key),
        state: 'unknown',
      };
    }),
    credentials: v1.credentials,
    quarantine: [],
  };
}

/**
 * Version 3 leaves start at login to the OS (its login item is the one truth, read at start and after
 * each change), so the setting that mirrored it goes.
 */
function v2ToV3(v2: Raw): Raw {
  const settings = isObject(v2.settings)
    ? Object.fromEntries(Object.entries(v2.settings).filter(([key]) => key !== 'startAtLogin'))
    : v2.settings;
  return { ...v2, schemaVersion: 3, ...(v2.settings !== undefined ? { settings } : {}) };
}

/**
 * Version 4 adds the proxy setting (absent: the OS's proxy, as before) and the proxy password's
 * record. Nothing of version 3 changes; the version changes so that a version-3 build, which would
 * set both aside as unknown, opens such a file read-only instead.
 */
const v3ToV4 = (v3: Raw): Raw => ({ ...v3, schemaVersion: 4 });

const steps: Record<number, (raw: Raw) => Raw> = { 1: v1ToV2, 2: v2ToV3, 3: v3ToV4 };

/**
 * The version a store file says it has. Only whole numbers are versions; a file without one is
 * the first preview's (version 1). Anything else — 0, 1.5, "2", null — is a version this build
 * cannot vouch for: the file is kept aside and its entries are read as the current version's,
 * each checked, so whatever fits loads and the rest is quarantined.
 */
export type FileVersion =
  { kind: 'current' } | { kind: 'older'; from: number } | { kind: 'newer'; version: number } | { kind: 'invalid'; value: unknown };

export function fileVersion(raw: Raw): FileVersion {
  if (!('schemaVersion' in raw)) return { kind: 'older', from: 1 };
  const value = raw.schemaVersion;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return { kind: 'invalid', value };
  if (value === STORE_SCHEMA_VERSION) return { kind: 'current' };
  if (value > STORE_SCHEMA_VERSION) return { kind: 'newer', version: value };
  return steps[value] ? { kind: 'older', from: value } : { kind: 'invalid', value };
}

/** Brings a raw store object of an older version up to the current one, step by step. */
export function migrate(input: Raw, from: number): Raw {
  let raw = input;
  for (let version = from; version < STORE_SCHEMA_VERSION; version++) {
    const step = steps[version];
    // fileVersion() only says "older" for versions with a path to the current one.
    if (!step) throw new Error(`no migration from store version ${version}`);
    raw = step(raw);
  }
  return raw;
}
