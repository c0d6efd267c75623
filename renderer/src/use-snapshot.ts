import { useEffect, useState } from 'react';
import type { WindowSnapshot } from '../../common/window-state.js';
import { wordsFor } from './catalogues.js';
import { changedSinceAsked, takeFirst } from './first-answers.js';

export type SnapshotState =
  | { state: 'loading' }
  | { state: 'ready'; snapshot: WindowSnapshot }
  /** Main refused or failed (its message, in the user's language), or the transport broke (no message). */
  | { state: 'failed'; message?: string };

/**
 * The window's copy of main's state: read once, then again whenever main says it changed. A state is handed out
 * only once the words of its language are here (catalogues.ts): a language switch re-words the whole window at once.
 */
export function useSnapshot(): SnapshotState {
  const [current, setCurrent] = useState<SnapshotState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      // Answers can overtake each other; only the newest request's answer is shown.
      const request = ++latest;
      const asked = takeFirst('snapshot') ?? window.umeet.snapshot();
      void (async () => {
        try {
          const answer = await asked;
          if (!answer.ok) return void (live && request === latest && setCurrent({ state: 'failed', message: answer.error.message }));
          const words = await wordsFor(answer.value.locale);
          if (!live || request !== latest) return;
          setCurrent(words.ok ? { state: 'ready', snapshot: answer.value } : { state: 'failed', message: words.error.message });
        } catch {
          if (live && request === latest) setCurrent({ state: 'failed' });
        }
      })();
    };
    load();
    const unsubscribe = window.umeet.onStateChanged(load);
    // Main changed its state after the first snapshot was asked for and before this subscription: read it again.
    if (changedSinceAsked()) load();
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return current;
}
