import { fail, ok } from '../../common/result.js';
import { createStartAtLogin, type LoginItemPort } from '../platform/start-at-login.js';
import type { AppContext, Feature } from './feature.js';

/**
 * Start at login, with the OS's login item as the one truth: the setting the user turns on and off, and
 * what the company policy says of it (a locked value is applied; a default once, unless the user chose).
 */
export function startAtLoginFeature(ctx: AppContext, deps: { loginItem: LoginItemPort }) {
  const { log, policy, ownStore } = ctx;
  const startAtLogin = createStartAtLogin(deps.loginItem, { log, t: ctx.t });
  startAtLogin.onChange(ctx.changed);

  /** What the policy in force says of start at login, applied to the OS. */
  async function applyPolicy(): Promise<void> {
    const { locked, defaults } = policy.current();
    const wanted = locked.startAtLogin ?? (ownStore.changedSettings().includes('startAtLogin') ? undefined : defaults.startAtLogin);
    if (typeof wanted !== 'boolean') return;
    const current = await startAtLogin.refresh();
    if (current.enabled !== wanted) await startAtLogin.set(wanted);
    if (locked.startAtLogin === undefined) ownStore.updateSettingsAndMark({}, ['startAtLogin']);
  }
  const applied = () => void applyPolicy().catch((error: unknown) => log.error('policy: could not apply', { error: String(error) }));
  let begun = false;
  policy.onChange(() => {
    if (begun) applied();
  });

  return {
    state: () => ({ startAtLogin: startAtLogin.state() }),
    commands: {
      'set-start-at-login': async (command) => {
        const refused = ctx.guard.startAtLogin(command.enabled);
        if (refused) return refused;
        ownStore.updateSettingsAndMark({}, ['startAtLogin']);
        const now = await startAtLogin.set(command.enabled);
        return now.error ? fail('failed', now.error) : ok({});
      },
    },
    begin: () => {
      begun = true;
      void startAtLogin.refresh();
      void policy.ready().then(applied);
    },
  } satisfies Feature<'startAtLogin'>;
}
