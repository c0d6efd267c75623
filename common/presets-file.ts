import { z } from 'zod';

/** The file presets are exported to and imported from. */
export const PRESETS_FILE_FORMAT = 'umeet-tray-presets';

export const PresetsFile = z.object({
  format: z.literal(PRESETS_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  /** Validated one by one on import, so one bad entry does not sink the others. */
  presets: z.array(z.unknown()),
});
