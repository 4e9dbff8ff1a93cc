import { Pencil, Plus } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Action } from '../../domain/actionRecord';
import { actionStatuses, type ActionStatus } from '../../domain/actionVocabulary';
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

/**
 * The actions of one case on its board: list, create, change owner/due/description and
 * status. View access shows the same list without controls.
 */
export function CaseActionsView({ doc, access, me, directory, meetings, today }: CaseActionsViewProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const headingId = useId();
  const actions = useCaseActions(doc);
  const [editing, setEditing] = useState<Editing>(null);
  const [announcement, setAnnouncement] = useState('');
  const editable = access === 'edit' && me !== null;

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
  const changeStatus = (action: Action, status: ActionStatus): void => {
    const result = saveStatus(doc, action.id, status);
    setAnnouncement(result.ok ? t('actions.changed') : t('actions.notSaved', { reason: t(`actions.errors.${result.error}`) }));
  };

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
      {actions.length === 0 ? <p className="case-actions__none">{t('actions.none')}</p> : (
        <ul className="action-list">
          {actions.map((action) => {
            const source = sourceLabel(action);
            return (
              <li key={action.id} className="action-item" data-action-id={action.id}>
                <div className="action-item__main">
                  <p className="action-item__description">{action.description}</p>
                  <p className="action-item__facts">
                    <span>{t('actions.owner')}: {ownerLabel(action)}</span>
                    {action.owner === me ? <span className="action-item__mine">{t('actions.mine')}</span> : null}
                    <span>{t('actions.due')}: <ActionDue action={action} today={today} /></span>
                    {source ? <span>{t('actions.source')}: {source}</span> : null}
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
                            if (actionStatuses.is(event.target.value)) changeStatus(action, event.target.value);
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
                        onClick={() => setEditing({ mode: 'edit', action })}
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
          })}
        </ul>
      )}
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
