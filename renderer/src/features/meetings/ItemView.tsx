import { Lock } from 'lucide-react';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseBoard } from '../../domain/caseBoard';
import type { CaseId, MeetingId } from '../../domain/ids';
import type { AgendaRow } from './agendaRows';
import { afterNextPaint } from '../plan/nextTask';
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

// Its props (boards, agenda) keep their identity across advances: hiding it renders nothing.
const OpenActions = memo(OpenActionsItem);

/** The case on screen and the next case on the agenda after it, if any. */
function caseRowsAround(rows: readonly AgendaRow[], viewing: AgendaItemKey | null): { current: CaseId | null; next: CaseId | null } {
  const index = rows.findIndex((row) => row.key === viewing);
  const row = rows[index];
  const next = rows.slice(index + 1).find((candidate) => candidate.kind === 'case');
  return { current: row?.kind === 'case' ? row.key : null, next: index >= 0 && next?.kind === 'case' ? next.key : null };
}

/**
 * The agenda item on screen. A restricted item renders its heading only: no label, no
 * content, no request for either.
 *
 * Items stay mounted once shown (the open actions of the last meeting too), and the next case on the agenda is prepared (hidden)
 * after the current one has painted, so the chair's "next item" only swaps which one is
 * visible instead of building the item, its notes editor and its lists on every screen at
 * that moment. Only cases of the current agenda that this user may open are ever mounted.
 */
export function ItemView({ meetingId, meetingStart, rows, viewing, boards, agenda }: ItemViewProps) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  const [kept, setKept] = useState<readonly CaseId[]>([]);
  const [openActionsKept, setOpenActionsKept] = useState(false);
  const { current, next } = caseRowsAround(rows, viewing);
  useEffect(() => afterNextPaint(() => setKept((previous) => {
    const wanted = [current, next].filter((key): key is CaseId => key !== null && !previous.includes(key));
    return wanted.length > 0 ? [...previous, ...wanted] : previous;
  })), [current, next]);
  const row = rows.find((candidate) => candidate.key === viewing);
  const onOpenActions = row?.kind === 'open-actions';
  useEffect(() => {
    if (onOpenActions) setOpenActionsKept(true);
  }, [onOpenActions]);
  // Need-to-know: a case that left the agenda or became restricted unmounts at once.
  const openable = new Set(rows.filter((candidate) => candidate.kind === 'case').map((candidate) => candidate.key));
  const mounted = [...kept, ...(current !== null && !kept.includes(current) ? [current] : [])].filter((key) => openable.has(key));
  if (!row) return <h2 id="mt-item-heading" className="mt-heading">{t('meetings.agenda.empty')}</h2>;
  const heading = t('meetings.mode.item', { position: row.position, label: rowLabel(row) });
  return (
    <div className="mt-item">
      <h2 id="mt-item-heading" className="mt-item__title">{heading}</h2>
      {onOpenActions || openActionsKept ? (
        <div className="mt-item__open-actions" hidden={!onOpenActions}><OpenActions boards={boards} agenda={agenda} /></div>
      ) : null}
      {row.kind === 'restricted' ? (
        <p className="mt-restricted"><Lock size={16} aria-hidden="true" /> {t('meetings.item.restrictedBody')}</p>
      ) : null}
      {mounted.map((caseId) => (
        <div key={caseId} className="mt-item__case" hidden={caseId !== current}>
          <CaseItem caseId={caseId} meetingId={meetingId} meetingStart={meetingStart} shown={caseId === current} />
        </div>
      ))}
    </div>
  );
}
