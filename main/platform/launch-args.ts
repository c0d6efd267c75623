import { z } from 'zod';

/**
 * The command line the app understands, from a first launch or forwarded by a second one:
 *   --start=<preset id or name>     start that preset (the form every launcher uses: one argument)
 *   --start <preset id or name>     the same, as people type it
 *   --start-default                 start the default preset
 *   --hidden                        launched at login: no window
 * OS launchers use these: Windows jump-list tasks, the macOS dock menu, Linux .desktop actions.
 */
export const LaunchArgs = z.object({
  start: z.union([z.strictObject({ preset: z.string().min(1).max(200) }), z.strictObject({ default: z.literal(true) })]).optional(),
  hidden: z.boolean(),
});
export type LaunchArgs = z.infer<typeof LaunchArgs>;

/**
 * A launch's arguments. A second launch's argv reaches the first instance reordered and extended:
 * Chromium puts switches first and positional values last, and adds switches of its own (app.md,
 * 'second-instance'; electron#20322, #32933). So a bare `--start` followed by a switch takes the last
 * positional value instead, the one it was separated from; the first `skip` positional values (the
 * executable, and in development the app's folder) are never a preset.
 */
export function parseLaunchArgs(argv: readonly string[], skip = 1): LaunchArgs {
  const args: LaunchArgs = { hidden: false };
  const positional = argv.filter((arg) => !arg.startsWith('-')).slice(skip);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--hidden') args.hidden = true;
    else if (arg === '--start-default') args.start = { default: true };
    else if (arg.startsWith('--start=')) {
      const value = arg.slice('--start='.length).trim();
      if (value) args.start = { preset: value };
    } else if (arg === '--start') {
      const next = argv[i + 1];
      const value = next !== undefined && !next.startsWith('-') ? next : positional.at(-1);
      if (value?.trim()) args.start = { preset: value.trim() };
      if (value === next) i++;
    }
  }
  return args;
}

/**
 * What a second launch asked for: the launch it parsed itself and sent as the single-instance lock's
 * additional data (exact, whatever became of its argv on the way), or else its argv as delivered.
 */
export function forwardedLaunch(argv: readonly string[], additionalData: unknown, skip = 1): LaunchArgs {
  const sent = z.object({ launch: LaunchArgs }).safeParse(additionalData);
  return sent.success ? sent.data.launch : parseLaunchArgs(argv, skip);
}

/** Finds the preset a `--start` names: its id first, then its exact name, then a name ignoring case. */
export function resolvePreset<P extends { id: string; name: string }>(presets: readonly P[], wanted: string): P | undefined {
  return (
    presets.find((p) => p.id === wanted) ??
    presets.find((p) => p.name === wanted) ??
    presets.find((p) => p.name.toLowerCase() === wanted.toLowerCase())
  );
}
