import type { Page } from '@playwright/test';
import axe, { type ContextObject, type Result, type RunOptions } from 'axe-core';

/**
 * axe-core in the page, once per document. @axe-core/playwright's AxeBuilder sends the whole of axe (650 KB) into the
 * page twice per scan, then runs it; the window's tests scan a page up to six times, so most of that was Chromium and
 * Node moving and compiling the same script again. This does what AxeBuilder's legacy mode does (the mode these
 * tests used: `axe.configure` for the same origin, then `axe.run` on the document), with the script sent only when
 * the document has no axe yet (a new page, or after a navigation).
 */
async function injected(page: Page): Promise<void> {
  if (await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function')) return;
  await page.evaluate(axe.source);
  // As AxeBuilder configures it in legacy mode: results from this origin's frames only (the window has none).
  await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.configure({
      allowedOrigins: ['<same_origin>'],
      branding: { application: 'playwright' },
    }),
  );
}

/**
 * One axe scan of the window, or of the part `include` names: its violations, every impact.
 * - Only violations are gathered (`resultTypes`): the tests read nothing else, and axe otherwise builds a selector
 *   for every node of every rule that passed (2,512 on the Usage page), its documented slow tail
 *   (axe-core's API.md, "resultTypes"). The rules run, and the violations are reported, exactly as before.
 * - axe runs in the page's own frame (AxeBuilder's legacy mode): the window has no frames, and AxeBuilder's
 *   default opens a blank page per scan to join the frames' results.
 * - Measured on the Usage page, six scans: 24.0 CPU-s through AxeBuilder's default, 16.6 in its legacy mode, 11.2
 *   with only violations gathered; axe sent once per document, below.
 */
export async function axeViolations(page: Page, include?: string): Promise<Result[]> {
  await injected(page);
  const context: ContextObject = { include: include ? [include] : [], exclude: [] };
  const options: RunOptions = { resultTypes: ['violations'] };
  // JSON text both ways: Playwright's typing of objects as deep as axe's context and results does not end.
  const outcome: { violations: string } | { error: string } = await page.evaluate((request: string) => {
    const { context, options } = JSON.parse(request) as { context: ContextObject; options: RunOptions };
    return (window as unknown as { axe: typeof axe }).axe.run(context, options).then(
      (results) => ({ violations: JSON.stringify(results.violations) }),
      (error: Error) => ({ error: error.message }),
    );
  }, JSON.stringify({ context, options }));
  if ('error' in outcome) throw new Error(outcome.error);
  return JSON.parse(outcome.violations) as Result[];
}

/** The serious and critical violations, each as `rule: the nodes' targets`, for an `expect(…).toEqual([])`. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  return (await axeViolations(page, include))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
