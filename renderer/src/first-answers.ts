import type { UmeetApi } from '../../common/ipc-contract.js';

/**
 * Main's first answers, asked for in one call (`opening`) as soon as the entry runs rather than after React's first
 * commit: the round trip then overlaps the rest of the start (docs/performance.md, "The window"). Imported first by main.tsx, so this
 * module runs before React's. Each is handed out once; a later need asks main again. A change main announces
 * before the window has subscribed is remembered, so that the first snapshot is read again (`changedSinceAsked`).
 */
interface FirstAnswers {
  snapshot?: ReturnType<UmeetApi['snapshot']>;
  savedUi?: ReturnType<UmeetApi['savedUi']>;
  appInfo?: ReturnType<UmeetApi['appInfo']>;
  /** Main's language and its catalogue (catalogues.ts): the window bundles none. */
  messages?: ReturnType<UmeetApi['messages']>;
}

const bridge = typeof (window as { umeet?: unknown }).umeet === 'object' && window.umeet !== null;
const first: FirstAnswers = bridge ? split(window.umeet.opening()) : {};

/** The one answer (`opening`: one round trip rather than four) as the four the window asks for later. */
function split(opening: ReturnType<UmeetApi['opening']>): Required<FirstAnswers> {
  const part = <K extends 'messages' | 'savedUi' | 'appInfo'>(key: K) =>
    opening.then((answer) => (answer.ok ? { ok: true as const, value: answer.value[key] } : answer)) as NonNullable<FirstAnswers[K]>;
  // The state comes in a result of its own: main may give the rest and not it.
  const snapshot = opening.then((answer) => (answer.ok ? answer.value.snapshot : answer));
  return { messages: part('messages'), snapshot, savedUi: part('savedUi'), appInfo: part('appInfo') };
}
let changed = false;
const stopWatching = bridge ? window.umeet.onStateChanged(() => (changed = true)) : () => undefined;

/** The answer asked for at start, the first time only; undefined after (or without a bridge). */
export function takeFirst<K extends keyof FirstAnswers>(key: K): FirstAnswers[K] {
  const answer = first[key];
  delete first[key];
  return answer;
}

/** Whether main said its state changed since the first snapshot was asked for; stops watching (the window now does). */
export function changedSinceAsked(): boolean {
  stopWatching();
  return changed;
}
