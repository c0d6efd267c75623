import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { storePathOf } from '../../main/store/store-file.js';
import { meetingsHarness } from './support/meetings-harness.js';
import { useSandbox } from './support/sandbox.js';
import { openTestStore, tempDir } from './support/temp-store.js';

/**
 * The store's write contract as the click sees it (docs/architecture.md, "The store"): the click does not wait for
 * the disk; what it recorded is written, atomically, on a later turn of the event loop, one write for every change
 * made in that turn; `flush()` (quit) writes at once. The files are real; the writes are only counted.
 */
const writes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../main/store/store-file.js', async (original) => {
  const real = await original<typeof import('../../main/store/store-file.js')>();
  return {
    ...real,
    writeStoreFiles: (...args: Parameters<typeof real.writeStoreFiles>) => {
      writes.count += 1;
      real.writeStoreFiles(...args);
    },
  };
});

const sandbox = useSandbox({ licence: { 10: 50 } });
const recentOnDisk = (dir: string): string[] =>
  (JSON.parse(readFileSync(storePathOf(dir), 'utf8')) as { recent: { meetingId: string }[] }).recent.map((m) => m.meetingId);

describe('the store write after a click', () => {
  it('comes after the click: the link is open before the meeting is written, and the file has it once the app settles', async () => {
    const h = await meetingsHarness(sandbox());
    await h.store.saved();
    const before = writes.count;
    const outcome = await h.meetings.start('quick-meeting');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(h.events.some((e) => e.type === 'open')).toBe(true);
    // The click resolved without touching the disk. A process killed right now (a crash, a power cut) loses the
    // Recent entry only: the meeting exists at the service and its link was opened and copied.
    expect(writes.count).toBe(before);
    expect(recentOnDisk(h.dir)).not.toContain(outcome.meeting.meetingId);
    await h.store.saved();
    expect(writes.count).toBe(before + 1);
    expect(recentOnDisk(h.dir)).toEqual([outcome.meeting.meetingId]);
    await h.close();
  });

  it('two meetings recorded in one turn (two quick clicks answered together): one write, both kept', async () => {
    const dir = tempDir();
    const store = openTestStore(dir, 'en');
    await store.saved();
    const before = writes.count;
    const meeting = (meetingId: string) => ({
      meetingId,
      topic: `Meeting ${meetingId}`,
      presetId: 'quick-meeting',
      createdAt: '2026-12-06T10:00:00.000Z',
      capacity: 10,
      state: 'waiting',
    });
    expect(store.addRecent(meeting('1000000001')).ok).toBe(true);
    expect(store.addRecent(meeting('1000000002')).ok).toBe(true);
    expect(writes.count).toBe(before);
    await store.saved();
    expect(writes.count).toBe(before + 1);
    expect(
      openTestStore(dir, 'en')
        .recent()
        .map((m) => m.meetingId),
    ).toEqual(['1000000002', '1000000001']);
  });

  it('flush (quit) writes what is pending at once, and the deferred write then has nothing left to do', async () => {
    const h = await meetingsHarness(sandbox());
    await h.store.saved();
    const before = writes.count;
    const outcome = await h.meetings.start('quick-meeting');
    if (!outcome.ok) throw new Error(outcome.message);
    expect(h.store.flush()).toBeUndefined();
    expect(writes.count).toBe(before + 1);
    expect(recentOnDisk(h.dir)).toEqual([outcome.meeting.meetingId]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes.count).toBe(before + 1);
    await h.close();
  });
});
