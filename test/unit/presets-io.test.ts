import { describe, expect, it } from 'vitest';
import type { Preset } from '../../common/preset.js';
import { exportPresets, planImport } from '../../main/store/presets-io.js';
import { openTestStore, tempDir } from './support/temp-store.js';

const preset = (name: string, extra: Partial<Preset> = {}): Preset => ({
  id: name.replace(/\W/g, '') || 'x',
  name,
  topic: `${name} {date}`,
  capacity: 25,
  afterCreate: { open: 'start', copy: 'invitation' },
  ...extra,
});

describe('presets import and export', () => {
  it('round-trips an export into another store, adding with fresh ids and unique names', () => {
    const source = [preset('Weekly', { duration: 60, muteOnEntry: true }), preset('快速会议')];
    const text = exportPresets(source, new Date('2026-11-25T00:00:00Z'));
    const target = openTestStore(tempDir(), 'zh-CN'); // already has 快速会议 (the seed)
    const result = planImport(target.presets(), text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.invalid).toEqual([]);
    expect(result.plan.renamed).toEqual([{ from: '快速会议', to: '快速会议 (2)' }]);
    expect(result.plan.toAdd.map((p) => p.name)).toEqual(['Weekly', '快速会议 (2)']);
    expect(result.plan.toAdd[0]).toMatchObject({ duration: 60, muteOnEntry: true, capacity: 25 });
    expect(result.plan.toAdd.every((p) => !source.some((s) => s.id === p.id))).toBe(true);

    // Nothing changes until the caller applies the plan (after the user confirmed it).
    expect(target.presets()).toHaveLength(1);
    target.appendPresets(result.plan.toAdd);
    expect(target.presets().map((p) => p.name)).toEqual(['快速会议', 'Weekly', '快速会议 (2)']);
  });

  it('reports invalid entries with the reason and imports the rest', () => {
    const text = JSON.stringify({
      format: 'umeet-tray-presets',
      version: 1,
      presets: [preset('ok'), { ...preset('bad'), duration: 20 }, 42],
    });
    const result = planImport([], text);
    expect(result.ok && result.plan.toAdd.map((p) => p.name)).toEqual(['ok']);
    expect(result.ok && result.plan.invalid).toEqual([
      { index: 1, reason: expect.stringMatching(/^duration: /) },
      { index: 2, reason: expect.stringMatching(/^name: /) },
    ]);
  });

  it('refuses a file that is not JSON or not a presets file', () => {
    expect(planImport([], '{oops')).toEqual({ ok: false, reason: 'not-json' });
    expect(planImport([], JSON.stringify({ presets: [] }))).toEqual({ ok: false, reason: 'not-a-presets-file' });
  });

  it('keeps a renamed long name within the name limit', () => {
    const long = 'x'.repeat(40);
    const result = planImport([preset(long)], exportPresets([preset(long)], new Date()));
    expect(result.ok && result.plan.toAdd[0]?.name).toBe(`${'x'.repeat(36)} (2)`);
  });
});
