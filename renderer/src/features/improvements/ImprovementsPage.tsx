import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { SectionPage } from '../../app/sections/SectionPage';
import { scoped } from '../../collab/docSelection';
import {
  addImprovement, improvementPhases, improvementsByPhase, improvementStatuses, improvementText, readImprovements, updateImprovement,
  type Improvement, type ImprovementInput, type ImprovementPhase, type ImprovementStatus, type ImprovementText,
} from '../../collab/improvements';
import { useDocSelector } from '../../collab/useDocSelector';
import { DomainError } from '../../domain/errors';
import { isId, type MeasuresId } from '../../domain/ids';
import { Button, Select, TextInput } from '../../ui';
import { localAwarenessUser } from '../plan/localUser';
import { RichTextSection } from '../plan/RichTextSection';
import { PresenceBar } from '../presence/PresenceBar';
import { useDirectory, useRooms, useSession } from '../session';
import { useRoomDoc } from '../session/useCaseDoc';
import { ReviewHistory } from './ReviewHistory';
import '../plan/plan.css';
import './improvements.css';

const selectImprovements = scoped(['measures'], readImprovements);

/** "Verbetermaatregelen": the region's board of improvement measures, grouped by phase. */
export function ImprovementsSection() {
  const { t } = useTranslation();
  const { entries } = useRooms();
  const room = entries.find((entry) => isId('measures', entry.room))?.room ?? null;
  return (
    <SectionPage title={t('sections.improvements.title')}>
      {room && isId('measures', room) ? <ImprovementsBoard room={room} /> : <p>{t('improvements.unavailable')}</p>}
    </SectionPage>
  );
}

function ImprovementsBoard({ room }: { room: MeasuresId }) {
  const { t } = useTranslation();
  const state = useRoomDoc(room);
  const { user } = useSession();
  if (state.status === 'no-access') return <p>{t('improvements.unavailable')}</p>;
  if (state.status !== 'open') return <p role="status">{t('improvements.loading')}</p>;
  const editable = state.access === 'edit';
  return (
    <div className="improvements">
      <p className="improvements__intro">{t('improvements.intro')}</p>
      <PresenceBar room={room} doc={state.doc} awareness={state.awareness} access={state.access} />
      {editable ? null : <p className="improvements__readonly">{t('improvements.readOnly')}</p>}
      <Phases doc={state.doc} awareness={state.awareness} editable={editable} username={user.username} />
      {editable ? <NewImprovement doc={state.doc} username={user.username} /> : null}
      <ReviewHistory room={room} canRecord={editable && user.role === 'procesregisseur'} />
    </div>
  );
}

function useChoices() {
  const { t } = useTranslation();
  const { orgs } = useDirectory();
  return useMemo(() => ({
    phases: improvementPhases.map((value) => ({ value, label: t(`improvements.phase.${value}`) })),
    statuses: improvementStatuses.map((value) => ({ value, label: t(`improvements.status.${value}`) })),
    orgs: [{ value: '', label: t('improvements.noOrg') }, ...orgs.map((org) => ({ value: org.id, label: org.name }))],
  }), [t, orgs]);
}

function Phases({ doc, awareness, editable, username }: { doc: Y.Doc; awareness: Awareness; editable: boolean; username: string }) {
  const { t } = useTranslation();
  const items = useDocSelector(doc, selectImprovements);
  return (
    <>
      {improvementsByPhase(items).map(({ phase, items: inPhase }) => (
        <section key={phase} className="improvements__phase" aria-labelledby={`fase-${phase}`} data-phase={phase}>
          <h2 id={`fase-${phase}`}>{t(`improvements.phase.${phase}`)}</h2>
          {inPhase.length === 0 ? <p className="improvements__empty">{t('improvements.emptyPhase')}</p> : (
            <ul className="improvements__list">
              {inPhase.map((item) => (
                <li key={item.id}>
                  <ImprovementCard doc={doc} awareness={awareness} item={item} editable={editable} username={username} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function ImprovementCard({ doc, awareness, item, editable, username }: { doc: Y.Doc; awareness: Awareness; item: Improvement; editable: boolean; username: string }) {
  const { t } = useTranslation();
  const { orgName } = useDirectory();
  const choices = useChoices();
  const headingId = useId();
  const change = (patch: Partial<ImprovementInput>) => updateImprovement(doc, item.id, patch, { username });
  const [title, setTitle] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const saveTitle = () => {
    if (title === null) return;
    try {
      change({ title });
      setTitle(null);
      setTitleError(null);
    } catch (error) {
      setTitleError(error instanceof DomainError && error.code === 'text-too-long' ? t('improvements.titleTooLong') : t('improvements.titleMissing'));
    }
  };
  return (
    <article className="improvement" aria-labelledby={headingId} data-improvement={item.id}>
      <h3 id={headingId} className="improvement__title">{item.title || t('improvements.untitled')}</h3>
      {editable ? (
        <div className="improvement__fields">
          <TextInput label={t('improvements.title')} value={title ?? item.title} maxLength={200} error={titleError}
            onChange={(event) => setTitle(event.target.value)} onBlur={saveTitle}
            onKeyDown={(event) => { if (event.key === 'Enter') saveTitle(); }} />
          <Select label={t('improvements.statusLabel')} value={item.status} options={choices.statuses}
            onChange={(event) => change({ status: event.target.value as ImprovementStatus })} />
          <Select label={t('improvements.phaseLabel')} value={item.phase} options={choices.phases}
            onChange={(event) => change({ phase: event.target.value as ImprovementPhase })} />
          <Select label={t('improvements.org')} value={item.org} options={choices.orgs}
            onChange={(event) => change({ org: event.target.value })} />
        </div>
      ) : (
        <dl className="improvement__facts">
          <dt>{t('improvements.statusLabel')}</dt><dd data-field="status">{t(`improvements.status.${item.status}`)}</dd>
          <dt>{t('improvements.org')}</dt><dd>{item.org ? orgName(item.org) : t('improvements.noOrg')}</dd>
        </dl>
      )}
      <ImprovementTextField doc={doc} awareness={awareness} item={item} field="progress" editable={editable} />
      <ImprovementTextField doc={doc} awareness={awareness} item={item} field="bottlenecks" editable={editable} />
    </article>
  );
}

function ImprovementTextField({ doc, awareness, item, field, editable }: { doc: Y.Doc; awareness: Awareness; item: Improvement; field: ImprovementText; editable: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const user = useMemo(() => localAwarenessUser(awareness), [awareness]);
  const [created, setCreated] = useState<Y.XmlFragment | null>(null);
  // A measure written without this text gets one when an editor asks for it.
  const fragment = useMemo(() => improvementText(doc, item.id, field), [doc, item.id, field]) ?? created;
  const create = useCallback(() => setCreated(improvementText(doc, item.id, field, true)), [doc, item.id, field]);
  const label = t(`improvements.${field}`);
  if (!fragment) {
    return editable ? <Button variant="quiet" onClick={create}>{t('improvements.addText', { field: label })}</Button> : null;
  }
  // Editors are mounted at once (keyboard users reach them by Tab); readers get the plain preview.
  return (
    <RichTextSection
      className="improvement__text"
      headingId={headingId}
      title={label}
      editorLabel={t('improvements.editorLabel', { field: label, title: item.title })}
      fragment={fragment}
      awareness={awareness}
      user={user}
      editable={editable}
      live={editable}
      onWake={() => {}}
      focusOnMount={false}
    />
  );
}

function NewImprovement({ doc, username }: { doc: Y.Doc; username: string }) {
  const { t } = useTranslation();
  const choices = useChoices();
  const [input, setInput] = useState<ImprovementInput>({ title: '', phase: 'nieuw', status: 'gepland', org: '' });
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      addImprovement(doc, input, { username });
    } catch (caught) {
      setError(caught instanceof DomainError && caught.code === 'text-too-long' ? t('improvements.titleTooLong') : t('improvements.titleMissing'));
      return;
    }
    setAdded(t('improvements.added', { title: input.title.trim() }));
    setError(null);
    setInput({ ...input, title: '' });
  };
  return (
    <section className="improvements__new" aria-labelledby="nieuwe-maatregel">
      <h2 id="nieuwe-maatregel">{t('improvements.newTitle')}</h2>
      <form onSubmit={submit} className="improvements__form">
        <TextInput label={t('improvements.title')} value={input.title} maxLength={200} error={error}
          onChange={(event) => setInput({ ...input, title: event.target.value })} />
        <Select label={t('improvements.phaseLabel')} value={input.phase} options={choices.phases}
          onChange={(event) => setInput({ ...input, phase: event.target.value as ImprovementPhase })} />
        <Select label={t('improvements.statusLabel')} value={input.status} options={choices.statuses}
          onChange={(event) => setInput({ ...input, status: event.target.value as ImprovementStatus })} />
        <Select label={t('improvements.org')} value={input.org} options={choices.orgs}
          onChange={(event) => setInput({ ...input, org: event.target.value })} />
        <Button type="submit" variant="primary">{t('improvements.add')}</Button>
      </form>
      <p role="status" className="visually-hidden">{added ?? ''}</p>
    </section>
  );
}
