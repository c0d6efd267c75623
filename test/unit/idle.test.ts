import { describe, expect, it } from 'vitest';
import type { Timers } from '../../main/ports.js';
import { appUnderTest, fromAppWindow } from './support/app-under-test.js';
import { useSandbox } from './support/sandbox.js';

// Idle means idle: once nothing can change, the app holds no timer of its own. Status refresh is the
// only timer that outlives a click; it runs while a meeting can still change, and stops with it.
const sandbox = useSandbox({ licence: { 10: 50 } });

/** The app's Timers port, counting what is pending, and every delay asked for. */
function countingTimers() {
  const pending = new Set<unknown>();
  const delays: number[] = [];
  const timers: Timers = {
    setTimeout(callback, ms) {
      delays.push(ms);
      const handle = setTimeout(() => {
        pending.delete(handle);
        callback();
      }, ms);
      pending.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      pending.delete(handle);
      clearTimeout(handle as NodeJS.Timeout);
    },
  };
  return { timers, pending, delays };
}

/** A Timers port whose timers fire only when the test says so: what is pending is then certain, however loaded the machine. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    setTimeout(callback) {
      pending.set(++next, callback);
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  const fireAll = () => {
    const due = [...pending.values()];
    pending.clear();
    for (const callback of due) callback();
  };
  return { timers, pending, fireAll };
}

describe('once nothing can change', () => {
  it('no timer is pending after the last watched meeting has ended, whether the user or the service ended it', async () => {
    const { timers, pending, fireAll } = manualTimers();
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true, ports: { timers } });
    const start = () => app.listeners.run(fromAppWindow, { type: 'start', presetId: 'quick-meeting' });
    await start();
    await start();
    const [newer, older] = app.state().recent;
    // Two meetings that can still change: one timer each.
    expect(pending.size).toBe(2);

    // The user ends one (the tray's "End meeting…", confirmed)…
    expect(await app.run({ type: 'end-meeting', meetingId: newer!.meetingId })).toMatchObject({ ok: true });
    expect(pending.size).toBe(1);
    // …and the service ends the other; the next refresh sees it, and stops.
    sandbox().state.end(older!.meetingId);
    fireAll();
    await expect.poll(() => app.state().recent.find((m) => m.meetingId === older!.meetingId)?.state).toBe('ended');
    expect(pending.size).toBe(0);
    await app.close();
  });

  it('a meeting that does not change is asked about less and less often (it was asked every first delay, for ever)', async () => {
    const { timers, delays } = countingTimers();
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true, ports: { timers, refreshDelaysMs: [20, 40, 80] } });
    await app.listeners.run(fromAppWindow, { type: 'start', presetId: 'quick-meeting' });
    await expect.poll(() => delays.length).toBeGreaterThanOrEqual(5);
    expect(delays.slice(0, 5)).toEqual([20, 40, 80, 80, 80]);
    await app.run({ type: 'end-meeting', meetingId: app.state().recent[0]!.meetingId });
    await app.close();
  });

  it('a meeting that falls off the recent list (it keeps ten) is no longer watched', async () => {
    const { timers, pending } = countingTimers();
    const app = await appUnderTest({ sandbox: sandbox(), credentials: true, ports: { timers } });
    for (let i = 0; i < 14; i++) await app.listeners.run(fromAppWindow, { type: 'start', presetId: 'quick-meeting' });
    expect(app.state().recent).toHaveLength(10);
    expect(pending.size).toBe(10);
    for (const meeting of app.state().recent) await app.run({ type: 'end-meeting', meetingId: meeting.meetingId });
    expect(pending.size).toBe(0);
    await app.close();
  });

  it('a restart with no meeting that can change starts no timer', async () => {
    const { timers, pending } = countingTimers();
    const first = await appUnderTest({ sandbox: sandbox(), credentials: true });
    await first.listeners.run(fromAppWindow, { type: 'start', presetId: 'quick-meeting' });
    await first.run({ type: 'end-meeting', meetingId: first.state().recent[0]!.meetingId });
    await first.close();
    const again = await appUnderTest({ sandbox: sandbox(), dir: first.dir, ports: { timers } });
    again.begin();
    expect(pending.size).toBe(0);
    await again.close();
  });
});
