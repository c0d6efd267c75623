import { randomUUID } from 'node:crypto';
import { COMPANY_PRESET_PREFIX } from '../../common/policy.js';
import { MAX_PRESETS, Preset } from '../../common/preset.js';
import { checkedParse, type Checked, type FieldError } from '../../common/result.js';
import type { Licence } from '../../common/umeet-api.js';
import { refitSeededPreset } from './seed.js';
import type { StoreWriter } from './store-writer.js';

const tooMany: { ok: false; fields: FieldError[] } = {
  ok: false,
  fields: [{ field: 'presets', message: `at most ${MAX_PRESETS} presets` }],
};

/** The presets in the store: each change checked by the schema (common/preset.ts), at most MAX_PRESETS. */
export function presetsOf(writer: Pick<StoreWriter, 'state' | 'change'>) {
  const { change } = writer;
  return {
    presets: (): readonly Preset[] => writer.state().presets,
    preset: (id: string): Preset | undefined => writer.state().presets.find((p) => p.id === id),
    defaultPresetId: (): string | undefined => writer.state().defaultPresetId,

    /** Adds a preset (no id, or an unknown one) or replaces the one with its id. Invalid input changes nothing. */
    savePreset(input: unknown): Checked<Preset> {
      // A new preset has no id, or `id: undefined` (which survives IPC's structured clone): it gets one.
      const candidate =
        typeof input === 'object' && input !== null ? { ...input, id: (input as { id?: unknown }).id ?? randomUUID().slice(0, 8) } : input;
      const parsed = checkedParse(Preset, candidate);
      if (!parsed.ok) return parsed;
      const preset = parsed.value;
      const index = writer.state().presets.findIndex((p) => p.id === preset.id);
      if (index < 0 && writer.state().presets.length >= MAX_PRESETS) return tooMany;
      const presets = index < 0 ? [...writer.state().presets, preset] : writer.state().presets.map((p, i) => (i === index ? preset : p));
      change({ ...writer.state(), presets });
      return { ok: true, value: preset };
    },

    deletePreset(id: string): Preset | undefined {
      const removed = writer.state().presets.find((p) => p.id === id);
      if (!removed) return undefined;
      const presets = writer.state().presets.filter((p) => p.id !== id);
      const { defaultPresetId, ...rest } = writer.state();
      change({ ...rest, presets, ...(defaultPresetId && defaultPresetId !== id ? { defaultPresetId } : {}) });
      return removed;
    },

    /** Puts a preset back at the position it had (undo of a delete). */
    restorePreset(preset: Preset, index: number): Checked<Preset> {
      const parsed = checkedParse(Preset, preset);
      if (!parsed.ok) return parsed;
      if (writer.state().presets.some((p) => p.id === preset.id))
        return { ok: false, fields: [{ field: 'id', message: 'already exists' }] };
      if (writer.state().presets.length >= MAX_PRESETS) return tooMany;
      const presets = [...writer.state().presets];
      presets.splice(Math.max(0, Math.min(index, presets.length)), 0, parsed.value);
      change({ ...writer.state(), presets });
      return parsed;
    },

    /** Moves a preset to `toIndex` in the user's order. */
    movePreset(id: string, toIndex: number): boolean {
      const from = writer.state().presets.findIndex((p) => p.id === id);
      if (from < 0) return false;
      const presets = [...writer.state().presets];
      const [moved] = presets.splice(from, 1);
      presets.splice(Math.max(0, Math.min(toIndex, presets.length)), 0, moved!);
      change({ ...writer.state(), presets });
      return true;
    },

    /** The default: one of the user's presets, or a company preset (`org-…`: the policed store checks it is one in force). */
    setDefaultPreset(id: string | undefined): boolean {
      if (id !== undefined && !id.startsWith(COMPANY_PRESET_PREFIX) && !writer.state().presets.some((p) => p.id === id)) return false;
      const { defaultPresetId: _old, ...rest } = writer.state();
      change({ ...rest, ...(id ? { defaultPresetId: id } : {}) });
      return true;
    },

    /** Adds presets that were already validated and de-duplicated (see presets-io.ts), as many as fit. */
    appendPresets(added: readonly Preset[]): Preset[] {
      const fitting = added.slice(0, Math.max(0, MAX_PRESETS - writer.state().presets.length));
      if (fitting.length) change({ ...writer.state(), presets: [...writer.state().presets, ...fitting] });
      return fitting;
    },

    /** Fits the first-run preset to the licence's smallest room, if the user never touched it. */
    adoptLicence(licence: Licence): void {
      const presets = writer.state().presets.map((p) => refitSeededPreset(p, licence) ?? p);
      if (presets.some((p, i) => p !== writer.state().presets[i])) change({ ...writer.state(), presets });
    },
  };
}
