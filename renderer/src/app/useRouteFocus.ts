import { useEffect, useRef, type RefObject } from 'react';
import { hrefOf } from './routes';
import { selectRoute, useAppStore } from './store';

/**
 * After a route change (not on first load, where the browser's own start is right), moves
 * focus to the new screen's h1 so keyboard and screen-reader users land on the new content.
 */
export function useRouteFocus(main: RefObject<HTMLElement | null>): void {
  const route = useAppStore(selectRoute);
  const key = hrefOf(route);
  const previous = useRef<string | null>(null);
  useEffect(() => {
    // Compare, not count runs: StrictMode runs effects twice on mount (development builds).
    const changed = previous.current !== null && previous.current !== key;
    previous.current = key;
    if (!changed) return;
    const heading = main.current?.querySelector<HTMLElement>('h1');
    (heading ?? main.current)?.focus();
  }, [key, main]);
}
