import { mkdirSync } from 'node:fs';
import { checkedParse, type Checked } from '../../common/result.js';
import type { Locale } from '../../common/i18n/locale.js';
import { Settings } from '../../common/settings.js';
import type { QuarantinedEntry } from '../../common/store-document.js';
import type { Logger } from '../../core/log.js';
import { openStoreFiles } from './open-store.js';
import { errorCode, removeStaleTempFiles } from './store-file.js';
import { presetsOf } from './store-presets.js';
import { recordsOf } from './store-records.js';
import { createStoreWriter } from './store-writer.js';

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
  const writer = createStoreWriter({ dir, log, opened });
  // A recovered, migrated, seeded or partly quarantined store is written back in its current shape at once.
  if (opened.writeNow && writer.saveProblem() === undefined) writer.flush();
  const { change } = writer;
  const state = () => writer.state();

  return {
    takeNotices: writer.takeNotices,
    onChange: writer.onChange,
    flush: writer.flush,
    saveProblem: writer.saveProblem,
    saved: writer.saved,

    settings: (): Settings => state().settings,
    quarantine: (): readonly QuarantinedEntry[] => state().quarantine,
    updateSettings(patch: unknown): Checked<Settings> {
      const parsed = checkedParse(Settings, { ...state().settings, ...(typeof patch === 'object' && patch ? patch : {}) });
      if (parsed.ok) change({ ...state(), settings: parsed.value });
      return parsed;
    },
    /** The settings the user changed in the app: their choice beats a policy's default (main/policy/effective.ts). */
    changedSettings: (): readonly string[] => state().changedSettings ?? [],
    /** Changes settings and records which ones the user changed, in one write. */
    updateSettingsAndMark(patch: unknown, changed: readonly string[]): Checked<Settings> {
      const parsed = checkedParse(Settings, { ...state().settings, ...(typeof patch === 'object' && patch ? patch : {}) });
      if (!parsed.ok) return parsed;
      const marks = [...new Set([...(state().changedSettings ?? []), ...changed])].slice(0, 100);
      change({ ...state(), settings: parsed.value, ...(marks.length ? { changedSettings: marks } : {}) });
      return parsed;
    },
    ...presetsOf(writer),
    ...recordsOf(writer),
  };
}

export type AppStore = ReturnType<typeof openAppStore>;
