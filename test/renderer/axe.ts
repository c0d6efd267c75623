import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';

/**
 * One axe scan of the window, or of the part `include` names: its violations, every impact.
 * - Only violations are gathered (`resultTypes`): the tests read nothing else, and axe otherwise builds a selector
 *   for every node of every rule that passed (2,512 on the Usage page), its documented slow tail
 *   (axe-core's API.md, "resultTypes"). The rules run, and the violations are reported, exactly as before.
 * - Legacy mode: the window has no frames, and AxeBuilder's default opens a blank page per scan to join the
 *   frames' results. Measured on the Usage page, six scans: 24.0 CPU-s by default, 16.6 in legacy mode,
 *   11.2 with only violations gathered.
 */
export async function axeViolations(page: Page, include?: string): Promise<Result[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
  return (await (include ? builder.include(include) : builder).analyze()).violations;
}

/** The serious and critical violations, each as `rule: the nodes' targets`, for an `expect(…).toEqual([])`. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  return (await axeViolations(page, include))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
