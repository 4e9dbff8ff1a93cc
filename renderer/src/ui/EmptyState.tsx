import type { ReactNode } from 'react';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  /** A lucide icon element, decorative. */
  icon?: ReactNode;
  title: string;
  /** What the user can do next. */
  children: ReactNode;
  /** A button or link that does that next step, when there is one. */
  action?: ReactNode;
}

/** What a section shows when it has nothing yet: why, and what to do next. */
export function EmptyState({ icon, title, children, action }: EmptyStateProps) {
  return (
    <div className="empty-state">
      {icon ? <div className="empty-state__icon" aria-hidden="true">{icon}</div> : null}
      <h2 className="empty-state__title">{title}</h2>
      <div className="empty-state__body">{children}</div>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
