import type { Locale } from '../../common/i18n/locale.js';
import { defaultSettings } from '../../common/settings.js';
import { STORE_SCHEMA_VERSION, type QuarantinedEntry, type StoreDocument } from '../../common/store-document.js';
import { loadEntries } from './load-entries.js';
import { holdsAllOf } from './lossless.js';
import { fileVersion, migrate } from './migrations.js';
import { seedPreset } from './seed.js';
import { backupPathOf, copyAside, moveAside, readCandidate, storePathOf, type Candidate } from './store-file.js';

/** What happened while opening the store, for the user to be told once (main turns these into notifications). */
export type StoreNotice =
  /** The main file was missing or damaged; the backup took its place. */
  | { kind: 'restored-from-backup'; keptAs?: string }
  /** Neither file could be used: the app starts with the first-run preset; what was there is kept aside. */
  | { kind: 'started-afresh'; keptAs: string[] }
  /** Some entries did not pass their checks: they are in the file's quarantine list, the rest loaded. */
  | { kind: 'quarantined'; entries: QuarantinedEntry[] }
  /** The file was read in a way that changed it (an older or unknown version, an unknown shape): its bytes were kept aside. */
  | { kind: 'kept-aside'; keptAs: string; why: 'older-version' | 'invalid-version' | 'not-understood' }
  /** Written by a newer version of the app: read, never written, until the app is updated. */
  | { kind: 'newer-version'; version: number };

export interface OpenedStore {
  document: StoreDocument;
  notices: StoreNotice[];
  /** Files still to be kept aside before the first write; each throws if it cannot be done yet. */
  pendingAside: (() => string)[];
  /** The store must never be written while this holds (a newer version's file). */
  newerVersion?: number;
  /** The document differs from the main file (recovered, migrated, seeded, something set aside): write it at once. */
  writeNow: boolean;
}

type Source = { from: 'main' | 'backup'; candidate: Extract<Candidate, { state: 'ok' }> } | { from: 'seed' };

/** The first-run document: no settings changed, the one seed preset in the system language. */
function seeded(locale: Locale): StoreDocument {
  const seed = seedPreset(locale);
  return {
    schemaVersion: STORE_SCHEMA_VERSION,
    settings: defaultSettings(),
    presets: [seed],
    defaultPresetId: seed.id,
    recent: [],
    quarantine: [],
  };
}

/**
 * The copy of a version-1 file kept aside: its bytes, unless its recent list holds the host
 * credentials v1 stored (`start_url` with its zak, `token`), which no plain file may keep: then
 * the same document with those two values replaced.
 */
function keptV1(raw: Record<string, unknown>, bytes: Buffer): Buffer {
  const holds = (r: unknown) => typeof r === 'object' && r !== null && ('start_url' in r || 'token' in r);
  if (!Array.isArray(raw.recent) || !raw.recent.some(holds)) return bytes;
  const removed = '[removed: a host credential]';
  const recent = raw.recent.map((r: unknown) => {
    if (!holds(r)) return r;
    const { start_url: startUrl, token, ...rest } = r as Record<string, unknown>;
    return { ...rest, ...(startUrl !== undefined ? { start_url: removed } : {}), ...(token !== undefined ? { token: removed } : {}) };
  });
  return Buffer.from(`${JSON.stringify({ ...raw, recent }, null, '\t')}\n`);
}

/**
 * Opens the store's files in the order main file → backup → first-run seed, where a missing and a
 * damaged file both fall through to the next, and decides what must be kept aside before anything
 * is written. Never throws for what is on disk; never deletes or overwrites a byte by itself.
 */
export function openStoreFiles(dir: string, now: Date, locale: Locale): OpenedStore {
  const notices: StoreNotice[] = [];
  const pendingAside: (() => string)[] = [];
  const keptAs: string[] = [];
  /** Keeps something aside now if it can, or before the first write otherwise. */
  const keepAside = (action: () => string): string | undefined => {
    try {
      const path = action();
      keptAs.push(path);
      return path;
    } catch {
      pendingAside.push(action);
      return undefined;
    }
  };

  const mainPath = storePathOf(dir);
  const backupPath = backupPathOf(dir);
  const main = readCandidate(mainPath);
  let source: Source;
  if (main.state === 'ok') {
    source = { from: 'main', candidate: main };
  } else {
    // A damaged file, or one that cannot be read (a directory in its place, no permission), moves aside whole.
    const mainKept =
      main.state === 'missing'
        ? undefined
        : keepAside(() => moveAside(mainPath, dir, main.state === 'damaged' ? 'corrupt' : 'unreadable', now));
    const backup = readCandidate(backupPath);
    if (backup.state === 'ok') {
      source = { from: 'backup', candidate: backup };
      notices.push({ kind: 'restored-from-backup', ...(mainKept ? { keptAs: mainKept } : {}) });
    } else {
      if (backup.state !== 'missing')
        keepAside(() => moveAside(backupPath, dir, backup.state === 'damaged' ? 'corrupt-backup' : 'unreadable-backup', now));
      source = { from: 'seed' };
      if (main.state !== 'missing' || backup.state !== 'missing') notices.push({ kind: 'started-afresh', keptAs: [...keptAs] });
    }
  }

  if (source.from === 'seed') return { document: seeded(locale), notices, pendingAside, writeNow: true };

  const { candidate } = source;
  const raw = candidate.value;
  const version = fileVersion(raw);
  let body: Record<string, unknown> = raw;
  let aside: { bytes: Buffer; why: 'older-version' | 'invalid-version' | 'not-understood' } | undefined;
  const at = now.toISOString();
  const extra: QuarantinedEntry[] = [];
  switch (version.kind) {
    case 'older':
      body = migrate(raw, version.from);
      aside = { bytes: version.from === 1 ? keptV1(raw, candidate.bytes) : candidate.bytes, why: 'older-version' };
      break;
    case 'invalid':
      // Read as this version's, entry by entry; the odd version itself is quarantined with the rest.
      body = { ...raw, schemaVersion: STORE_SCHEMA_VERSION };
      extra.push({ where: 'schemaVersion', reason: 'not a version number this app knows', value: version.value ?? null, at });
      aside = { bytes: candidate.bytes, why: 'invalid-version' };
      break;
    case 'newer':
      body = { ...raw, schemaVersion: STORE_SCHEMA_VERSION };
      break;
    case 'current':
      break;
  }
  const loaded = loadEntries(body, at);
  const document: StoreDocument = { ...loaded.document, quarantine: [...loaded.document.quarantine, ...extra] };
  const quarantined = [...extra, ...loaded.quarantined];

  if (version.kind === 'newer') {
    // Never downgraded: the file stays exactly as the newer version wrote it; this run saves nothing.
    notices.push({ kind: 'newer-version', version: version.version });
    return { document, notices, pendingAside, newerVersion: version.version, writeNow: false };
  }
  if (!aside && !holdsAllOf(document, raw)) aside = { bytes: candidate.bytes, why: 'not-understood' };
  if (aside) {
    const { bytes, why } = aside;
    const label = why === 'older-version' ? `v${version.kind === 'older' ? version.from : '?'}` : why;
    const path = keepAside(() => copyAside(bytes, dir, label, now));
    if (path) notices.push({ kind: 'kept-aside', keptAs: path, why });
  }
  if (quarantined.length) notices.push({ kind: 'quarantined', entries: quarantined });
  return { document, notices, pendingAside, writeNow: source.from !== 'main' || Boolean(aside) };
}
