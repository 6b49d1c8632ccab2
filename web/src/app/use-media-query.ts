import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, right from the first render (antd's Grid.useBreakpoint answers only after
 * an effect, so a phone first drew the desktop header — loading its menu — and then redrew as a phone). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => true,
  );
}

/** antd's `md` breakpoint: the header menu from here up, the seeker's tab bar below. */
export const DESKTOP_QUERY = '(min-width: 768px)';
