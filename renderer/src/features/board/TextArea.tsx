import { useId } from 'react';

/** A labelled multi-line text field (the ui kit has single-line inputs only), wired like Field. */
export function TextArea({ label, value, onChange, error, hint }: { label: string; value: string; onChange(v: string): void; error: string | null; hint?: string }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : null].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>{label}</label>
      {hint ? <p className="field__hint" id={`${id}-hint`}>{hint}</p> : null}
      <textarea
        id={id}
        className="input input--textarea"
        rows={4}
        value={value}
        maxLength={4000}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? <p className="field__error" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}
