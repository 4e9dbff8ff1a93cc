import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { readCaseMeta } from '../../collab/caseHeader';
import { scoped } from '../../collab/docSelection';
import { useDocSelector } from '../../collab/useDocSelector';
import { isId, type Room } from '../../domain/ids';
import { PageHeading } from '../../ui';
import { CaseActionsPanel } from '../actions/CaseActionsPanel';
import { afterNextPaint } from '../plan/nextTask';
import { SafetyPlanPanel } from '../plan/SafetyPlanPanel';
import { PresenceBar } from '../presence/PresenceBar';
import { Notice, useSession, type Access } from '../session';
import { CaseOpeningsDialog } from '../privacy/CaseOpeningsDialog';
import { ClosureFacts, ClosureNotice, CloseCaseDialog, closureErrorKey, useCaseClosure, type ClosureErrorKey } from '../privacy/CaseClosure';
import { usePrivacyApi } from '../privacy/usePrivacyApi';
import { AccessDialog } from './AccessDialog';
import { BoardAnnouncer } from './boardAnnouncer';
import { BoardHeader } from './BoardHeader';
import { ContactsPanel } from './ContactsPanel';
import { EscalationDialog } from './EscalationDialog';
import { MeasuresPanel } from './MeasuresPanel';
import { PersonsPanel } from './PersonsPanel';
import { RestrictedPartsPanel } from './RestrictedPartsPanel';
import { RiskPanel } from './RiskPanel';
import { TimelinePanel } from './TimelinePanel';
import './board.css';

/** The open room as the board's panels need it. */
export interface BoardRoom {
  room: Room;
  doc: Y.Doc;
  awareness: Awareness;
  access: Access;
  manage: boolean;
  /**
   * `doc` is the room's read copy, shown while the real document loads: the board is
   * inert (nothing can be pressed or typed) and busy, and the plan mounts no editors.
   */
  readCopy?: boolean;
}

const selectMeta = scoped(['meta'], readCaseMeta);

const jumps = [
  ['betrokkenen', 'board.persons.title'],
  ['risico', 'board.risk.title'],
  ['maatregelen', 'board.measures.title'],
  ['contactpersonen', 'board.contacts.title'],
  ['tijdlijn', 'board.timeline.title'],
  ['veiligheidsplan', 'plan.title'],
  ['afgeschermd', 'board.parts.title'],
  ['acties', 'actions.panelTitle'],
] as const;

/**
 * The board of one case: header, presence, persons, risk, measures, contacts, timeline,
 * the safety plan and the actions. View access shows everything with no edit controls.
 * Memoised: the page above re-renders on every change of the room's sync status (each
 * keystroke leaves it unconfirmed until the server answers), the board need not.
 */
export const CaseBoard = memo(function CaseBoard({ room, doc, awareness, access, manage, readCopy = false }: BoardRoom) {
  const { t } = useTranslation();
  const meta = useDocSelector(doc, selectMeta);
  const editable = access === 'edit';
  const [escalating, setEscalating] = useState(false);
  const [managing, setManaging] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const director = useSession().user.role === 'procesregisseur';
  const closed = meta?.status === 'afgesloten';
  const { closure, known } = useCaseClosure(room, closed);
  const privacyApi = usePrivacyApi();
  const [closingCase, setClosingCase] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [closureError, setClosureError] = useState<ClosureErrorKey | null>(null);
  const reopen = (): void => {
    setReopening(true);
    setClosureError(null);
    privacyApi.reopenCase(room).then(
      () => setReopening(false),
      (error: unknown) => {
        setReopening(false);
        setClosureError(closureErrorKey(error));
      },
    );
  };
  // The manager closes a case that is open, or one set to afgesloten by hand without a closure record.
  const closeable = manage && !readCopy && (!closed || (closure.state === 'ready' && closure.closure === null));
  // The action list, last on the page and far below the fold, renders in the frame after
  // the first paint: the board shows a frame sooner.
  const [actionsShown, setActionsShown] = useState(false);
  useEffect(() => afterNextPaint(() => setActionsShown(true)), []);
  const panelProps = { room, doc, awareness, access };

  if (!meta) {
    // Synced from the server (or the creator's header) soon; nothing to show before it.
    return (
      <div className="section-page">
        <PageHeading>{t('sections.case.title')}</PageHeading>
        <p role="status">{t('board.waitingForHeader')}</p>
      </div>
    );
  }
  return (
    <BoardAnnouncer>
      <div className="case-board" inert={readCopy} aria-busy={readCopy || undefined}>
        <BoardHeader doc={doc} meta={meta} editable={editable} manage={manage}
          onEscalate={() => setEscalating(true)} onManageAccess={() => setManaging(true)}
          {...(director ? { onShowOpenings: () => setReviewing(true) } : {})}
          {...(closeable ? { onCloseCase: () => setClosingCase(true) } : {})}
          {...(manage && !readCopy && closed ? { onReopenCase: reopen, reopening } : {})}
          closureFacts={<ClosureFacts closure={closure} />} />
        <ClosureNotice closure={closure} />
        <div role="alert">{closureError ? <Notice tone="danger"><p>{t(`privacy.closure.errors.${closureError}`)}</p></Notice> : null}</div>
        <PresenceBar {...panelProps} />
        {editable ? null : <Notice tone="info"><p>{t('board.readOnly')}</p></Notice>}
        <nav className="board-jumps" aria-label={t('board.onThisPage')}>
          <ul>
            {jumps.map(([id, key]) => <li key={id}><a href={`#${id}`} onClick={(event) => {
              // Hash routing owns location.hash: jump by scrolling instead of navigating.
              event.preventDefault();
              const target = document.getElementById(id);
              target?.scrollIntoView({ block: 'start' });
              target?.querySelector<HTMLElement>('h2')?.focus();
            }}>{t(key)}</a></li>)}
          </ul>
        </nav>
        <div className="case-board__grid">
          <PersonsPanel doc={doc} editable={editable} />
          <RiskPanel doc={doc} editable={editable} />
          <MeasuresPanel doc={doc} editable={editable} />
          <ContactsPanel doc={doc} editable={editable} />
        </div>
        <TimelinePanel doc={doc} editable={editable} />
        <div id="veiligheidsplan" className="case-board__slot"><SafetyPlanPanel {...panelProps} previewOnly={readCopy} /></div>
        {/* The parts live in rooms of their own: not drawn from a read copy. */}
        {readCopy || !isId('case', room) ? null : <RestrictedPartsPanel caseId={room} manage={manage} />}
        <div id="acties" className="case-board__slot">{actionsShown ? <CaseActionsPanel {...panelProps} /> : null}</div>
        {editable && escalating ? <EscalationDialog doc={doc} onClose={() => setEscalating(false)} /> : null}
        {manage ? <AccessDialog room={room} open={managing} onClose={() => setManaging(false)} /> : null}
        {manage ? <CloseCaseDialog caseId={room} open={closingCase} onClose={() => setClosingCase(false)} onClosed={(answer) => {
          setClosureError(null);
          known(answer);
        }} /> : null}
        {director ? <CaseOpeningsDialog caseId={room} open={reviewing} onClose={() => setReviewing(false)} /> : null}
      </div>
    </BoardAnnouncer>
  );
});
