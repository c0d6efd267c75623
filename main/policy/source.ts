import type { RawPolicy } from '../../common/policy.js';

/**
 * The one port the OS's policy readers sit behind (linux-file.ts, macos-plist.ts, windows-registry.ts;
 * chosen by select-source.ts). `read` never throws: what it cannot read is a problem in the answer.
 */
export interface PolicySource {
  read(): Promise<RawPolicy>;
  /**
   * Calls back when what `read` returns may have changed (a file watched). Absent where the OS gives no
   * cheap notice (Windows): the app then reads again when the tray menu or the window opens.
   */
  watch?(onChange: () => void): () => void;
}

export const emptyRaw = (sources: string[] = []): RawPolicy => ({ sources, locked: {}, recommended: {}, problems: [] });

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A document read whole (the JSON file, a plist) split into its locked keys and its `Recommended` ones. */
export function splitDocument(document: Record<string, unknown>, source: string, problems: RawPolicy['problems']): RawPolicy {
  const { Recommended: recommended, ...locked } = document;
  if (recommended !== undefined && !isRecord(recommended)) {
    problems.push({ key: 'Recommended', reason: `${source}: expected a dictionary of defaults` });
  }
  return { sources: [source], locked, recommended: isRecord(recommended) ? recommended : {}, problems };
}

/** Two sources in order of strength: a key of the first wins over the same key of the second. */
export function combine(strong: RawPolicy, weak: RawPolicy): RawPolicy {
  return {
    sources: [...strong.sources, ...weak.sources],
    locked: { ...weak.locked, ...strong.locked },
    recommended: { ...weak.recommended, ...strong.recommended },
    problems: [...strong.problems, ...weak.problems],
  };
}
