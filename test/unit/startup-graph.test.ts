import { describe, expect, it } from 'vitest';
import { modulesBeforeTray } from '../../bench/startup.js';

// Structural, not timed: what main/index.ts reaches statically is what Electron must load before
// the tray can show. The network client, the window's code and React come later, or never.
describe('what loads before the tray', () => {
  it('has no network client, no React and no renderer code', async () => {
    const graph = await modulesBeforeTray();
    expect(graph.before_tray_has_network_client).toBe(false);
    expect(graph.before_tray_has_react).toBe(false);
    expect(graph.before_tray_has_renderer_code).toBe(false);
    expect(graph.packages_before_tray).not.toContain('undici');
    expect(graph.packages_before_tray).not.toContain('tldts');
    // The company policy's readers load their libraries on the first read, after the tray.
    expect(graph.packages_before_tray).not.toContain('plist');
    expect(graph.main_modules_before_tray).toContain('main/policy/select-source.ts');
    // The calendar libraries serve a booking, never the start (and a class private field in them is more than
    // the security scan's parser reads: the entry must stay scannable).
    expect(graph.packages_before_tray).not.toContain('ical.js');
    expect(graph.packages_before_tray).not.toContain('ical-generator');
    expect(graph.main_modules_before_tray).toContain('main/electron/tray.ts');
    expect(graph.modules_before_tray).toBeLessThan(graph.modules_total);
  });
});
