import { lazy, useState, type ComponentType } from 'react';

/**
 * A part of the window in a chunk of its own, so that the first open parses and runs only what the presets list
 * needs. `preload()` fetches it ahead of need (App does once the list is up, when the window is idle); a part
 * mounted after that renders at once, with no Suspense fallback to flash. Mounted before (main opened the window
 * on another section, or a quick click), it suspends once, behind its Suspense boundary. Which of the two is
 * chosen when it mounts and kept while it stays, so a part is never remounted (its state lost) when it arrives.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed fetch is tried again on the next need rather than remembered.
        loading = undefined;
        throw error;
      },
    ));
  const Suspending = lazy(() => preload().then((component) => ({ default: component })));
  function Part(props: P) {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Suspending);
    return <Component {...props} />;
  }
  return { Part, preload, isLoaded: () => loaded !== undefined };
}
