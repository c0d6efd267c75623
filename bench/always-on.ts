// `out/tools/always-on.js <mode>`: what the app costs when it is not being used, and whether it grows
// with use, measured through the real composition root (out/main/index.js) with the one Electron
// stand-in (test/stand-in/electron.ts, through bench/stand-in-loader.mjs) against the sandbox. `npm run
// bench` starts one fresh process per mode, with --expose-gc, and reads the `RESULT` line it prints:
// - idle: after a click whose meeting is then ended, a simulated hour (fake timers): timers fired, timers
//   pending, sockets open;
// - idle-real: the same settled app watched for real seconds: its active handles;
// - soak: thousands of clicks across five presets, with window open/close cycles and IPC calls between
//   them: heap after a forced GC early and late, handles before and after, store and log sizes;
// - startup: resident memory and heap once the tray shows.
import FakeTimers from '@sinonjs/fake-timers';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as StandIn from '../test/stand-in/electron.js';
import { round } from './stats.js';

type Mode = 'idle' | 'idle-real' | 'soak' | 'startup';
const mode = process.argv[2] as Mode;
const mainEntry = process.argv[3];
const sandboxUrl = process.argv[4];
if (!mainEntry || !sandboxUrl || !['idle', 'idle-real', 'soak', 'startup'].includes(mode))
  throw new Error('usage: always-on.js <mode> <out/main/index.js> <sandbox URL>');

// Timers: faked for the simulated hour, before anything else is loaded, so that every timer the app,
// undici and the stand-in make is one of them; each callback that runs is counted.
let fired = 0;
/** A real wait, whatever the timers: taken before they are faked. */
const realSetTimeout = globalThis.setTimeout;
const realSleep = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));
const clock =
  mode === 'idle'
    ? FakeTimers.install({
        toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
        shouldAdvanceTime: true,
        advanceTimeDelta: 5,
      })
    : undefined;
if (clock) {
  const counted =
    <T extends (callback: (...args: unknown[]) => void, ms?: number, ...rest: unknown[]) => unknown>(original: T) =>
    (callback: (...args: unknown[]) => void, ms?: number, ...rest: unknown[]) =>
      original(
        (...args: unknown[]) => {
          fired += 1;
          callback(...args);
        },
        ms,
        ...rest,
      );
  globalThis.setTimeout = counted(globalThis.setTimeout as never) as unknown as typeof setTimeout;
  globalThis.setInterval = counted(globalThis.setInterval as never) as unknown as typeof setInterval;
}

/**
 * Simulated time, a second at a time, with a moment of real time after each: a request a timer starts
 * (a status refresh) gets its real answer before its simulated deadline passes, as it would in life.
 */
async function advance(ms: number): Promise<void> {
  if (!clock) throw new Error('no fake clock');
  for (let passed = 0; passed < ms; passed += 1000) {
    await clock.tickAsync(Math.min(1000, ms - passed));
    await realSleep(1);
  }
}

const MB = 1024 * 1024;
const fromApp = { senderFrame: { url: 'app://umeet/index.html', parent: null } };
const gc = () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc');
  collect();
  collect();
};
/** Real time passing, whatever the timers: the event loop's own turns. */
const turn = () => new Promise((resolve) => setImmediate(resolve));
async function until(what: string, condition: () => boolean, turns = 200_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return;
    await turn();
    if (i % 1000 === 999) await new Promise((resolve) => (clock ? clock.tickAsync(10).then(resolve) : setTimeout(resolve, 5)));
  }
  throw new Error(`always-on ${mode}: timed out waiting for ${what}`);
}
/** The process's live resources by kind (the sandbox runs in a process of its own: every socket here is the app's). */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}
const openSockets = () => resources().TCPSocketWrap ?? 0;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

// The sandbox runs in a process of its own (bench/run.ts starts it): its memory, its bookkeeping of every
// meeting and request, and its sockets are not counted as the app's.
const sandbox = { url: sandboxUrl, credentials: { apiKey: 'demo-key-1a2b', apiSecret: 'demo-secret-5f3c9e7d1b' } };
const { control } = (await import('electron')) as unknown as typeof StandIn;
control.paths.userData = mkdtempSync(join(tmpdir(), 'umeet-bench-always-on-'));
control.languages = ['en-US'];
await import(mainEntry);
await until('the tray', () => control.trays.length > 0);
const afterTray = process.memoryUsage();

type Answer = { ok: boolean; value?: unknown; error?: { message: string } };
async function ipc(channel: string, payload?: unknown): Promise<Answer> {
  await until(`IPC ${channel}`, () => control.ipc.has(`umeet:${channel}`));
  return (await control.ipc.get(`umeet:${channel}`)!(fromApp, payload)) as Answer;
}
await ipc('updateSettings', { apiBaseUrl: sandbox.url });
await ipc('saveCredentials', { ...sandbox.credentials, check: false });

/** A click on a preset in the tray, to the link being opened. */
async function click(presetId: string): Promise<void> {
  // What the stand-in records (links, notifications, the clipboard) is the test's memory, not the app's: let it go.
  control.opened.length = 0;
  control.notifications.length = 0;
  control.clipboard.length = 0;
  const opened = control.opened.length;
  const item = control.menu().find((entry) => entry.id === `preset:${presetId}`);
  if (!item?.click) throw new Error(`no tray item for ${presetId}`);
  item.click();
  await until('the link to open', () => control.opened.length > opened);
}
const recent = async () => ((await ipc('snapshot')).value as { recent: { meetingId: string; state: string }[] }).recent;
async function endAll(): Promise<void> {
  for (const meeting of await recent())
    if (meeting.state !== 'ended') await ipc('run', { type: 'end-meeting', meetingId: meeting.meetingId });
}
const settled = () => until('the connections to close', () => openSockets() === 0, 2_000_000);

let result: Record<string, unknown>;
if (mode === 'startup') {
  result = { rss_mb: round(afterTray.rss / MB, 1), heap_used_mb: round(afterTray.heapUsed / MB, 1) };
} else if (mode === 'idle' && clock) {
  await click('quick-meeting');
  // While a meeting can still change, its status is asked now and then: the count sees those wakeups.
  const watching = fired;
  await advance(10 * 60_000);
  const whileWatching = fired - watching;
  await endAll();
  // Everything settles: the store's write, the connection idle past the server's keep-alive.
  await advance(120_000);
  await settled();
  const before = fired;
  await advance(3_600_000);
  result = {
    wakeups_per_hour: fired - before,
    pending_timers: clock.countTimers(),
    open_sockets: openSockets(),
    wakeups_in_10_min_while_a_meeting_is_watched: whileWatching,
  };
} else if (mode === 'idle-real') {
  await click('quick-meeting');
  await endAll();
  await settled();
  const seconds = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
  const start = resources();
  let most = total(start);
  for (let s = 0; s < seconds; s++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    most = Math.max(most, total(resources()));
  }
  result = { seconds, resources_at_start: start, resources_at_end: resources(), most_resources: most };
} else {
  // Soak: five presets, clicked in turn.
  const presets = ['quick-meeting'];
  for (let i = 1; i < 5; i++) {
    const saved = await ipc('savePreset', {
      name: `Soak ${i}`,
      topic: `Soak ${i} {time}`,
      capacity: 25,
      afterCreate: { open: 'join', copy: 'join-link' },
    });
    presets.push((saved.value as { id: string }).id);
  }
  const clicks = Number(process.env.BENCH_SOAK_CLICKS ?? 2000);
  await click(presets[0]!);
  await endAll();
  await settled();
  gc();
  const handlesBefore = resources();
  let heapEarly = 0;
  for (let i = 1; i <= clicks; i++) {
    await click(presets[i % presets.length]!);
    // Between clicks, what the window does: read the state, keep its own.
    await ipc('snapshot');
    // Every tenth click, the window opened and closed; every other time it is let go at once.
    if (i % 10 === 0) {
      await ipc('updateSettings', { keepClosedWindowMinutes: i % 20 === 0 ? 0 : 5 });
      const item = control.menu().find((entry) => entry.id === 'open-window');
      item?.click?.();
      const window = control.windows.at(-1);
      await ipc('windowState', { ui: { section: 'presets', drafts: {}, view: { 'scroll:presets': i } } });
      if (window && !window.isDestroyed()) window.close();
      // The stand-in's list of windows ever made: the destroyed ones are the test's memory, not the app's.
      await turn();
      control.windows.splice(0, control.windows.length, ...control.windows.filter((w) => !w.isDestroyed()));
    }
    if (i === Math.min(200, clicks)) {
      await turn();
      gc();
      heapEarly = process.memoryUsage().heapUsed;
    }
  }
  await endAll();
  await settled();
  // The last window, let go at once.
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  const heapLate = process.memoryUsage().heapUsed;
  const handlesAfter = resources();
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  const logs = join(control.paths.userData, 'logs');
  let logBytes = 0;
  try {
    for (const file of readdirSync(logs)) logBytes += size(join(logs, file));
  } catch {
    // no log folder: nothing logged to a file
  }
  result = {
    clicks,
    window_cycles: Math.floor(clicks / 10),
    heap_at_200_mb: round(heapEarly / MB, 2),
    heap_at_end_mb: round(heapLate / MB, 2),
    heap_growth_mb: round((heapLate - heapEarly) / MB, 2),
    handles_before: handlesBefore,
    handles_after: handlesAfter,
    handles_leaked: Math.max(0, total(handlesAfter) - total(handlesBefore)),
    windows_alive: control.windows.filter((w) => !w.isDestroyed()).length,
    store_file_bytes: size(join(control.paths.userData, 'umeet-tray.json')),
    log_bytes: logBytes,
  };
}

process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
process.exit(0);
