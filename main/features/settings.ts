import { type Result, toResult } from '../../common/result.js';
import type { Settings } from '../../common/settings.js';
import { saveProblemText, storeNoticeText, tellSaveProblems } from '../store/notice-text.js';
import { settled } from '../store/saved.js';
import type { AppContext, Feature } from './feature.js';
import type { SettingsSignal } from './settings-signal.js';

/**
 * The settings and the store's own news: the window's settings form (a locked setting refused, in the
 * user's language), what the store recovered or kept aside at start (told once), and a save that failed.
 * What each feature does when the settings in force change goes through the settings signal.
 */
export function settingsFeature(ctx: AppContext, deps: { signal: SettingsSignal }) {
  const { store, t, notify } = ctx;
  // The store's notices (a file recovered, kept aside, from a newer version) are told once, at start.
  for (const notice of store.takeNotices()) notify(storeNoticeText(notice, t()));
  tellSaveProblems(store, notify, t);

  return {
    state: () => {
      const problem = store.saveProblem();
      return {
        locale: ctx.locale(),
        settings: store.settings(),
        saveProblem: problem ? saveProblemText(problem, t()) : undefined,
        quarantined: store.quarantine().length,
      };
    },
    ipc: {
      updateSettings: async (patch): Promise<Result<Settings>> => {
        const refused = ctx.guard.settingsPatch(patch);
        if (refused) return refused;
        const changed = toResult(store.updateSettings(patch), t());
        // What the change started in other features (the vault moving credentials, the update timer) is done first.
        await deps.signal.idle();
        return settled(store, changed, t);
      },
    },
  } satisfies Feature<'locale' | 'settings' | 'saveProblem' | 'quarantined'>;
}
