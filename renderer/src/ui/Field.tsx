import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

/** Props shared by labelled form controls. */
interface FieldProps {
  /** The visible label, which is also the accessible name. */
  label: string;
  /** Help text under the label, read with the control. */
  hint?: string;
  /** What is wrong and what to do; marks the control invalid. */
  error?: string | null;
}

interface FieldIds { id: string; hintId: string | undefined; errorId: string | undefined }

/** Lays out a label, hint, control and error, and wires their ids for assistive technology. */
export function Field({ label, hint, error, children }: FieldProps & { children: (ids: FieldIds) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['field', error ? 'field--invalid' : null].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>{label}</label>
      {hint ? <p className="field__hint" id={hintId}>{hint}</p> : null}
      {children({ id, hintId, errorId })}
      {error ? <p className="field__error" id={errorId}>{error}</p> : null}
    </div>
  );
}

function describedBy(ids: FieldIds): string | undefined {
  return [ids.hintId, ids.errorId].filter(Boolean).join(' ') || undefined;
}

/** Props of {@link TextInput}. */
export type TextInputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled text input. */
export function TextInput({ label, hint, error, className, ...rest }: TextInputProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(ids) => (
        <input
          {...rest}
          id={ids.id}
          className={['input', className].filter(Boolean).join(' ')}
          aria-describedby={describedBy(ids)}
          aria-invalid={error ? true : undefined}
        />
      )}
    </Field>
  );
}

/** Props of {@link Select}. */
export type SelectProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  options: readonly { value: string; label: string }[];
};

/** A labelled native select. */
export function Select({ label, hint, error, options, className, ...rest }: SelectProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(ids) => (
        <select
          {...rest}
          id={ids.id}
          className={['input', 'input--select', className].filter(Boolean).join(' ')}
          aria-describedby={describedBy(ids)}
          aria-invalid={error ? true : undefined}
        >
          {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
      )}
    </Field>
  );
}
