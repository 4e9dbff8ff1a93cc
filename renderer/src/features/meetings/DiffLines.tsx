import { useTranslation } from 'react-i18next';
import type { DiffLine } from '../../domain/textDiff';

/**
 * Lines of a text diff. Added and removed lines are marked by colour AND by a spoken and
 * printed prefix (+ / −, "toegevoegd" / "verwijderd"), never by colour alone.
 */
export function DiffLines({ lines }: { lines: readonly DiffLine[] }) {
  const { t } = useTranslation();
  return (
    <ul className="mt-diff">
      {lines.map((line, index) => (
        // Lines have no identity of their own: position is their key.
        <li key={index} className={`mt-diff__line mt-diff--${line.kind}`}>
          {line.kind === 'same' ? null : (
            <span className="mt-diff__mark">
              <span aria-hidden="true">{line.kind === 'added' ? '+' : '−'}</span>
              <span className="visually-hidden">{t(line.kind === 'added' ? 'meetings.changes.lineAdded' : 'meetings.changes.lineRemoved')}</span>{' '}
            </span>
          )}
          <span>{line.text === '' ? ' ' : line.text}</span>
        </li>
      ))}
    </ul>
  );
}
