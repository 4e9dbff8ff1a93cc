import type { ReactNode } from 'react';

/** The colour family of a status; never the only carrier of meaning (the text is). */
export type StatusTone = 'neutral' | 'positive' | 'warning' | 'danger' | 'busy';

/** Props of {@link StatusPill}. */
export interface StatusPillProps {
  tone: StatusTone;
  icon?: ReactNode;
  children: ReactNode;
}

/** A small labelled status (badge). */
export function StatusPill({ tone, icon, children }: StatusPillProps) {
  return (
    <span className={`status-pill status-pill--${tone}`}>
      {icon ? <span className="status-pill__icon" aria-hidden="true">{icon}</span> : null}
      <span>{children}</span>
    </span>
  );
}
