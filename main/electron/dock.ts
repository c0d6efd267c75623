import { app } from 'electron';

/**
 * macOS's dock icon, shown while the window is and hidden otherwise, as users expect of a menu-bar
 * app. electron.d.ts (Dock.hide): "Known issue: Calling dock.hide() within one second of a previous
 * call will have no effect"; so a hide that comes too soon after the last change waits until it may.
 * Elsewhere there is no dock and this does nothing.
 */
const SETTLE_MS = 1_100;

export function createDockIcon() {
  let last = Number.NEGATIVE_INFINITY;
  let pending: NodeJS.Timeout | undefined;
  let wanted: 'shown' | 'hidden' | undefined;

  const apply = () => {
    pending = undefined;
    const dock = app.dock;
    if (!dock || !wanted) return;
    const wait = last + SETTLE_MS - Date.now();
    if (wanted === 'hidden' && wait > 0) {
      pending = setTimeout(apply, wait);
      return;
    }
    last = Date.now();
    if (wanted === 'hidden') dock.hide();
    else void dock.show();
  };

  const set = (state: 'shown' | 'hidden') => {
    wanted = state;
    if (pending) clearTimeout(pending);
    apply();
  };
  return { show: () => set('shown'), hide: () => set('hidden') };
}
