import { basename } from 'node:path';
import type { Translate } from '../../common/i18n/index.js';
import type { Notify } from '../ports.js';
import type { AppStore, SaveProblem, StoreNotice } from './app-store.js';

/** What to tell the user about a store notice, once, in their language. */
export function storeNoticeText(notice: StoreNotice, t: Translate): { title: string; body: string } {
  switch (notice.kind) {
    case 'restored-from-backup':
      return notice.keptAs
        ? { title: t('store.restoredTitle'), body: t('store.restoredKeptBody', { file: basename(notice.keptAs) }) }
        : { title: t('store.restoredTitle'), body: t('store.restoredBody') };
    case 'started-afresh':
      return {
        title: t('store.resetTitle'),
        body: t('store.resetBody', { file: notice.keptAs.map((path) => basename(path)).join(', ') || '—' }),
      };
    case 'quarantined':
      return {
        title: t('store.quarantinedTitle'),
        body: t('store.quarantinedBody', { count: notice.entries.length, where: notice.entries.map((e) => e.where).join(', ') }),
      };
    case 'kept-aside':
      return { title: t('store.keptAsideTitle'), body: t(`store.keptAside.${notice.why}`, { file: basename(notice.keptAs) }) };
    case 'newer-version':
      return { title: t('store.newerTitle'), body: t('store.newerBody', { version: notice.version }) };
  }
}

/** Why changes are not on disk, in the user's language (the tray's line, the window's banner, the notification). */
export function saveProblemText(problem: SaveProblem, t: Translate): string {
  return t(`store.notSaved.${problem.kind}`, 'code' in problem ? { code: problem.code } : {});
}

/**
 * Tells the user once when saving starts to fail (a notification), and again only after it worked
 * in between; the tray's line and the window's banner show it meanwhile. A newer version's file
 * was told about at start-up already.
 */
export function tellSaveProblems(store: Pick<AppStore, 'onChange' | 'saveProblem'>, notify: Notify, t: () => Translate): () => void {
  let told: SaveProblem['kind'] | undefined;
  const check = () => {
    const problem = store.saveProblem();
    if (problem && problem.kind !== told && problem.kind !== 'newer-version') {
      notify({ title: t()('store.notSavedTitle'), body: saveProblemText(problem, t()) });
    }
    told = problem?.kind;
  };
  // A first save at start-up may have failed already (a read-only folder): that is told too.
  check();
  return store.onChange(check);
}
