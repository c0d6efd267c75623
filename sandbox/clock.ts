/**
 * The sandbox's clock: real time, optionally sped up, plus manual jumps, so tests can watch a
 * meeting be released 30 minutes after it starts without waiting 30 minutes. It may start at a
 * moment of the test's choosing (`startAt`) and run on from there: a test that books fixed dates
 * then passes whatever day it runs.
 */
export function createSandboxClock(speed = 1, now: () => number = Date.now, startAt?: number) {
  const origin = now();
  let offset = startAt === undefined ? 0 : startAt - origin;
  return {
    now: () => origin + (now() - origin) * speed + offset,
    advance(ms: number) {
      offset += ms;
    },
  };
}
export type SandboxClock = ReturnType<typeof createSandboxClock>;
