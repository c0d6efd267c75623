import { startSandbox } from '../sandbox/server.js';
import { benchApp } from './bench-app.js';
import { round } from './stats.js';

/**
 * New TCP connections the server sees per click: after the menu-open warm-up on the app's kept
 * agent, and on a cold agent (a fresh client per click, warm-up disabled), counted by the sandbox.
 */
export async function measureConnections(clicks: number) {
  const sandbox = await startSandbox({ licence: { 25: 1_000_000 } });
  const app = await benchApp(sandbox, { name: 'Bench', topic: 'Bench', capacity: 25, afterCreate: { open: 'start', copy: 'none' } });
  const kept = app.clients();
  const warmService = app.meetings(kept);
  let warmNew = 0;
  for (let i = 0; i < clicks; i++) {
    await (await kept.click()).warm(); // the menu opens
    const before = sandbox.connections;
    const outcome = await warmService.start(app.preset.id);
    if (!outcome.ok) throw new Error(outcome.message);
    warmNew += sandbox.connections - before;
  }
  warmService.stop();
  await kept.close();

  let coldNew = 0;
  for (let i = 0; i < clicks; i++) {
    const cold = app.clients();
    const coldService = app.meetings(cold);
    const before = sandbox.connections;
    const outcome = await coldService.start(app.preset.id);
    if (!outcome.ok) throw new Error(outcome.message);
    coldNew += sandbox.connections - before;
    coldService.stop();
    await cold.close();
  }
  await sandbox.close();
  return { clicks, warm_new_per_click: round(warmNew / clicks), cold_new_per_click: round(coldNew / clicks) };
}
