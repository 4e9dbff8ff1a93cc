import { Plus } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useToday } from '../../app/useNow';
import { useAppStore } from '../../app/store';
import { readActions } from '../../collab/actions';
import { scoped } from '../../collab/docSelection';
import { useDocSelector } from '../../collab/useDocSelector';
import { actionStatuses } from '../../domain/actionVocabulary';
import type { MeetingId } from '../../domain/ids';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui';
import { emptyDraft } from '../actions/actionDraft';
import { ActionDue } from '../actions/ActionDue';
import { ActionForm } from '../actions/ActionForm';
import { saveNewAction } from '../actions/actionWrites';
import { useDirectory, useSession } from '../session';
import '../actions/actions.css';

/**
 * Actions agreed on this item: created with the actions form, they go straight onto the
 * case's action list with a link to this meeting (`source: {kind:'meeting'}`).
 */
export function ItemActions({ doc, meetingId, meetingStart, editable }: { doc: Y.Doc; meetingId: MeetingId; meetingStart: string | null; editable: boolean }) {
  const titleId = useId();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { user } = useSession();
  const directory = useDirectory();
  const [adding, setAdding] = useState(false);
  const today = useToday();
  const select = useMemo(() => scoped(['actions'], (current: Y.Doc) => readActions(current)
    .filter((action) => action.source?.kind === 'meeting' && action.source.ref === meetingId)), [meetingId]);
  const actions = useDocSelector(doc, select);
  const actionDirectory = useMemo(() => ({ users: directory.users, orgs: directory.orgs }), [directory.users, directory.orgs]);
  const meetings = useMemo(() => [{ id: meetingId, start: meetingStart }], [meetingId, meetingStart]);

  return (
    <section className="mt-subsection" aria-labelledby={titleId}>
      <div className="mt-subsection__bar">
        <h3 id={titleId} className="mt-subheading">{t('meetings.item.actions')}</h3>
        {editable && !adding ? <Button icon={<Plus size={16} />} onClick={() => setAdding(true)}>{t('meetings.item.addAction')}</Button> : null}
      </div>
      {actions.length === 0 ? <p className="mt-muted">{t('meetings.item.noActions')}</p> : (
        <ul className="mt-actions">
          {actions.map((action) => (
            <li key={action.id} className="mt-actions__item">
              <span className="mt-actions__text">{action.description}</span>
              <span>{t('meetings.openActions.ownerValue', { name: directory.displayName(action.owner), org: directory.orgName(action.ownerOrg) })}</span>
              <ActionDue action={action} today={today} />
              <span className="mt-muted">{actionStatuses.label(action.status, language)}</span>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <ActionForm
          mode="create"
          initial={{ ...emptyDraft, source: `meeting:${meetingId}` }}
          directory={actionDirectory}
          meetings={meetings}
          onSubmit={(draft) => {
            const saved = saveNewAction(doc, draft, actionDirectory, { username: user.username });
            if (!saved.ok) return saved.error;
            setAdding(false);
            useAppStore.getState().announce(t('meetings.item.actionAdded'));
            return null;
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
    </section>
  );
}
