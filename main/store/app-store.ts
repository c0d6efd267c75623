import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CredentialRecord } from '../../common/credentials.js';
import type { Locale } from '../../common/i18n/locale.js';
import { Preset } from '../../common/preset.js';
import { RECENT_LIMIT, RecentMeeting } from '../../common/recent.js';
import { Settings } from '../../common/settings.js';
import { StoreDocument, type QuarantinedEntry } from '../../common/store-document.js';
import type { Licence } from '../../common/umeet-api.js';
import type { Logger } from '../log.js';
import { loadEntries } from './load-entries.js';
import { migrate } from './migrations.js';
import { refitSeededPreset, seedPreset } from './seed.js';
import {
  recoverCorruptFile,
  storePathOf,
  writeBackup,
  type RecoveryNotice,
  type StoreFile,
} from './store-file.js';

/** What happened while opening the store, for the user to be told (main turns these into notifications). */
export type StoreNotice =
  | RecoveryNotice
  | { kind: 'quarantined'; entries: QuarantinedEntry[] }
  | { kind: 'migrated'; from: number }
  | { kind: 'save-failed'; message: string };

export type FieldError = { field: string; message: string };
export type Checked<T> = { ok: true; value: T } | { ok: false; error: FieldError };

function fieldError(error: z.ZodError): FieldError {
  const issue = error.issues[0];
  return { field: issue?.path.map(String).join('.') || '(input)', message: issue?.message ?? 'invalid' };
}

export interface OpenStoreOptions {
  dir: string;
  /** Opens the file: electron-store in the app, conf in tests, both with storeFileOptions(dir). */
  openFile: (dir: string) => StoreFile;
  locale: Locale;
  now?: () => Date;
  log?: Logger;
}

/**
 * Settings, presets, recent meetings and the credential record, in one file, with main as the
 * single source of truth: loaded and validated once at start-up, changed only through these
 * methods (each validated by the schemas in common/), and written back atomically, followed by a
 * backup. Writes are coalesced and deferred (`setImmediate`), so no caller, least of all the
 * click path, waits for the disk; `flush()` writes now (quit, tests).
 */
export function openAppStore(options: OpenStoreOptions) {
  const now = options.now ?? (() => new Date());
  const notices: StoreNotice[] = [];
  const recovered = recoverCorruptFile(options.dir, now());
  if (recovered) notices.push(recovered);
  const firstRun = !existsSync(storePathOf(options.dir)) && !recovered;

  const file = options.openFile(options.dir);
  const { raw, from } = migrate({ ...file.store });
  const { document, quarantined } = loadEntries(raw, now().toISOString());
  if (from < document.schemaVersion && !firstRun) notices.push({ kind: 'migrated', from });
  if (quarantined.length) notices.push({ kind: 'quarantined', entries: quarantined });

  let state: StoreDocument = document;
  if (firstRun || (recovered?.kind === 'corrupt-without-backup' && state.presets.length === 0)) {
    const seed = seedPreset(options.locale);
    state = { ...state, presets: [seed], defaultPresetId: seed.id };
  }

  const listeners = new Set<() => void>();
  let pending: NodeJS.Immediate | undefined;

  function saveNow(): void {
    if (pending) clearImmediate(pending);
    pending = undefined;
    try {
      const checked = StoreDocument.parse(state);
      file.store = checked as unknown as Record<string, unknown>;
      writeBackup(options.dir, checked);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log?.error('store: save failed', { message });
      notices.push({ kind: 'save-failed', message });
    }
  }

  function change(next: StoreDocument): void {
    state = next;
    pending ??= setImmediate(saveNow);
    for (const listener of listeners) listener();
  }

  // A migrated, quarantined, recovered or seeded store is written back in its current shape at once.
  if (firstRun || notices.length) saveNow();

  return {
    path: file.path,
    /** Notices from opening the store; the caller tells the user, then they are gone. */
    takeNotices(): StoreNotice[] {
      return notices.splice(0);
    },
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush: saveNow,

    settings: (): Settings => state.settings,
    presets: (): readonly Preset[] => state.presets,
    preset: (id: string): Preset | undefined => state.presets.find((p) => p.id === id),
    defaultPresetId: (): string | undefined => state.defaultPresetId,
    recent: (): readonly RecentMeeting[] => state.recent,
    quarantine: (): readonly QuarantinedEntry[] => state.quarantine,
    credentialRecord: (): CredentialRecord | undefined => state.credentials,

    updateSettings(patch: unknown): Checked<Settings> {
      const parsed = Settings.safeParse({ ...state.settings, ...(typeof patch === 'object' && patch ? patch : {}) });
      if (!parsed.success) return { ok: false, error: fieldError(parsed.error) };
      change({ ...state, settings: parsed.data });
      return { ok: true, value: parsed.data };
    },

    /** Adds a preset (no id, or an unknown one) or replaces the one with its id. Invalid input changes nothing. */
    savePreset(input: unknown): Checked<Preset> {
      const candidate = typeof input === 'object' && input !== null ? { id: randomUUID().slice(0, 8), ...input } : input;
      const parsed = Preset.safeParse(candidate);
      if (!parsed.success) return { ok: false, error: fieldError(parsed.error) };
      const preset = parsed.data;
      const index = state.presets.findIndex((p) => p.id === preset.id);
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
      const parsed = Preset.safeParse(preset);
      if (!parsed.success) return { ok: false, error: fieldError(parsed.error) };
      if (state.presets.some((p) => p.id === preset.id)) return { ok: false, error: { field: 'id', message: 'already exists' } };
      const presets = [...state.presets];
      presets.splice(Math.max(0, Math.min(index, presets.length)), 0, parsed.data);
      change({ ...state, presets });
      return { ok: true, value: parsed.data };
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

    /** Adds presets that were already validated and de-duplicated (see presets-io.ts). */
    appendPresets(added: readonly Preset[]): void {
      change({ ...state, presets: [...state.presets, ...added] });
    },

    /** Records a started meeting at the top of the list; the list keeps the last ten. */
    addRecent(input: unknown): Checked<RecentMeeting> {
      const parsed = RecentMeeting.safeParse(input);
      if (!parsed.success) return { ok: false, error: fieldError(parsed.error) };
      const recent = [parsed.data, ...state.recent.filter((m) => m.meetingId !== parsed.data.meetingId)].slice(0, RECENT_LIMIT);
      change({ ...state, recent });
      return { ok: true, value: parsed.data };
    },

    updateRecent(meetingId: string, patch: Partial<RecentMeeting>): Checked<RecentMeeting> {
      const current = state.recent.find((m) => m.meetingId === meetingId);
      if (!current) return { ok: false, error: { field: 'meetingId', message: 'not in the recent list' } };
      const parsed = RecentMeeting.safeParse({ ...current, ...patch, meetingId });
      if (!parsed.success) return { ok: false, error: fieldError(parsed.error) };
      change({ ...state, recent: state.recent.map((m) => (m.meetingId === meetingId ? parsed.data : m)) });
      return { ok: true, value: parsed.data };
    },

    setCredentialRecord(record: CredentialRecord | undefined): void {
      const { credentials: _old, ...rest } = state;
      change({ ...rest, ...(record ? { credentials: record } : {}) });
    },

    /** Fits the first-run preset to the licence's smallest room, if the user never touched it. */
    adoptLicence(licence: Licence): void {
      const presets = state.presets.map((p) => refitSeededPreset(p, licence) ?? p);
      if (presets.some((p, i) => p !== state.presets[i])) change({ ...state, presets });
    },
  };
}

export type AppStore = ReturnType<typeof openAppStore>;
