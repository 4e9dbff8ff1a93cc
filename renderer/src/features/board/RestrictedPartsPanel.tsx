import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { partBody } from '../../collab/restrictedPart';
import { isId, type CaseId } from '../../domain/ids';
import { Button, Dialog, TextInput } from '../../ui';
import { localAwarenessUser } from '../plan/localUser';
import { RichTextSection } from '../plan/RichTextSection';
import { isApiError, useDirectory, useLiveSession, useRooms, useSession, useRoomDoc, type RestrictedPart } from '../session';
import { Panel } from './Panel';
import '../plan/plan.css';

/** How often the list of parts is asked again while the board is open (a change of organisations shows within this). */
const pollMs = 5_000;
/** The server's limit on a part's title. */
const maxTitle = 120;

/**
 * "Afgeschermde delen" (docs/design.md, "Restricted parts"): every part of the case with its
 * title and organisations. A part the user may open is its own room, shown with a live editor
 * (read-only for view access); a part they may not open shows only that it exists and for whom,
 * and its room is never asked for. The case's manager adds parts and sets their organisations.
 */
export function RestrictedPartsPanel({ caseId, manage }: { caseId: CaseId; manage: boolean }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const { entries } = useRooms();
  const { orgName } = useDirectory();
  const [parts, setParts] = useState<RestrictedPart[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<RestrictedPart | null>(null);
  // The parts I hold change with the rooms list (a socket closed on a removed organisation drops one).
  const partRoomsKey = entries.filter((entry) => isId('part', entry.room)).map((entry) => `${entry.room}=${entry.access}`).join(' ');
  const load = useCallback(async () => {
    try {
      setParts(await api.parts(caseId));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [api, caseId]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), pollMs);
    return () => clearInterval(timer);
  }, [load, partRoomsKey]);

  const names = (orgs: readonly string[]): string => orgs.map(orgName).join(', ');
  const held = new Set(entries.map((entry) => entry.room));
  return (
    <Panel id="afgeschermd" title={t('board.parts.title')}
      actions={manage ? <Button onClick={() => setAdding(true)}>{t('board.parts.add')}</Button> : null}>
      <p className="board-panel__intro">{t('board.parts.intro')}</p>
      {parts === null && failed ? <p role="status">{t('board.parts.unavailable')}</p> : null}
      {parts === null && !failed ? <p role="status">{t('board.parts.loading')}</p> : null}
      {parts !== null && parts.length === 0 ? <p>{t('board.parts.none')}</p> : null}
      {parts?.map((part) => (
        <div key={part.room} className="restricted-part">
          {part.access !== null && held.has(part.room) ? (
            <OpenPart part={part} orgNames={names(part.orgs)} />
          ) : part.access !== null ? (
            <HeldSoon title={part.title} />
          ) : (
            <p className="restricted-part__closed">{t('board.parts.closed', { title: part.title, orgs: names(part.orgs) })}</p>
          )}
          {manage ? (
            <Button onClick={() => setEditing(part)}>{t('board.parts.changeOrgs', { title: part.title })}</Button>
          ) : null}
        </div>
      ))}
      {manage ? (
        <PartDialog caseId={caseId} part={null} open={adding} onClose={() => setAdding(false)} onSaved={() => void load()} />
      ) : null}
      {manage && editing ? (
        <PartDialog caseId={caseId} part={editing} open onClose={() => setEditing(null)} onSaved={() => void load()} />
      ) : null}
    </Panel>
  );
}

/** A part the server says I may open, before the rooms list has it: ask for the list once. */
function HeldSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  const live = useLiveSession();
  useEffect(() => {
    void live.refreshRooms();
  }, [live]);
  return <p role="status">{t('board.parts.opening', { title })}</p>;
}

/** An open part: its title, the live editor of its body and for whom it is. */
function OpenPart({ part, orgNames }: { part: RestrictedPart; orgNames: string }) {
  const { t } = useTranslation();
  const state = useRoomDoc(part.room);
  const headingId = useId();
  const doc = state.status === 'open' ? state.doc : null;
  const awareness = state.status === 'open' ? state.awareness : null;
  const fragment = useMemo(() => (doc ? partBody(doc) : null), [doc]);
  const user = useMemo(() => (awareness ? localAwarenessUser(awareness) : null), [awareness]);
  const [focus, setFocus] = useState(false);
  const forWhom = <p className="restricted-part__orgs">{t('board.parts.onlyFor', { orgs: orgNames })}</p>;
  if (state.status !== 'open' || !fragment || !awareness) {
    return (
      <section className="plan-section" aria-labelledby={headingId}>
        <h3 id={headingId} className="plan-section__title">{part.title}</h3>
        {forWhom}
        <p role="status">{state.status === 'no-access' ? t('board.parts.noAccess') : t('board.parts.loadingPart')}</p>
      </section>
    );
  }
  return (
    <RichTextSection
      className="restricted-part__section"
      headingId={headingId}
      title={part.title}
      editorLabel={t('board.parts.editorLabel', { title: part.title })}
      fragment={fragment}
      awareness={awareness}
      user={user}
      editable={state.access === 'edit'}
      live
      onWake={() => setFocus(true)}
      focusOnMount={focus}
      footer={forWhom}
    />
  );
}

type PartError = 'title' | 'orgs' | 'forbidden' | 'unreachable' | 'other';

/** Adds a part (`part` null) or changes a part's organisations. */
function PartDialog({ caseId, part, open, onClose, onSaved }: { caseId: CaseId; part: RestrictedPart | null; open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const { orgs } = useDirectory();
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<readonly string[]>(part?.orgs ?? []);
  const [error, setError] = useState<PartError | null>(null);
  const [busy, setBusy] = useState(false);
  const legendId = useId();
  const close = (): void => {
    setError(null);
    if (!part) {
      setTitle('');
      setChosen([]);
    }
    onClose();
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!part && (trimmed.length === 0 || trimmed.length > maxTitle)) return setError('title');
    if (chosen.length === 0) return setError('orgs');
    setBusy(true);
    setError(null);
    const work = part ? api.setPartOrgs(part.room, chosen) : api.createPart(caseId, trimmed, chosen);
    work.then(() => {
      setBusy(false);
      onSaved();
      close();
    }, (caught: unknown) => {
      setBusy(false);
      setError(isApiError(caught, 'forbidden') ? 'forbidden' : isApiError(caught, 'unreachable') ? 'unreachable' : 'other');
    });
  };
  const dialogTitle = part ? t('board.parts.orgsTitle', { title: part.title }) : t('board.parts.addTitle');
  return (
    <Dialog open={open} onClose={close} title={dialogTitle} closeLabel={t('common.close')}>
      <form onSubmit={submit} noValidate>
        <p className="dialog__intro">{part ? t('board.parts.orgsIntro') : t('board.parts.addIntro')}</p>
        {part ? null : (
          <TextInput label={t('board.parts.titleLabel')} hint={t('board.parts.titleHint')} value={title} maxLength={maxTitle}
            autoComplete="off" onChange={(event) => setTitle(event.target.value)} error={error === 'title' ? t('board.parts.errors.title') : null} />
        )}
        <fieldset className="checkbox-group" aria-describedby={error === 'orgs' ? `${legendId}-error` : undefined}>
          <legend id={legendId}>{t('board.parts.orgsLabel')}</legend>
          {orgs.map((org) => (
            <label key={org.id} className="checkbox">
              <input type="checkbox" checked={chosen.includes(org.id)}
                onChange={(event) => setChosen(event.target.checked ? [...chosen, org.id] : chosen.filter((id) => id !== org.id))} />
              <span>{org.name}</span>
            </label>
          ))}
          {error === 'orgs' ? <p className="field__error" id={`${legendId}-error`}>{t('board.parts.errors.orgs')}</p> : null}
        </fieldset>
        <div role="alert">{error && error !== 'title' && error !== 'orgs' ? <p className="text-danger">{t(`board.parts.errors.${error}`)}</p> : null}</div>
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={busy}>{part ? t('board.save') : t('board.parts.create')}</Button>
          <Button onClick={close}>{t('board.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
