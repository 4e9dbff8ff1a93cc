import { Info, TriangleAlert, X } from 'lucide-react';
import { useEffect } from 'react';

/** One message in the toaster. */
export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'warning';
}

/** Props of {@link Toaster}. */
export interface ToasterProps {
  toasts: readonly Toast[];
  onDismiss(id: number): void;
  /** Name of the notifications region ("Meldingen"). */
  label: string;
  /** Name of each toast's close button ("Melding sluiten"). */
  dismissLabel: string;
  /** How long a toast stays; the live region has already spoken it by then. */
  durationMs?: number;
}

function ToastItem({ toast, onDismiss, dismissLabel, durationMs }: { toast: Toast; onDismiss(id: number): void; dismissLabel: string; durationMs: number }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), durationMs);
    return () => clearTimeout(timer);
  }, [toast.id, onDismiss, durationMs]);
  return (
    <li className={`toast toast--${toast.tone}`}>
      <span className="toast__icon" aria-hidden="true">{toast.tone === 'warning' ? <TriangleAlert size={18} /> : <Info size={18} />}</span>
      <span className="toast__text">{toast.text}</span>
      <button type="button" className="toast__dismiss" aria-label={dismissLabel} title={dismissLabel} onClick={() => onDismiss(toast.id)}>
        <X size={16} aria-hidden="true" />
      </button>
    </li>
  );
}

/**
 * Announcements: visible toasts, plus a live region that screen readers speak. The live
 * region is always in the DOM (regions added together with their text are not read) and
 * holds only text, so the dismiss buttons are not read out with every message.
 */
export function Toaster({ toasts, onDismiss, label, dismissLabel, durationMs = 8000 }: ToasterProps) {
  const latest = toasts[toasts.length - 1];
  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {latest ? <p key={latest.id}>{latest.text}</p> : null}
      </div>
      {toasts.length > 0 ? (
        <section className="toaster" aria-label={label}>
          <ul className="toaster__list">
            {toasts.map((toast) => (
              <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} dismissLabel={dismissLabel} durationMs={durationMs} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
