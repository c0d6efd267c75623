import type { Settings } from '../../common/settings.js';
import type { Logger } from '../../core/log.js';

type Subscriber = (before: Settings, after: Settings) => void | Promise<void>;

/**
 * "The settings in force changed", one way for every feature, whoever changed them: the user (the window,
 * an import), or the company policy (read at start, or again while running). It compares the settings in
 * force after each change of their sources, and tells each subscriber what they were and what they are.
 * What a subscriber starts (the vault moving credentials, the update timer going) is awaited by `idle()`,
 * so the window's "saved" comes after it.
 */
export function settingsSignal(read: () => Settings, sources: readonly { onChange(listener: () => void): unknown }[], log: Logger) {
  let last = read();
  let lastText = JSON.stringify(last);
  const subscribers: Subscriber[] = [];
  const running = new Set<Promise<unknown>>();

  function check(): void {
    const next = read();
    const text = JSON.stringify(next);
    if (text === lastText) return;
    const before = last;
    last = next;
    lastText = text;
    for (const subscriber of subscribers) {
      // Called at once (a timer to clear goes now), each on its own: one that fails does not stop the others.
      let started: unknown;
      try {
        started = subscriber(before, next);
      } catch (error) {
        log.error('settings: a feature could not follow a change', { error: String(error) });
        continue;
      }
      if (!(started instanceof Promise)) continue;
      const done: Promise<unknown> = started
        .catch((error: unknown) => log.error('settings: a feature could not follow a change', { error: String(error) }))
        .finally(() => running.delete(done));
      running.add(done);
    }
  }
  for (const source of sources) source.onChange(check);

  return {
    subscribe(subscriber: Subscriber): void {
      subscribers.push(subscriber);
    },
    /** Looks again now (a change that came without an event of the sources). */
    check,
    /** Resolves once what the last changes started is done. */
    async idle(): Promise<void> {
      while (running.size) await Promise.all([...running]);
    },
  };
}

export type SettingsSignal = ReturnType<typeof settingsSignal>;
