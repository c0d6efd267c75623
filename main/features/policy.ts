import { policyView } from '../policy/guard.js';
import type { AppContext, Feature } from './feature.js';

/**
 * The company policy as the tray and the window show it (docs/admin-guide.md): what it locks, which presets
 * are the company's, the keys it ignored. Every service reads the store through the policy, and each
 * feature follows the settings it changes through the settings signal; this is its part of the state.
 */
export function policyFeature(ctx: AppContext) {
  return { state: () => ({ policy: policyView(ctx.policy.current()) }) } satisfies Feature<'policy'>;
}
