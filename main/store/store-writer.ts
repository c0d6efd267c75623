import type { Logger } from '../../core/log.js';
import { StoreDocument } from '../../common/store-document.js';
import type { OpenedStore, StoreNotice } from './open-store.js';
import type { SaveProblem } from './app-store.js';
import { errorCode, writeStoreFiles } from './store-file.js';

/**
 * The store's document in memory and on disk: changed in memory at once, written back atomically (with its
 * backup) on a later turn of the event loop, coalesced, so no caller, least of all the click path, waits for the
 * disk. What must be kept aside is, before anything is written; a newer version's file is never written; a
 * write that fails keeps the change in memory, says why, and is tried again with the next change.
 */
export function createStoreWriter(options: { dir: string; log?: Logger | undefined; opened: OpenedStore }) {
  const { dir, log, opened } = options;
  const notices: StoreNotice[] = [...opened.notices];
  const pendingAside = [...opened.pendingAside];
  let state: StoreDocument = opened.document;
  let problem: SaveProblem | undefined =
    opened.newerVersion !== undefined ? { kind: 'newer-version', version: opened.newerVersion } : undefined;
  for (const notice of notices)
    log?.warn(
      `store: ${notice.kind}`,
      notice.kind === 'quarantined' ? { entries: notice.entries.map((e) => `${e.where}: ${e.reason}`) } : notice,
    );

  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  let pending: NodeJS.Immediate | undefined;
  let waiters: ((problem: SaveProblem | undefined) => void)[] = [];

  /** One attempt to put the current state on disk; the outcome becomes `problem`. */
  function write(): SaveProblem | undefined {
    if (opened.newerVersion !== undefined) return { kind: 'newer-version', version: opened.newerVersion };
    // Nothing is written before what must be kept aside has been.
    while (pendingAside.length) {
      try {
        const kept = pendingAside[0]!();
        log?.info('store: kept a file aside before saving', { file: kept });
        pendingAside.shift();
      } catch (error) {
        return { kind: 'cannot-keep-aside', code: errorCode(error) };
      }
    }
    try {
      writeStoreFiles(dir, StoreDocument.parse(state));
      return undefined;
    } catch (error) {
      return { kind: 'write-failed', code: errorCode(error) };
    }
  }

  function saveNow(): SaveProblem | undefined {
    if (pending) clearImmediate(pending);
    pending = undefined;
    const before = problem;
    problem = write();
    if (problem && problem.kind !== before?.kind) log?.error('store: changes are not saved', problem);
    if (!problem && before && before.kind !== 'newer-version') log?.info('store: saving works again');
    const done = waiters;
    waiters = [];
    done.forEach((resolve) => resolve(problem));
    // Whoever shows the state (tray, window) learns that saving started or stopped failing.
    if (problem?.kind !== before?.kind || (problem && before && JSON.stringify(problem) !== JSON.stringify(before))) notify();
    return problem;
  }

  function change(next: StoreDocument): void {
    state = next;
    pending ??= setImmediate(saveNow);
    notify();
  }

  // A recovered, migrated, seeded or partly quarantined store is written back in its current shape at once.
  if (opened.writeNow && problem === undefined) saveNow();

  return {
    state: (): StoreDocument => state,
    change,
    /** Notices from opening the store; the caller tells the user, then they are gone. */
    takeNotices(): StoreNotice[] {
      return notices.splice(0);
    },
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Writes now (at quit, in tests); returns why it could not, if it could not. */
    flush: saveNow,
    /** Why changes are not on disk right now, if they are not. */
    saveProblem: (): SaveProblem | undefined => problem,
    /** Waits for the write of the changes made so far; resolves with why it failed, if it did. */
    saved(): Promise<SaveProblem | undefined> {
      if (!pending) return Promise.resolve(problem);
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

export type StoreWriter = ReturnType<typeof createStoreWriter>;
