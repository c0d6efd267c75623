import type { Preset } from '../../common/preset.js';
import { createPresetActions } from '../store/preset-actions.js';
import type { Confirm, FileDialogs } from '../ports.js';
import type { AppContext, Feature } from './feature.js';

/**
 * The presets: the window's edits (save, delete and undo, move, duplicate, the default), import and export.
 * Company presets are read-only whoever asks, and adding or importing presets only where the policy allows.
 */
export function presetsFeature(ctx: AppContext, deps: { files: FileDialogs; confirm: Confirm }) {
  const { store, guard } = ctx;
  const presets = createPresetActions({ store, files: deps.files, confirm: deps.confirm, t: ctx.t, now: ctx.now });

  // The user's own presets deleted in this run: undoing one of those adds nothing new, so it is allowed even where the
  // policy forbids adding presets (allowUserPresets: false). Restored as they were deleted, whatever the window sends.
  const deleted = new Map<string, Preset>();
  const own = () => {
    const company = new Set(ctx.policy.current().companyPresets.map((p) => p.id));
    return store.presets().filter((p) => !company.has(p.id));
  };

  return {
    state: () => ({ presets: store.presets(), defaultPresetId: store.defaultPresetId() }),
    ipc: {
      savePreset: (input) => {
        const id = input.id ?? undefined;
        return guard.presetEdit(id, !id || !store.preset(id)) ?? presets.save(input);
      },
      deletePreset: async (request) => {
        const refused = guard.presetEdit(request.id, false);
        if (refused) return refused;
        const removed = await presets.remove(request);
        if (removed.ok) deleted.set(removed.value.preset.id, removed.value.preset);
        return removed;
      },
      restorePreset: (request) => {
        const undone = deleted.get(request.preset.id);
        const refused = guard.presetEdit(request.preset.id, !undone);
        if (refused) return refused;
        deleted.delete(request.preset.id);
        return presets.restore(undone ? { ...request, preset: undone } : request);
      },
      // Nothing moves above the company presets: they stay first.
      movePreset: (request) =>
        guard.presetEdit(request.id, false) ??
        presets.move({ id: request.id, toIndex: Math.max(request.toIndex, ctx.policy.current().companyPresets.length) }),
      duplicatePreset: (request) => guard.presetEdit(undefined, true) ?? presets.duplicate(request),
      setDefaultPreset: presets.setDefault,
      // Company presets are left out: they come from the policy wherever the file is imported.
      exportPresets: () => presets.export(own),
      importPresets: () => guard.presetImport() ?? presets.import(),
    },
  } satisfies Feature<'presets' | 'defaultPresetId'>;
}
