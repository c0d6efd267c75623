/**
 * Whether a loaded document still holds everything a file had: every key of `raw` is in `loaded`
 * with an equal value (objects compared key by key, lists item by item). `loaded` may have more
 * (defaults filled in). When this is false, loading lost or changed something — a wrong shape, an
 * unknown key, a quarantined entry, a trimmed string — and the file's bytes must be kept aside
 * before the store writes over them.
 */
export function holdsAllOf(loaded: unknown, raw: unknown): boolean {
  if (Array.isArray(raw)) {
    return Array.isArray(loaded) && loaded.length === raw.length && raw.every((item, i) => holdsAllOf(loaded[i], item));
  }
  if (typeof raw === 'object' && raw !== null) {
    if (typeof loaded !== 'object' || loaded === null || Array.isArray(loaded)) return false;
    const target = loaded as Record<string, unknown>;
    return Object.entries(raw).every(([key, value]) => Object.hasOwn(target, key) && holdsAllOf(target[key], value));
  }
  return Object.is(loaded, raw) || (typeof raw === 'number' && loaded === raw);
}
