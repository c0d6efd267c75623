import { describe, expect, it } from 'vitest';
import { modulesBeforeTray } from '../../bench/startup.js';

// Structural, not timed: what the bundler writes into the entry (and the chunks it imports statically) is what
// Electron must load before the tray can show. The network client, the window's code and React come later, or
// never; so does each feature's code the tray's first menu does not need (main/features/later.ts).
describe('what loads before the tray', () => {
  it('has no network client, no React and no renderer code', async () => {
    const graph = await modulesBeforeTray();
    expect(graph.before_tray_has_network_client).toBe(false);
    expect(graph.before_tray_has_react).toBe(false);
    expect(graph.before_tray_has_renderer_code).toBe(false);
    expect(graph.packages_before_tray).not.toContain('undici');
    expect(graph.packages_before_tray).not.toContain('tldts');
    // The company policy's readers, and their libraries, load on the first read, after the tray.
    expect(graph.packages_before_tray).not.toContain('plist');
    expect(graph.main_modules_before_tray).toContain('main/policy/select-source.ts');
    for (const reader of ['linux-file', 'macos-plist', 'windows-registry', 'reg-export-port', 'reg-file', 'watch-files'])
      expect(graph.main_modules_before_tray).not.toContain(`main/policy/${reader}.ts`);
    // The calendar libraries serve a booking, never the start (and a class private field in them is more than
    // the security scan's parser reads: the entry must stay scannable).
    expect(graph.packages_before_tray).not.toContain('ical.js');
    expect(graph.packages_before_tray).not.toContain('ical-generator');
    expect(graph.main_modules_before_tray).toContain('main/electron/tray.ts');
    expect(graph.modules_before_tray).toBeLessThan(graph.modules_total);
  });

  it('leaves to after the tray what its first menu does not need: scheduling, usage, the log, the IPC contract', async () => {
    const graph = await modulesBeforeTray();
    const before = graph.main_modules_before_tray;
    // The features stay (their state is in the first menu); their code loads later.
    expect(before).toContain('main/features/scheduling.ts');
    expect(before).toContain('main/features/usage.ts');
    expect(before.filter((m) => m.startsWith('main/meetings/scheduling'))).toEqual([]);
    expect(before.filter((m) => m.startsWith('core/usage/') || m.startsWith('core/calendar/'))).toEqual([]);
    // electron-log loads with the first line written ("tray ready"); the IPC contract's schemas with the listeners.
    expect(graph.packages_before_tray).not.toContain('electron-log');
    expect(before).not.toContain('main/ipc/handle.ts');
    expect(before).not.toContain('common/ipc-contract.ts');
    expect(before).not.toContain('main/updates/updater.ts');
    // The list is what the bundler writes into the entry: every module named has code there.
    expect(before).toContain('main/index.ts');
    expect(before).toContain('main/features/later.ts');
  });

  it('stays within issue 30’s bounds, with room for a feature or two', async () => {
    const graph = await modulesBeforeTray();
    // 170 modules and 336 kB minified when this was written (302 and 703 kB before, unminified); goal ≤ 200 and ≤ 400 kB.
    expect(graph.modules_before_tray).toBeLessThanOrEqual(185);
    expect(graph.bytes_before_tray).toBeLessThanOrEqual(360_000);
    // The graph a reader of the imports would walk is larger (zod's locales, which the tree-shaker drops, for one).
    expect(graph.modules_reachable_before_tray).toBeGreaterThan(graph.modules_before_tray);
  });
});
