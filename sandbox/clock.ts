/**
 * The sandbox's clock: real time, optionally sped up, plus manual jumps, so tests can watch a
 * meeting be released 30 minutes after it starts without waiting 30 minutes.
 */
export function createSandboxClock(speed = 1, now: () => number = Date.now) {
  const origin = now();
  let offset = 0;
  return {
    now: () => origin + (now() - origin) * speed + offset,
    advance(ms: number) {
      offset += ms;
    },
  };
}
export type SandboxClock = ReturnType<typeof createSandboxClock>;
