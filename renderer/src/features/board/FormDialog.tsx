import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog } from '../../ui';
import { useBoardAnnounce } from './boardAnnouncer';
import { boardErrorOf, type BoardErrorKey } from './boardErrors';

/** The error of the last submit, for fields to show next to themselves. */
export interface FormErrorState {
  key: BoardErrorKey;
  field: string | null;
}

/**
 * A dialog with a form whose submit writes to the document. A refused write keeps the
 * dialog open with the Dutch reason (at the field when it names one); success closes it
 * and says "Opgeslagen" to screen readers.
 */
export function FormDialog({
  open, title, intro, onClose, onSubmit, submitLabel, children,
}: {
  open: boolean;
  title: string;
  intro?: ReactNode;
  onClose(): void;
  /** Performs the write; throws DomainError / CollabError to refuse. */
  onSubmit(): void;
  submitLabel?: string;
  children: (error: FormErrorState | null) => ReactNode;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<FormErrorState | null>(null);
  const announce = useBoardAnnounce();
  const close = (): void => {
    setError(null);
    onClose();
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    try {
      onSubmit();
    } catch (caught) {
      setError(boardErrorOf(caught));
      return;
    }
    setError(null);
    announce(t('board.saved'));
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title} closeLabel={t('common.close')}>
      <form onSubmit={submit} noValidate>
        {intro ? <div className="dialog__intro">{intro}</div> : null}
        {children(error)}
        <div role="alert">{error && error.field === null ? <p className="text-danger">{t(`board.errors.${error.key}`)}</p> : null}</div>
        <div className="form-actions">
          <Button type="submit" variant="primary">{submitLabel ?? t('board.save')}</Button>
          <Button onClick={close}>{t('board.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The message for `field` when the last submit was refused because of it. */
export function useFieldError(error: FormErrorState | null, field: string): string | null {
  const { t } = useTranslation();
  return error && error.field === field ? t(`board.errors.${error.key}`) : null;
}
