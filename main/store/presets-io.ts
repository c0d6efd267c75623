import { randomUUID } from 'node:crypto';
import { Preset, PRESET_NAME_MAX } from '../../common/preset.js';
import { PRESETS_FILE_FORMAT, PresetsFile } from '../../common/presets-file.js';
import { issueText } from '../../common/result.js';

/** The export: every preset, in the user's order, in a small versioned envelope. */
export function exportPresets(presets: readonly Preset[], now: Date): string {
  return `${JSON.stringify({ format: PRESETS_FILE_FORMAT, version: 1, exportedAt: now.toISOString(), presets }, null, 2)}\n`;
}

export interface ImportPlan {
  /** Ready to append: validated, with fresh ids, names made unique. */
  toAdd: Preset[];
  /** Names that clashed and what they became. */
  renamed: { from: string; to: string }[];
  /** Entries that failed validation, with the reason; they are not imported. */
  invalid: { index: number; reason: string }[];
}

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; reason: 'not-json' | 'not-a-presets-file' };

export function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${[...name].slice(0, PRESET_NAME_MAX - suffix.length).join('')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Reads an exported file and plans the import. Nothing is applied here: the caller shows the
 * plan and asks for confirmation, then appends `toAdd`. Imports only ever add presets; nothing
 * existing is replaced. Ids are always fresh, so an import can never overwrite a preset by id.
 */
export function planImport(existing: readonly Preset[], text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const file = PresetsFile.safeParse(json);
  if (!file.success) return { ok: false, reason: 'not-a-presets-file' };

  const taken = new Set(existing.map((p) => p.name));
  const plan: ImportPlan = { toAdd: [], renamed: [], invalid: [] };
  file.data.presets.forEach((entry, index) => {
    const parsed = Preset.safeParse({ ...(typeof entry === 'object' && entry ? entry : {}), id: randomUUID().slice(0, 8) });
    if (!parsed.success) {
      plan.invalid.push({ index, reason: issueText(parsed.error) });
      return;
    }
    const name = uniqueName(parsed.data.name, taken);
    if (name !== parsed.data.name) plan.renamed.push({ from: parsed.data.name, to: name });
    taken.add(name);
    plan.toAdd.push({ ...parsed.data, name });
  });
  return { ok: true, plan };
}
