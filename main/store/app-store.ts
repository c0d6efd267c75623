import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { CredentialRecord, ProxySecretRecord } from '../../common/credentials.js';
import { checkedParse, type Checked, type FieldError } from '../../common/result.js';
import type { Locale } from '../../common/i18n/locale.js';
import { MAX_PRESETS, Preset } from '../../common/preset.js';
import { RECENT_LIMIT, RecentMeeting } from '../../common/recent.js';
import { Settings } from '../../common/settings.js';
import { BOOKED_LIMIT, BookedMeeting, type ServiceFacts } from '../../common/scheduled.js';
import { StoreDocument, type QuarantinedEntry } from '../../common/store-document.js';
import type { Licence } from '../../common/umeet-api.js';
import type { Logger } from '../../core/log.js';
import { openStoreFiles, type StoreNotice } from './open-store.js';
import { refitSeededPreset } from './seed.js';
import { errorCode, removeStaleTempFiles, writeStoreFiles } from './store-file.js';

export type { StoreNotice } from './open-store.js';

/** Why changes are not reaching the disk right now. They stay in memory and are written at the next successful save. */
export type SaveProblem =
  /** The file was written by a newer version of the app: it is never written by this one. */
  | { kind: 'newer-version'; version: number }
  /** A file that must be kept aside first could not be (a read-only folder). */
  | { kind: 'cannot-keep-aside'; code: string }
  /** The write itself failed (read-only folder, disk full, a directory in the file's place). */
  | { kind: 'write-failed'; code: string };

export interface OpenStoreOptions {
  /** The folder of the store file and its backup (the app's user-data folder). */
  dir: string;
  locale: Locale;
  now?: () => Date;
  log?: Logger;
}

/**
 * Settings, presets, recent meetings and the credential record, in one file, with main as the
 * single source of truth: loaded and validated once at start-up (open-store.ts: main file, backup,
 * seed; anything not understood kept aside first), changed only through these methods (each
 * validated by the schemas in common/), and written back atomically, followed by a backup. Writes
 * are coalesced and deferred (`setImmediate`), so no caller, least of all the click path, waits
 * for the disk; `flush()` writes now (quit, tests), `saved()` waits for the pending write.
 * A write that fails keeps the change in memory, reports why (`saveProblem()`, and the change
 * listeners), and is tried again with the next change.
 */
export function openAppStore(options: OpenStoreOptions) {
  const now = options.now ?? (() => new Date());
  const { dir, log } = options;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    log?.error('store: the folder cannot be created', { code: errorCode(error) });
  }
  const removed = removeStaleTempFiles(dir);
  if (removed.length) log?.info('store: removed the temp files of interrupted saves', { files: removed });

  const opened = openStoreFiles(dir, now(), options.locale);
  const notices: StoreNotice[] = [...opened.notices];
  const pendingAside = [...opened.pendingAside];
  let state: StoreDocument = opened.document;
  let problem: SaveProblem | undefined =
    opened.newerVersion !== undefined ? { kind: 'newer-version', version: opened.newerVersion } : undefined;
  for (const notice of notices)
    log?.warn(
      `store: ${notice.kind}`,
      notice.kind === 'quarantined' ? { entries: notice.entries.map((e) => `${e.where}: ${e.reason}`) } : notice,
    );

  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  let pending: NodeJS.Immediate | undefined;
  let waiters: ((problem: SaveProblem | undefined) => void)[] = [];

  /** One attempt to put the current state on disk; the outcome becomes `problem`. */
  function write(): SaveProblem | undefined {
    if (opened.newerVersion !== undefined) return { kind: 'newer-version', version: opened.newerVersion };
    // Nothing is written before what must be kept aside has been.
    while (pendingAside.length) {
      try {
        const kept = pendingAside[0]!();
        log?.info('store: kept a file aside before saving', { file: kept });
        pendingAside.shift();
      } catch (error) {
        return { kind: 'cannot-keep-aside', code: errorCode(error) };
      }
    }
    try {
      writeStoreFiles(dir, StoreDocument.parse(state));
      return undefined;
    } catch (error) {
      return { kind: 'write-failed', code: errorCode(error) };
    }
  }

  function saveNow(): SaveProblem | undefined {
    if (pending) clearImmediate(pending);
    pending = undefined;
    const before = problem;
    problem = write();
    if (problem && problem.kind !== before?.kind) log?.error('store: changes are not saved', problem);
    if (!problem && before && before.kind !== 'newer-version') log?.info('store: saving works again');
    const done = waiters;
    waiters = [];
    done.forEach((resolve) => resolve(problem));
    // Whoever shows the state (tray, window) learns that saving started or stopped failing.
    if (problem?.kind !== before?.kind || (problem && before && JSON.stringify(problem) !== JSON.stringify(before))) notify();
    return problem;
  }

  function change(next: StoreDocument): void {
    state = next;
    pending ??= setImmediate(saveNow);
    notify();
  }

  // A recovered, migrated, seeded or partly quarantined store is written back in its current shape at once.
  if (opened.writeNow && problem === undefined) saveNow();

  return {
    /** Notices from opening the store; the caller tells the user, then they are gone. */
    takeNotices(): StoreNotice[] {
      return notices.splice(0);
    },
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Writes now (at quit, in tests); returns why it could not, if it could not. */
    flush: saveNow,
    /** Why changes are not on disk right now, if they are not. */
    saveProblem: (): SaveProblem | undefined => problem,
    /** Waits for the write of the changes made so far; resolves with why it failed, if it did. */
    saved(): Promise<SaveProblem | undefined> {
      if (!pending) return Promise.resolve(problem);
      return new Promise((resolve) => waiters.push(resolve));
    },

    settings: (): Settings => state.settings,
    presets: (): readonly Preset[] => state.presets,
    preset: (id: string): Preset | undefined => state.presets.find((p) => p.id === id),
    defaultPresetId: (): string | undefined => state.defaultPresetId,
    recent: (): readonly RecentMeeting[] => state.recent,
    quarantine: (): readonly QuarantinedEntry[] => state.quarantine,
    credentialRecord: (): CredentialRecord | undefined => state.credentials,

    updateSettings(patch: unknown): Checked<Settings> {
      const parsed = checkedParse(Settings, { ...state.settings, ...(typeof patch === 'object' && patch ? patch : {}) });
      if (parsed.ok) change({ ...state, settings: parsed.value });
      return parsed;
    },

    /** The settings the user changed in the app: their choice beats a policy's default (main/policy/effective.ts). */
    changedSettings: (): readonly string[] => state.changedSettings ?? [],
    /** Changes settings and records which ones the user changed, in one write. */
    updateSettingsAndMark(patch: unknown, changed: readonly string[]): Checked<Settings> {
      const parsed = checkedParse(Settings, { ...state.settings, ...(typeof patch === 'object' && patch ? patch : {}) });
      if (!parsed.ok) return parsed;
      const marks = [...new Set([...(state.changedSettings ?? []), ...changed])].slice(0, 100);
      change({ ...state, settings: parsed.value, ...(marks.length ? { changedSettings: marks } : {}) });
      return parsed;
    },

    /** Adds a preset (no id, or an unknown one) or replaces the one with its id. Invalid input changes nothing. */
    savePreset(input: unknown): Checked<Preset> {
      // A new preset has no id, or `id: undefined` (which survives IPC's structured clone): it gets one.
      const candidate =
        typeof input === 'object' && input !== null ? { ...input, id: (input as { id?: unknown }).id ?? randomUUID().slice(0, 8) } : input;
      const parsed = checkedParse(Preset, candidate);
      if (!parsed.ok) return parsed;
      const preset = parsed.value;
      const index = state.presets.findIndex((p) => p.id === preset.id);
      if (index < 0 && state.presets.length >= MAX_PRESETS) return tooMany;
      const presets = index < 0 ? [...state.presets, preset] : state.presets.map((p, i) => (i === index ? preset : p));
      change({ ...state, presets });
      return { ok: true, value: preset };
    },

    deletePreset(id: string): Preset | undefined {
      const removed = state.presets.find((p) => p.id === id);
      if (!removed) return undefined;
      const presets = state.presets.filter((p) => p.id !== id);
      const { defaultPresetId, ...rest } = state;
      change({ ...rest, presets, ...(defaultPresetId && defaultPresetId !== id ? { defaultPresetId } : {}) });
      return removed;
    },

    /** Puts a preset back at the position it had (undo of a delete). */
    restorePreset(preset: Preset, index: number): Checked<Preset> {
      const parsed = checkedParse(Preset, preset);
      if (!parsed.ok) return parsed;
      if (state.presets.some((p) => p.id === preset.id)) return { ok: false, fields: [{ field: 'id', message: 'already exists' }] };
      if (state.presets.length >= MAX_PRESETS) return tooMany;
      const presets = [...state.presets];
      presets.splice(Math.max(0, Math.min(index, presets.length)), 0, parsed.value);
      change({ ...state, presets });
      return parsed;
    },

    /** Moves a preset to `toIndex` in the user's order. */
    movePreset(id: string, toIndex: number): boolean {
      const from = state.presets.findIndex((p) => p.id === id);
      if (from < 0) return false;
      const presets = [...state.presets];
      const [moved] = presets.splice(from, 1);
      presets.splice(Math.max(0, Math.min(toIndex, presets.length)), 0, moved!);
      change({ ...state, presets });
      return true;
    },

    setDefaultPreset(id: string | undefined): boolean {
      if (id !== undefined && !state.presets.some((p) => p.id === id)) return false;
      const { defaultPresetId: _old, ...rest } = state;
      change({ ...rest, ...(id ? { defaultPresetId: id } : {}) });
      return true;
    },

    /** Adds presets that were already validated and de-duplicated (see presets-io.ts), as many as fit. */
    appendPresets(added: readonly Preset[]): Preset[] {
      const fitting = added.slice(0, Math.max(0, MAX_PRESETS - state.presets.length));
      if (fitting.length) change({ ...state, presets: [...state.presets, ...fitting] });
      return fitting;
    },

    /** Records a started meeting at the top of the list; the list keeps the last ten. */
    addRecent(input: unknown): Checked<RecentMeeting> {
      const parsed = checkedParse(RecentMeeting, input);
      if (!parsed.ok) return parsed;
      const recent = [parsed.value, ...state.recent.filter((m) => m.meetingId !== parsed.value.meetingId)].slice(0, RECENT_LIMIT);
      change({ ...state, recent });
      return parsed;
    },

    updateRecent(meetingId: string, patch: Partial<RecentMeeting>): Checked<RecentMeeting> {
      const current = state.recent.find((m) => m.meetingId === meetingId);
      if (!current) return { ok: false, fields: [{ field: 'meetingId', message: 'not in the recent list' }] };
      const parsed = checkedParse(RecentMeeting, { ...current, ...patch, meetingId });
      if (parsed.ok) change({ ...state, recent: state.recent.map((m) => (m.meetingId === meetingId ? parsed.value : m)) });
      return parsed;
    },

    setCredentialRecord(record: CredentialRecord | undefined): void {
      const { credentials: _old, ...rest } = state;
      change({ ...rest, ...(record ? { credentials: record } : {}) });
    },

    proxySecretRecord: (): ProxySecretRecord | undefined => state.proxyPassword,
    setProxySecretRecord(record: ProxySecretRecord | undefined): void {
      const { proxyPassword: _old, ...rest } = state;
      change({ ...rest, ...(record ? { proxyPassword: record } : {}) });
    },

    /** The meetings this app booked, newest first. */
    booked: (): readonly BookedMeeting[] => state.booked ?? [],
    /** Keeps a booking (or replaces the one with its id) at the top; the last 50 are kept. Never with a password. */
    keepBooked(input: unknown): Checked<BookedMeeting> {
      const parsed = checkedParse(BookedMeeting, input);
      if (!parsed.ok) return parsed;
      const booked = [parsed.value, ...(state.booked ?? []).filter((b) => b.meetingId !== parsed.value.meetingId)].slice(0, BOOKED_LIMIT);
      change({ ...state, booked });
      return parsed;
    },
    forgetBooked(meetingId: string): void {
      const booked = (state.booked ?? []).filter((b) => b.meetingId !== meetingId);
      if (booked.length === (state.booked ?? []).length) return;
      const { booked: _old, ...rest } = state;
      change({ ...rest, ...(booked.length ? { booked } : {}) });
    },
    serviceFacts: (): ServiceFacts => state.serviceFacts ?? {},
    setServiceFacts(facts: ServiceFacts): void {
      change({ ...state, serviceFacts: { ...state.serviceFacts, ...facts } });
    },

    /** Fits the first-run preset to the licence's smallest room, if the user never touched it. */
    adoptLicence(licence: Licence): void {
      const presets = state.presets.map((p) => refitSeededPreset(p, licence) ?? p);
      if (presets.some((p, i) => p !== state.presets[i])) change({ ...state, presets });
    },
  };
}

const tooMany: { ok: false; fields: FieldError[] } = {
  ok: false,
  fields: [{ field: 'presets', message: `at most ${MAX_PRESETS} presets` }],
};

export type AppStore = ReturnType<typeof openAppStore>;
