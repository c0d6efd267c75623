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

  return {
    state: () => ({ presets: store.presets(), defaultPresetId: store.defaultPresetId() }),
    ipc: {
      savePreset: (input) => {
        const id = input.id ?? undefined;
        return guard.presetEdit(id, !id || !store.preset(id)) ?? presets.save(input);
      },
      deletePreset: (request) => guard.presetEdit(request.id, false) ?? presets.remove(request),
      restorePreset: (request) => guard.presetEdit(request.preset.id, true) ?? presets.restore(request),
      // Nothing moves above the company presets: they stay first.
      movePreset: (request) =>
        guard.presetEdit(request.id, false) ??
        presets.move({ id: request.id, toIndex: Math.max(request.toIndex, ctx.policy.current().companyPresets.length) }),
      duplicatePreset: (request) => guard.presetEdit(undefined, true) ?? presets.duplicate(request),
      setDefaultPreset: presets.setDefault,
      exportPresets: () => presets.export(),
      importPresets: () => guard.presetImport() ?? presets.import(),
    },
  } satisfies Feature<'presets' | 'defaultPresetId'>;
}
