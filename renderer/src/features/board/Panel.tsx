import { useId, type ReactNode } from 'react';

/** A titled section of the board (a named region), with its buttons beside the title. */
export function Panel({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section id={id} className="board-panel" aria-labelledby={headingId}>
      <header className="board-panel__header">
        <h2 id={headingId} className="board-panel__title">{title}</h2>
        {actions ? <div className="board-panel__actions">{actions}</div> : null}
      </header>
      <div className="board-panel__body">{children}</div>
    </section>
  );
}
