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
    const first = previous.current === null;
    previous.current = key;
    if (first) return;
    const heading = main.current?.querySelector<HTMLElement>('h1');
    (heading ?? main.current)?.focus();
  }, [key, main]);
}
