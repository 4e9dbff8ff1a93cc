import { ChevronDown, ChevronRight, Pencil, Plus } from 'lucide-react';
import { memo, useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Action } from '../../domain/actionRecord';
import { actionStatuses, isOpenStatus, type ActionStatus } from '../../domain/actionVocabulary';
import type { IsoDate } from '../../domain/dates';
import { safetyPlanSections } from '../../domain/safetyPlanSections';
import { useLanguage } from '../../i18n';
import { Button, Dialog } from '../../ui';
import { emptyDraft } from './actionDraft';
import { ActionDue } from './ActionDue';
import { ActionForm, type MeetingChoice } from './ActionForm';
import { draftOf, saveActionChanges, saveNewAction, saveStatus } from './actionWrites';
import { findUser, orgName, type ActionDirectory } from './directory';
import { useCaseActions } from './useCaseActions';

/** Props of {@link CaseActionsView}. */
export interface CaseActionsViewProps {
  doc: Y.Doc;
  access: 'edit' | 'view';
  /** The signed-in user's username (author of new actions, "van u"). */
  me: string | null;
  directory: ActionDirectory;
  meetings: readonly MeetingChoice[];
  today: IsoDate;
}

type Editing = { mode: 'create' } | { mode: 'edit'; action: Action } | null;

/** What one row shows and does; strings are computed by the list so rows render only when they change. */
interface ActionRowProps {
  action: Action;
  ownerLabel: string;
  sourceLabel: string | null;
  mine: boolean;
  editable: boolean;
  today: IsoDate;
  onStatus(action: Action, status: ActionStatus): void;
  onEdit(action: Action): void;
}

/** One action on the board. Memoised: a change to one action re-renders one row, not all of them. */
const ActionRow = memo(function ActionRow({ action, ownerLabel, sourceLabel, mine, editable, today, onStatus, onEdit }: ActionRowProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <li className="action-item" data-action-id={action.id}>
      <div className="action-item__main">
        <p className="action-item__description">{action.description}</p>
        <p className="action-item__facts">
          <span>{t('actions.owner')}: {ownerLabel}</span>
          {mine ? <span className="action-item__mine">{t('actions.mine')}</span> : null}
          <span>{t('actions.due')}: <ActionDue action={action} today={today} /></span>
          {sourceLabel ? <span>{t('actions.source')}: {sourceLabel}</span> : null}
        </p>
      </div>
      <div className="action-item__controls">
        {editable ? (
          <>
            <label className="action-item__status">
              <span>{t('actions.status')}</span>
              <select
                className="input input--select"
                value={action.status}
                aria-label={t('actions.statusOf', { description: action.description })}
                onChange={(event) => {
                  if (actionStatuses.is(event.target.value)) onStatus(action, event.target.value);
                }}
              >
                {actionStatuses.values.map((status) => (
                  <option key={status} value={status}>{actionStatuses.label(status, language)}</option>
                ))}
              </select>
            </label>
            <Button
              variant="quiet"
              icon={<Pencil size={16} />}
              aria-label={t('actions.editLabel', { description: action.description })}
              onClick={() => onEdit(action)}
            >
              {t('actions.edit')}
            </Button>
          </>
        ) : (
          <span className="action-item__status-text">{t('actions.status')}: {actionStatuses.label(action.status, language)}</span>
        )}
      </div>
    </li>
  );
});

/**
 * The actions of one case on its board: list, create, change owner/due/description and
 * status. Current actions (open, bezig) are listed; finished ones (gedaan, niet gedaan,
 * vervallen) are folded away behind a button with their count, so a case with years of
 * history opens on what still needs doing. View access shows the same lists without controls.
 */
export function CaseActionsView({ doc, access, me, directory, meetings, today }: CaseActionsViewProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const headingId = useId();
  const closedListId = useId();
  const actions = useCaseActions(doc);
  const [editing, setEditing] = useState<Editing>(null);
  const [showClosed, setShowClosed] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const editable = access === 'edit' && me !== null;
  const [current, closed] = useMemo(() => [
    actions.filter((action) => isOpenStatus(action.status)),
    actions.filter((action) => !isOpenStatus(action.status)),
  ], [actions]);

  const ownerLabel = (action: Action): string => {
    const user = findUser(directory, action.owner);
    return t('actions.ownerOption', {
      name: user?.name ?? t('actions.ownerUnknown', { username: action.owner }),
      org: orgName(directory, action.ownerOrg),
    });
  };
  const sourceLabel = (action: Action): string | null => {
    if (!action.source) return null;
    if (action.source.kind === 'section') {
      return safetyPlanSections.is(action.source.ref)
        ? t('actions.sourceSection', { section: safetyPlanSections.label(action.source.ref, language) })
        : null;
    }
    return t('actions.sourceMeeting');
  };
  const changeStatus = useCallback((action: Action, status: ActionStatus): void => {
    const result = saveStatus(doc, action.id, status);
    setAnnouncement(result.ok ? t('actions.changed') : t('actions.notSaved', { reason: t(`actions.errors.${result.error}`) }));
  }, [doc, t]);
  const startEdit = useCallback((action: Action): void => setEditing({ mode: 'edit', action }), []);
  const rows = (list: readonly Action[]) => list.map((action) => (
    <ActionRow key={action.id} action={action} ownerLabel={ownerLabel(action)} sourceLabel={sourceLabel(action)}
      mine={action.owner === me} editable={editable} today={today} onStatus={changeStatus} onEdit={startEdit} />
  ));

  return (
    <section className="case-actions" aria-labelledby={headingId}>
      <div className="case-actions__header">
        <h2 id={headingId} className="case-actions__title">{t('actions.panelTitle')}</h2>
        {editable ? (
          <Button variant="secondary" icon={<Plus size={18} />} onClick={() => setEditing({ mode: 'create' })}>
            {t('actions.add')}
          </Button>
        ) : null}
      </div>
      <p className="case-actions__intro">{editable ? t('actions.panelIntro') : t('actions.readOnly')}</p>
      <p className="visually-hidden" role="status">{announcement}</p>
      {actions.length === 0 ? <p className="case-actions__none">{t('actions.none')}</p> : null}
      {actions.length > 0 && current.length === 0 ? <p className="case-actions__none">{t('actions.noneCurrent')}</p> : null}
      {current.length > 0 ? <ul className="action-list">{rows(current)}</ul> : null}
      {closed.length > 0 ? (
        <div className="case-actions__closed">
          <Button variant="quiet" aria-expanded={showClosed} aria-controls={closedListId}
            icon={showClosed ? <ChevronDown size={16} /> : <ChevronRight size={16} />}
            onClick={() => setShowClosed((shown) => !shown)}>
            {t(showClosed ? 'actions.hideClosed' : 'actions.showClosed', { count: closed.length })}
          </Button>
          <ul id={closedListId} className="action-list" aria-label={t('actions.closedList')} hidden={!showClosed}>
            {showClosed ? rows(closed) : null}
          </ul>
        </div>
      ) : null}
      {editing ? (
        <Dialog
          open
          onClose={() => setEditing(null)}
          title={editing.mode === 'create' ? t('actions.formTitle') : t('actions.editTitle')}
          closeLabel={t('common.close')}
        >
          <ActionForm
            mode={editing.mode}
            initial={editing.mode === 'create' ? emptyDraft : draftOf(editing.action)}
            directory={directory}
            meetings={meetings}
            {...(editing.mode === 'edit'
              ? { currentOwner: { username: editing.action.owner, org: editing.action.ownerOrg, label: ownerLabel(editing.action) } }
              : {})}
            onCancel={() => setEditing(null)}
            onSubmit={(draft) => {
              if (!me) return 'other';
              const result = editing.mode === 'create'
                ? saveNewAction(doc, draft, directory, { username: me })
                : saveActionChanges(doc, editing.action, draft, directory);
              if (!result.ok) return result.error;
              setEditing(null);
              setAnnouncement(editing.mode === 'create' ? t('actions.saved') : t('actions.changed'));
              return null;
            }}
          />
        </Dialog>
      ) : null}
    </section>
  );
}
