import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CaseBoard } from '../../domain/caseBoard';
import type { CaseId, MeetingId } from '../../domain/ids';
import type { AgendaRow } from './agendaRows';
import { CaseItem } from './CaseItem';
import type { AgendaItemKey } from './followState';
import { OpenActionsItem } from './OpenActionsItem';
import { useRowLabel } from './useRowLabel';

/** Props of {@link ItemView}. */
export interface ItemViewProps {
  meetingId: MeetingId;
  meetingStart: string | null;
  rows: readonly AgendaRow[];
  viewing: AgendaItemKey | null;
  boards: ReadonlyMap<CaseId, CaseBoard>;
  agenda: readonly CaseId[];
}

/** The agenda item on screen. A restricted item renders its heading only: no label, no content, no request for either. */
export function ItemView({ meetingId, meetingStart, rows, viewing, boards, agenda }: ItemViewProps) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  const row = rows.find((candidate) => candidate.key === viewing);
  if (!row) return <h2 id="mt-item-heading" className="mt-heading">{t('meetings.agenda.empty')}</h2>;
  const heading = t('meetings.mode.item', { position: row.position, label: rowLabel(row) });
  return (
    <div className="mt-item">
      <h2 id="mt-item-heading" className="mt-item__title">{heading}</h2>
      {row.kind === 'open-actions' ? <OpenActionsItem boards={boards} agenda={agenda} /> : null}
      {row.kind === 'restricted' ? (
        <p className="mt-restricted"><Lock size={16} aria-hidden="true" /> {t('meetings.item.restrictedBody')}</p>
      ) : null}
      {row.kind === 'case' ? <CaseItem key={row.key} caseId={row.key} meetingId={meetingId} meetingStart={meetingStart} /> : null}
    </div>
  );
}
