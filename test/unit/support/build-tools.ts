// Vitest global setup: bundles cli/ and sandbox/ from the current sources, so the tests that
// spawn `umeet` as a process run the code under test, even without `npm run build` first.
import { build } from 'vite';

export default async function buildTools(): Promise<void> {
  await build({ configFile: new URL('../../../vite.tools.config.ts', import.meta.url).pathname, logLevel: 'error' });
}
