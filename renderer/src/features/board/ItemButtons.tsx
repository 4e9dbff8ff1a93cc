import { Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';
import { useBoardAnnounce } from './boardAnnouncer';

/**
 * "Wijzigen" and "Verwijderen" for one record. The record's name follows the visible word
 * for screen readers ("Wijzigen Contactverbod"), so a list of them stays distinguishable.
 * Removing asks once more, in place.
 */
export function ItemButtons({ name, onEdit, onRemove }: { name: string; onEdit?: () => void; onRemove?: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const announce = useBoardAnnounce();
  if (confirming && onRemove) {
    return (
      <div className="item-buttons" role="group" aria-label={t('board.confirmRemove', { what: name })}>
        <span className="item-buttons__question">{t('board.confirmRemove', { what: name })}</span>
        <Button variant="primary" onClick={() => {
          setConfirming(false);
          onRemove();
          announce(t('board.removed'));
        }}>{t('board.confirmRemoveButton')}</Button>
        <Button variant="quiet" onClick={() => setConfirming(false)}>{t('board.cancel')}</Button>
      </div>
    );
  }
  return (
    <div className="item-buttons">
      {onEdit ? (
        <Button variant="quiet" icon={<Pencil size={16} />} onClick={onEdit}>
          {t('board.edit')}<span className="visually-hidden"> {name}</span>
        </Button>
      ) : null}
      {onRemove ? (
        <Button variant="quiet" icon={<Trash2 size={16} />} onClick={() => setConfirming(true)}>
          {t('board.remove')}<span className="visually-hidden"> {name}</span>
        </Button>
      ) : null}
    </div>
  );
}
