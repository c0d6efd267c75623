import { basename } from 'node:path';
import type { Translate } from '../../common/i18n/index.js';
import type { StoreNotice } from './app-store.js';

/** What to tell the user about a store notice, in their language; undefined when there is nothing to say. */
export function storeNoticeText(notice: StoreNotice, t: Translate): { title: string; body: string } | undefined {
  switch (notice.kind) {
    case 'restored-from-backup':
      return { title: t('store.restoredTitle'), body: t('store.restoredBody', { file: basename(notice.corruptPath) }) };
    case 'corrupt-without-backup':
      return { title: t('store.resetTitle'), body: t('store.resetBody', { file: basename(notice.corruptPath) }) };
    case 'quarantined':
      return {
        title: t('store.quarantinedTitle'),
        body: t('store.quarantinedBody', {
          count: notice.entries.length,
          where: notice.entries.map((e) => e.where).join(', '),
        }),
      };
    case 'save-failed':
      return { title: t('store.saveFailedTitle'), body: t('store.saveFailedBody', { reason: notice.message }) };
    case 'migrated':
      // Silent: a migration that loses nothing needs no attention.
      return undefined;
  }
}
