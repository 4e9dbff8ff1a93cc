import type { ReactNode } from 'react';

/**
 * The one h1 of a screen. Focusable by script only (tabIndex -1): after a route change the
 * app moves focus here, so keyboard and screen-reader users start at the new content.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return <h1 className="page-heading" tabIndex={-1}>{children}</h1>;
}
