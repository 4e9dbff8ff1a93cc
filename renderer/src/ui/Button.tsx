import type { ButtonHTMLAttributes, ReactNode } from 'react';

/** Props of {@link Button}: a native button; its visible text is its accessible name. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet';
  /** A lucide icon element; hidden from assistive technology (the text names the button). */
  icon?: ReactNode;
  children: ReactNode;
}

/** A button with text. Defaults to type="button" so it never submits a form by accident. */
export function Button({ variant = 'secondary', icon, children, className, type = 'button', ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type} className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}>
      {icon ? <span className="button__icon" aria-hidden="true">{icon}</span> : null}
      <span>{children}</span>
    </button>
  );
}
