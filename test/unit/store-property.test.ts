import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Preset } from '../../common/preset.js';
import { STORE_SCHEMA_VERSION } from '../../common/store-document.js';
import { holdsAllOf } from '../../main/store/lossless.js';
import { backupPathOf, storePathOf } from '../../main/store/store-file.js';
import { openTestStore, tempDir } from './support/temp-store.js';

/**
 * The store under random damage, seeded and reproducible (FC_SEED overrides the seed, FC_RUNS the
 * count). Each case starts from valid main and backup documents, damages them (keys deleted or
 * retyped, unknown keys, other versions, a broken preset, truncated bytes, files swapped or
 * removed), opens the store and saves once. For every case:
 * - opening does not throw;
 * - every preset valid on its own in the file the store read is loaded or quarantined, verbatim;
 * - if what was loaded differs from that file, the file's bytes are kept aside;
 * - every file that existed before still exists with its bytes, or was replaced by a successful save
 *   of a document that holds everything it had (the backup: by a successful save).
 */
const SEED = Number(process.env.FC_SEED ?? 20261126);
const RUNS = Number(process.env.FC_RUNS ?? 600);

const preset = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9]{1,8}$/),
    name: fc.constantFrom('周会', '站会', 'Retro', 'Weekly sync', '面试 · 二面'),
    topic: fc.constantFrom('周会 {date}', 'Retro {date} {time}', 'Stand-up'),
    capacity: fc.integer({ min: 1, max: 500 }),
    duration: fc.option(fc.integer({ min: 31, max: 600 }), { nil: undefined }),
    muteOnEntry: fc.option(fc.boolean(), { nil: undefined }),
    recording: fc.option(fc.constantFrom('cloud', 'none'), { nil: undefined }),
    afterCreate: fc.record({ open: fc.constantFrom('start', 'join', 'none'), copy: fc.constantFrom('join-link', 'invitation', 'none') }),
  })
  .map((p) => JSON.parse(JSON.stringify(p)) as Record<string, unknown>);

const document = fc
  .record({
    settings: fc.record(
      { language: fc.constantFrom('system', 'zh-CN', 'en'), requestTimeoutMs: fc.integer({ min: 3000, max: 60000 }) },
      { requiredKeys: [] },
    ),
    presets: fc.uniqueArray(preset, { selector: (p) => p.id, maxLength: 5 }),
  })
  .map(({ settings, presets }) => ({
    schemaVersion: STORE_SCHEMA_VERSION,
    settings,
    presets,
    ...(presets[0] ? { defaultPresetId: presets[0].id } : {}),
    recent: [],
    quarantine: [],
  }));

const junk = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
const topKey = fc.constantFrom('schemaVersion', 'settings', 'presets', 'defaultPresetId', 'recent', 'quarantine');

type Damage =
  | { op: 'delete'; key: string }
  | { op: 'retype'; key: string; value: unknown }
  | { op: 'unknown-key'; key: string; value: unknown }
  | { op: 'version'; value: unknown }
  | { op: 'break-preset'; index: number; field: string; value: unknown };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  topKey.map((key) => ({ op: 'delete' as const, key })),
  fc.record({ key: topKey, value: junk }).map((d) => ({ op: 'retype' as const, ...d })),
  fc
    .record({ key: fc.constantFrom('calendars', 'theme', '__proto__x', 'updates'), value: junk })
    .map((d) => ({ op: 'unknown-key' as const, ...d })),
  fc
    .oneof(fc.integer({ min: -2, max: 9 }), fc.constantFrom(1.5, '2', 'two', null, true, STORE_SCHEMA_VERSION))
    .map((value) => ({ op: 'version' as const, value })),
  fc
    .record({ index: fc.nat(4), field: fc.constantFrom('id', 'name', 'capacity', 'duration', 'afterCreate', 'colour'), value: junk })
    .map((d) => ({ op: 'break-preset' as const, ...d })),
);

function apply(doc: Record<string, unknown>, changes: Damage[]): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(doc);
  for (const change of changes) {
    if (change.op === 'delete') delete out[change.key];
    else if (change.op === 'retype' || change.op === 'unknown-key') out[change.key] = change.value;
    else if (change.op === 'version') out.schemaVersion = change.value;
    else if (Array.isArray(out.presets) && out.presets.length) {
      const target = out.presets[change.index % out.presets.length];
      if (typeof target === 'object' && target !== null) (target as Record<string, unknown>)[change.field] = change.value;
    }
  }
  return out;
}

const fileText = fc.record({
  damage: fc.array(damage, { maxLength: 3 }),
  /** Cut the text at this fraction of its length (a crash mid-write), or leave it whole. */
  truncateAt: fc.option(fc.double({ min: 0, max: 0.99, noNaN: true }), { nil: undefined, freq: 4 }),
});

const scenario = fc.record({
  main: document,
  backup: document,
  mainChanges: fileText,
  backupChanges: fileText,
  files: fc.constantFrom('both', 'main-only', 'backup-only', 'swapped', 'none'),
});

const render = (doc: Record<string, unknown>, truncateAt: number | undefined) => {
  const text = JSON.stringify(doc, null, 2);
  return truncateAt === undefined ? text : text.slice(0, Math.floor(text.length * truncateAt));
};

const parseObject = (text: string | undefined): Record<string, unknown> | undefined => {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Does `needle` appear, deep-equal, anywhere inside `haystack`? */
const containsDeep = (haystack: unknown, needle: unknown): boolean =>
  holdsAllOf(haystack, needle) && holdsAllOf(needle, haystack)
    ? true
    : typeof haystack === 'object' && haystack !== null && Object.values(haystack).some((v) => containsDeep(v, needle));

describe('the store under random damage (property)', () => {
  it(`loses nothing in ${RUNS} seeded cases (seed ${SEED})`, () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const dir = tempDir();
        try {
          let mainText: string | undefined = render(apply(s.main, s.mainChanges.damage), s.mainChanges.truncateAt);
          let backupText: string | undefined = render(apply(s.backup, s.backupChanges.damage), s.backupChanges.truncateAt);
          if (s.files === 'swapped') [mainText, backupText] = [backupText, mainText];
          if (s.files === 'backup-only' || s.files === 'none') mainText = undefined;
          if (s.files === 'main-only' || s.files === 'none') backupText = undefined;
          if (mainText !== undefined) writeFileSync(storePathOf(dir), mainText);
          if (backupText !== undefined) writeFileSync(backupPathOf(dir), backupText);
          const before = new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

          const store = openTestStore(dir, 'en');
          const problem = store.flush();

          const after = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
          const keptAside = readdirSync(dir)
            .filter((name) => !/^umeet-tray(\.backup)?\.json$/.test(name))
            .map((name) => readFileSync(join(dir, name), 'utf8'));
          const mainNow = existsSync(storePathOf(dir)) ? readFileSync(storePathOf(dir), 'utf8') : undefined;

          // Which file did the store read? The main file if it is a JSON object, else the backup, else none.
          const mainDoc = parseObject(mainText);
          const backupDoc = parseObject(backupText);
          const read = mainDoc ?? backupDoc;
          const readText = mainDoc ? mainText : backupDoc ? backupText : undefined;
          const isV1 = read !== undefined && (!('schemaVersion' in read) || read.schemaVersion === 1);
          const newer =
            typeof read?.schemaVersion === 'number' && Number.isInteger(read.schemaVersion) && read.schemaVersion > STORE_SCHEMA_VERSION;

          if (read && !isV1) {
            // Every preset valid on its own is loaded or quarantined, verbatim.
            const raw = read.presets;
            const candidates = Array.isArray(raw) ? raw : [];
            for (const p of candidates) {
              const parsed = Preset.safeParse(p);
              if (!parsed.success || !holdsAllOf(p, parsed.data) || !holdsAllOf(parsed.data, p)) continue;
              const loaded = store.presets().some((q) => holdsAllOf(q, p) && holdsAllOf(p, q));
              expect(loaded || containsDeep(store.quarantine(), p), `preset ${JSON.stringify(p)}`).toBe(true);
            }
            if (raw !== undefined && raw !== null && !Array.isArray(raw) && !newer) {
              expect(store.quarantine().some((e) => e.where === 'presets')).toBe(true);
            }
            // What was loaded differs from the file: its bytes are kept aside (a newer version's file is never touched).
            if (!newer) {
              const document = JSON.parse(
                JSON.stringify({
                  schemaVersion: STORE_SCHEMA_VERSION,
                  settings: store.settings(),
                  presets: store.presets(),
                  defaultPresetId: store.defaultPresetId(),
                  recent: store.recent(),
                  quarantine: store.quarantine(),
                }),
              );
              if (!holdsAllOf(document, read)) expect(keptAside).toContain(readText);
            }
          }
          if (read && isV1) expect(keptAside).toContain(readText);

          // Nothing that was there is gone or changed, except by a successful save that holds all it had.
          for (const [name, bytes] of before) {
            if (after.includes(bytes)) continue;
            expect(problem, `${name} changed although the save failed`).toBeUndefined();
            if (name === 'umeet-tray.json') {
              const old = parseObject(bytes);
              expect(old !== undefined && mainNow !== undefined && holdsAllOf(JSON.parse(mainNow), old), `${name}'s bytes are gone`).toBe(
                true,
              );
            } else {
              expect(name, 'only the backup may be replaced by a save').toBe('umeet-tray.backup.json');
              expect(readFileSync(backupPathOf(dir), 'utf8')).toBe(mainNow);
            }
          }
          if (newer) {
            // The newer version's file stays where it was, as it was.
            const path = mainDoc ? storePathOf(dir) : backupPathOf(dir);
            expect(readFileSync(path, 'utf8')).toBe(readText);
            expect(problem).toMatchObject({ kind: 'newer-version' });
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // A bound on a hang: some 5 s alone, over 60 beside the renderer suite under npm test on a loaded machine.
  }, 180_000);
});
