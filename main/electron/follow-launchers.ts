import type { Preset } from '../../common/preset.js';
import { updateLaunchers } from './os-integration.js';

/** The OS launchers made again when the presets change (the store hands out the same list while it is unchanged). */
export function followPresetLaunchers(presets: () => readonly Preset[], start: (presetId: string) => void): () => void {
  let shown: readonly Preset[] | undefined;
  return () => {
    if (presets() === shown) return;
    shown = presets();
    updateLaunchers(shown, start);
  };
}
