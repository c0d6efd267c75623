import type { Sandbox } from '../../../sandbox/server.js';

/**
 * Meetings the sandbox holds, for the usage calls (issue 31): created at `at` (the sandbox's clock moved
 * forward to it), joined by `people` (the first `phone` of them by telephone), ended after `minutes`.
 * Several at once hold several rooms. Calls must go forward in time.
 */
export function holdMeetings(
  sandbox: Sandbox,
  at: number,
  meetings: readonly { capacity?: number; minutes: number; people?: number; phone?: number }[],
): string[] {
  sandbox.clock.advance(Math.max(0, at - sandbox.clock.now()));
  const ids = meetings.map((m) => {
    const created = sandbox.state.create({ topic: 'held', meeting_capacity: String(m.capacity ?? 10), duration: String(m.minutes) });
    if (!created.ok) throw new Error(created.message);
    for (let i = 0; i < (m.people ?? 1); i++) sandbox.state.join(created.value.id, i < (m.phone ?? 0) ? { device: 'Phone' } : {});
    return created.value.id;
  });
  const byEnd = meetings.map((m, i) => ({ minutes: m.minutes, id: ids[i]! })).sort((a, b) => a.minutes - b.minutes);
  for (const { minutes, id } of byEnd) {
    sandbox.clock.advance(Math.max(0, at + minutes * 60_000 - sandbox.clock.now()));
    sandbox.state.end(id);
  }
  return ids;
}
