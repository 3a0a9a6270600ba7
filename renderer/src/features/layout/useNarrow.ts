import { useSyncExternalStore } from 'react';

/**
 * Below this width the three columns and the side panel do not fit next to a usable
 * composer (at 1024 px the composer was 144 px wide): the rail shrinks to icons and the
 * side panel becomes a drawer. Kept equal to the media query in narrow.css.
 */
export const NARROW_QUERY = '(max-width: 1279px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(NARROW_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** Whether the window is narrow (see NARROW_QUERY); follows resizes. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW_QUERY).matches);
}
