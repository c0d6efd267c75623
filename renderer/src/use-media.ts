import { useEffect, useState } from 'react';

/** Whether a CSS media query matches, kept current as the window is resized. */
export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}

/** Below this width the presets list and the editor take turns instead of sitting side by side (styles.css agrees). */
export const NARROW = '(max-width: 719px)';
