import { ArrowDown, ArrowUp, GripVertical, Trash2 } from 'lucide-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { removeFromAgenda, setAgendaOrder } from '../../collab/agenda';
import type { CaseId, MeetingId } from '../../domain/ids';
import type { CurrentItem } from '../../domain/meetingRecords';
import { IconButton } from '../../ui';
import { AddToAgenda } from './AddToAgenda';
import { dropDelta, moveLimits, moveOnAgenda } from './agendaMove';
import type { AgendaRow } from './agendaRows';
import type { AgendaItemKey } from './followState';
import { useRowLabel } from './useRowLabel';

/** Props of {@link AgendaPanel}. */
export interface AgendaPanelProps {
  meetingId: MeetingId;
  doc: Y.Doc;
  rows: readonly AgendaRow[];
  /** The item on this screen. */
  viewing: AgendaItemKey | null;
  /** The item the chair put on every screen (null before the meeting started). */
  current: CurrentItem;
  /** The chair may order, add and remove. */
  isChair: boolean;
  onPick(item: AgendaItemKey): void;
}

/**
 * The agenda: every item is a button that opens it. The chair orders cases by drag and
 * by keyboard (Omhoog/Omlaag per case, announced in a live region), adds cases he can
 * access and takes cases off. Restricted items carry no label and no facts.
 */
export function AgendaPanel({ meetingId, doc, rows, viewing, current, isChair, onPick }: AgendaPanelProps) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<CaseId | null>(null);
  const caseCount = rows.length;

  const move = (caseId: CaseId, delta: number): void => {
    const row = rows.find((candidate) => candidate.key === caseId);
    if (!row || delta === 0) return;
    const { order, position } = moveOnAgenda(rows, caseId, delta);
    setAgendaOrder(doc, order);
    setAnnouncement(t('meetings.agenda.moved', { label: rowLabel(row), position, count: caseCount }));
  };
  const remove = (row: AgendaRow): void => {
    if (row.kind === 'open-actions') return;
    removeFromAgenda(doc, row.key);
    setAnnouncement(t('meetings.agenda.removed', { label: rowLabel(row) }));
  };
  const onDrop = (event: DragEvent, target: CaseId): void => {
    event.preventDefault();
    if (dragging === null) return;
    const delta = dropDelta(rows, dragging, target);
    setDragging(null);
    if (delta !== null) move(dragging, delta);
  };

  return (
    <section className="mt-agenda" aria-labelledby="mt-agenda-title">
      <h2 id="mt-agenda-title" className="mt-heading">{t('meetings.agenda.title')}</h2>
      {isChair ? <p className="mt-muted mt-agenda__hint">{t('meetings.agenda.chairHint')}</p> : null}
      <ol className="mt-agenda__list">
        {rows.map((row) => {
          const label = rowLabel(row);
          const caseKey = row.kind === 'open-actions' ? null : row.key;
          const movable = isChair && caseKey !== null;
          const limits = caseKey !== null ? moveLimits(rows, caseKey) : { up: false, down: false };
          return (
            <li
              key={row.kind === 'restricted' ? `restricted-${row.position}` : row.key}
              className={['mt-agenda__row', viewing === row.key ? 'mt-agenda__row--viewing' : null, dragging === row.key ? 'mt-agenda__row--dragging' : null].filter(Boolean).join(' ')}
              draggable={movable}
              onDragStart={movable ? (event) => { event.dataTransfer.effectAllowed = 'move'; setDragging(caseKey); } : undefined}
              onDragOver={movable ? (event) => { if (dragging !== null && dropDelta(rows, dragging, caseKey) !== null) event.preventDefault(); } : undefined}
              onDrop={movable ? (event) => onDrop(event, caseKey) : undefined}
              onDragEnd={() => setDragging(null)}
            >
              {movable ? <span className="mt-agenda__grip" aria-hidden="true"><GripVertical size={16} /></span> : null}
              <button type="button" className="mt-agenda__item" aria-current={viewing === row.key ? 'true' : undefined} onClick={() => onPick(row.key)}>
                <span className="mt-agenda__pos">{row.position}.</span>
                <span className="mt-agenda__text">
                  <span className={row.kind === 'restricted' ? 'mt-agenda__label mt-agenda__label--restricted' : 'mt-agenda__label'}>{label}</span>
                  {current === row.key ? <span className="mt-badge mt-badge--live">{t('meetings.agenda.now')}</span> : null}
                  {row.kind === 'case' && row.group === 'children' ? <span className="mt-badge">{t('meetings.agenda.children')}</span> : null}
                  {row.kind === 'case' && row.longNotDiscussed ? (
                    <span className="mt-badge mt-badge--warning">{t('meetings.agenda.longNotDiscussed', { count: row.weeksSinceDiscussed ?? 0 })}</span>
                  ) : null}
                </span>
              </button>
              {movable ? (
                <span className="mt-agenda__tools">
                  <IconButton label={t('meetings.agenda.moveUp', { label })} icon={<ArrowUp size={16} />} disabled={!limits.up} onClick={() => move(caseKey, -1)} />
                  <IconButton label={t('meetings.agenda.moveDown', { label })} icon={<ArrowDown size={16} />} disabled={!limits.down} onClick={() => move(caseKey, 1)} />
                  <IconButton label={t('meetings.agenda.remove', { label })} icon={<Trash2 size={16} />} onClick={() => remove(row)} />
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {rows.length <= 1 ? <p className="mt-muted">{t('meetings.agenda.empty')}</p> : null}
      <p className="visually-hidden" aria-live="polite">{announcement}</p>
      {isChair ? <AddToAgenda meetingId={meetingId} doc={doc} onAgenda={rows} onAdded={(label) => setAnnouncement(t('meetings.agenda.added', { label }))} /> : null}
    </section>
  );
}
