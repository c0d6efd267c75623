import { ok } from '../../common/result.js';
import type { AppContext, Feature } from './feature.js';

/**
 * The window's forms checked by main (the `check` channel, common/form-check.ts): the very schemas main enforces
 * when a form is saved, so the window runs no zod. What is checked is never logged: the credentials form sends the
 * typed secret, as saving does. The schemas load with the IPC contract, after the tray.
 */
export function formsFeature(ctx: AppContext) {
  const code = ctx.later(() => import('../../common/form-check.js'));
  return {
    ipc: {
      check: async (request) => ok((await code.get()).checkForm(request)),
    },
  } satisfies Feature;
}
