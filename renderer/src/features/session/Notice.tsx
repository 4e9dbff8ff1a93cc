import { AlertTriangle, CloudOff, Info } from 'lucide-react';
import type { ReactNode } from 'react';
import './session.css';

const icons = { danger: <AlertTriangle size={20} />, warning: <CloudOff size={20} />, info: <Info size={20} /> };

/** A message box in the flow of the page (errors under a form, the offline note). */
export function Notice({ tone, role, children }: { tone: 'danger' | 'warning' | 'info'; role?: 'alert' | 'status'; children: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={role}>
      <span className="notice__icon" aria-hidden="true">{icons[tone]}</span>
      <div className="notice__body">{children}</div>
    </div>
  );
}
