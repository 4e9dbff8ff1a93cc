import type { ButtonHTMLAttributes, ReactNode } from 'react';

/** Props of {@link IconButton}: `label` is required, it is the button's (Dutch) accessible name. */
export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'children'> {
  label: string;
  icon: ReactNode;
}

/** A button that shows only an icon; `label` names it for screen readers and as a tooltip. */
export function IconButton({ label, icon, className, type = 'button', ...rest }: IconButtonProps) {
  return (
    <button {...rest} type={type} aria-label={label} title={label} className={['icon-button', className].filter(Boolean).join(' ')}>
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
