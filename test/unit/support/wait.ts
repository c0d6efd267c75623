import { vi } from 'vitest';

/**
 * vi.waitFor with the suite's hang bound. vi.waitFor's own default gives up after one second, which is a hang bound
 * on an idle machine only: under `npm test` this suite shares two cores with Chromium and the checks, and a stand-in
 * app that starts its tray in 200 ms alone can take seconds. Like `expect.poll` (vitest.config.ts), this waits for
 * something that happens; only a hang reaches the bound, which asserts no duration. ESLint refuses vi.waitFor in
 * test/unit so that a new wait gets the same bound.
 */
export const HANG_BOUND_MS = 10_000;

export function waitFor<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: HANG_BOUND_MS, interval: 20 });
}
