import type { Licence } from '../../common/umeet-api.js';

/**
 * The licence as last read from the service (at start-up, and on "Verify"), kept in memory:
 * it drives the capacity choices and the seed preset's size, and is cheap to read again.
 */
export function createLicenceCache() {
  let current: Licence | undefined;
  const listeners = new Set<() => void>();
  return {
    current: () => current,
    remember(licence: Licence): void {
      current = licence;
      listeners.forEach((listener) => listener());
    },
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type LicenceCache = ReturnType<typeof createLicenceCache>;
