import { fail, ok } from '../../common/result.js';
import { createUpdateService, type UpdaterPort } from '../updates/update-service.js';
import { withUpdateLine } from '../tray/update-entries.js';
import type { AppContext, Feature } from './feature.js';

/**
 * Updates (docs/architecture.md, "Updates"): checked once the tray shows and the company policy is known
 * (a policy that locks automatic updates off must see no request, however slowly it is read), then on one
 * 12-hour timer that follows the setting in force, whoever changes it; "Check for updates…" and "Restart to
 * update" are commands like any other.
 */
export function updatesFeature(
  ctx: AppContext,
  deps: {
    updater: { packaged: boolean; load: () => Promise<UpdaterPort> };
    version: string;
    /** A restart is a quit: edits not saved yet are asked about first. */
    mayQuit: () => Promise<boolean>;
  },
) {
  const { t } = ctx;
  const updates = createUpdateService({
    packaged: deps.updater.packaged,
    currentVersion: deps.version,
    load: deps.updater.load,
    automatic: () => ctx.store.settings().checkForUpdates,
    timers: ctx.timers,
    notify: ctx.commandNotify,
    t,
    log: ctx.log,
    onChange: ctx.changed,
  });

  return {
    state: () => {
      const view = { status: updates.status(), version: deps.version };
      // The window's update setting says what the tray's line says ("Downloading v0.2.0… 45%").
      return { updates: view, ...withUpdateLine(view, t()) };
    },
    commands: {
      'check-for-updates': async () => {
        const status = updates.status();
        if (status.state === 'unsupported' && status.reason === 'unpackaged') return fail('failed', t()('update.unpackaged'));
        await updates.checkNow();
        return ok({});
      },
      'restart-to-update': async () => {
        if (updates.status().state !== 'ready') return fail('failed', t()('update.notReady'));
        return (await deps.mayQuit()) && updates.install() ? ok({}) : fail('cancelled', t()('quit.kept'));
      },
    },
    onSettings: (before, after) => {
      if (before.checkForUpdates !== after.checkForUpdates) updates.settingChanged();
    },
    // The first check (then one every 12 hours) waits for the policy: it may lock checking off.
    begin: () =>
      void ctx.policy
        .ready()
        .then(() => updates.begin())
        .catch((error: unknown) => ctx.log.error('updates: could not begin', { error: String(error) })),
    stop: () => updates.stop(),
  } satisfies Feature<'updates' | 'updateLine'>;
}
