import { Lock } from 'lucide-react';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseBoard } from '../../domain/caseBoard';
import type { CaseId, MeetingId } from '../../domain/ids';
import type { AgendaRow } from './agendaRows';
import { afterNextPaint, afterPaintWhenIdle } from '../plan/nextTask';
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

/**
 * The case on screen, and the first case of the agenda after it (wrapping round) that is
 * not prepared yet: the items are prepared in the order the chair will most likely go.
 */
function casesAround(rows: readonly AgendaRow[], viewing: AgendaItemKey | null, prepared: readonly CaseId[]): { current: CaseId | null; toPrepare: CaseId | null } {
  const index = rows.findIndex((row) => row.key === viewing);
  const row = rows[index];
  const ordered = [...rows.slice(index + 1), ...rows.slice(0, Math.max(index, 0))];
  const next = ordered.find((candidate) => candidate.kind === 'case' && !prepared.includes(candidate.key));
  return { current: row?.kind === 'case' ? row.key : null, toPrepare: next?.kind === 'case' ? next.key : null };
}

/**
 * The agenda item on screen. A restricted item renders its heading only: no label, no
 * content, no request for either.
 *
 * Items stay mounted once shown (the open actions of the last meeting too), and the other
 * cases of the agenda are prepared (mounted hidden) one at a time while the page is idle,
 * starting with the next one, so the chair's "next item" (or a pick further down) only
 * swaps which item is visible instead of building it, its notes editor and its lists on
 * every screen at that moment. Only cases of the current agenda that this user may open are
 * ever mounted.
 */
export function ItemView({ meetingId, meetingStart, rows, viewing, boards, agenda }: ItemViewProps) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  const [kept, setKept] = useState<readonly CaseId[]>([]);
  const [openActionsKept, setOpenActionsKept] = useState(false);
  const { current, toPrepare } = casesAround(rows, viewing, kept);
  const keep = (key: CaseId) => () => setKept((previous) => (previous.includes(key) ? previous : [...previous, key]));
  useEffect(() => (current === null || kept.includes(current) ? undefined : afterNextPaint(keep(current))), [current, kept]);
  useEffect(() => (toPrepare === null ? undefined : afterPaintWhenIdle(keep(toPrepare))), [toPrepare]);
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
