import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

const AnnounceContext = createContext<(text: string) => void>(() => {});

/**
 * A polite live region for the board's routine results ("Opgeslagen.", "Verwijderd."):
 * screen readers hear them; sighted users see the change itself, so no toast piles up.
 */
export function BoardAnnouncer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState({ text: '', count: 0 });
  // The same text twice must be spoken twice: a changing invisible marker forces the update.
  const announce = useCallback((text: string) => setMessage((previous) => ({ text, count: previous.count + 1 })), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <p className="visually-hidden" role="status" aria-live="polite" data-announcement={message.count}>
        {message.text}{message.count % 2 === 0 ? '' : '\u200b'}
      </p>
    </AnnounceContext.Provider>
  );
}

/** Says a routine result on the board to screen readers. */
export function useBoardAnnounce(): (text: string) => void {
  return useContext(AnnounceContext);
}
