/**
 * Code the tray's first menu does not need, loaded once the tray shows (docs/architecture.md, "Start-up").
 * A feature asks for it through `ctx.later(() => import('…').then(…))`: the bundler puts the module in a
 * chunk of its own, and main/index.ts neither reads nor evaluates it before the tray. The app loads every
 * one as it begins (`loadAll`, right after the tray appears), so the first click or window finds them
 * loaded; a use before that loads it then. A module that fails to load fails the start, as it did when
 * it was loaded with the entry: `loadAll` rejects with its error, and main/index.ts reports it.
 */
export interface Later<T> {
  /** The value, loading it now if it is not yet. */
  get(): Promise<T>;
  /** The value if it has loaded; undefined until then. */
  ready(): T | undefined;
  /** Runs `use` once loaded; a failure to load is left to `loadAll`'s caller, which reports it once. */
  whenLoaded(use: (value: T) => unknown): void;
}

export function laterModules() {
  const loaders: (() => Promise<unknown>)[] = [];
  return {
    later<T>(load: () => Promise<T>): Later<T> {
      let value: T | undefined;
      let loading: Promise<T> | undefined;
      const get = (): Promise<T> =>
        (loading ??= load().then((loaded) => {
          value = loaded;
          return loaded;
        }));
      loaders.push(get);
      return {
        get,
        ready: () => value,
        whenLoaded: (use) => void get().then(use, () => undefined),
      };
    },
    /** Loads every one asked for so far; rejects with the first failure. */
    loadAll: async (): Promise<void> => void (await Promise.all(loaders.map((get) => get()))),
  };
}
