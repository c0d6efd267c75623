/**
 * The command line the app understands, from a first launch or forwarded by a second one:
 *   --start "<preset name or id>"   start that preset (also --start=<…>)
 *   --start-default                 start the default preset
 *   --hidden                        launched at login: no window
 * OS launchers use these: Windows jump-list tasks, the macOS dock menu, Linux .desktop actions.
 */
export interface LaunchArgs {
  start?: { preset: string } | { default: true };
  hidden: boolean;
}

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const args: LaunchArgs = { hidden: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--hidden') args.hidden = true;
    else if (arg === '--start-default') args.start = { default: true };
    else if (arg.startsWith('--start=')) {
      const value = arg.slice('--start='.length).trim();
      if (value) args.start = { preset: value };
    } else if (arg === '--start') {
      const value = argv[i + 1];
      if (value !== undefined && !value.startsWith('--') && value.trim()) {
        args.start = { preset: value.trim() };
        i++;
      }
    }
  }
  return args;
}

/** Finds the preset a `--start` names: its id first, then its exact name, then a name ignoring case. */
export function resolvePreset<P extends { id: string; name: string }>(presets: readonly P[], wanted: string): P | undefined {
  return (
    presets.find((p) => p.id === wanted) ??
    presets.find((p) => p.name === wanted) ??
    presets.find((p) => p.name.toLowerCase() === wanted.toLowerCase())
  );
}
