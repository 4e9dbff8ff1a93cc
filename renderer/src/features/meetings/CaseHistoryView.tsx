import { ArrowLeft } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { hrefOf } from '../../app/routes';
import { UnavailableSection } from '../../app/sections/UnavailableSection';
import { readFrozenCaseBoard } from '../../collab/frozen';
import { readCaseBoard } from '../../collab/readCaseBoard';
import type { CaseBoard } from '../../domain/caseBoard';
import { isId, type CaseId } from '../../domain/ids';
import { diffSafetyPlan } from '../../domain/textDiff';
import { safetyPlanSections } from '../../domain/safetyPlanSections';
import { formatDate, formatTime, useLanguage } from '../../i18n';
import { PageHeading, Select } from '../../ui';
import { useCaseDoc } from '../session';
import { useDocSelector } from '../../collab/useDocSelector';
import { BoardSnapshot } from './BoardSnapshot';
import { DiffLines } from './DiffLines';
import { MeetingApiError, type FrozenInfo } from './meetingApi';
import { useMeetingApi } from './useMeetingApi';
import './meetings.css';

/**
 * `#/casussen/<caseId>/geschiedenis`: for learning reviews, the board and safety plan as
 * they were at each approved meeting (the frozen copies), side by side with today.
 * Read-only; only for users who have the case room now.
 */
export function CaseHistoryView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const room = useCaseDoc(caseId);
  if (!isId('case', caseId) || room.status === 'no-access') return <UnavailableSection kind="case" />;
  if (room.status === 'checking') {
    return (
      <div className="section-page">
        <PageHeading>{t('meetings.history.title')}</PageHeading>
        <p className="mt-muted" role="status">{t('meetings.history.loading')}</p>
      </div>
    );
  }
  return <HistoryScreen caseId={caseId} doc={room.doc} />;
}

type Copies = { status: 'loading' } | { status: 'error'; unreachable: boolean } | { status: 'ready'; list: FrozenInfo[] };

function HistoryScreen({ caseId, doc }: { caseId: CaseId; doc: Y.Doc }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const api = useMeetingApi();
  const read = useCallback((current: Y.Doc) => readCaseBoard(current, caseId), [caseId]);
  const today = useDocSelector(doc, read);
  const [copies, setCopies] = useState<Copies>({ status: 'loading' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [frozen, setFrozen] = useState<{ id: string; board: CaseBoard | null } | null>(null);

  useEffect(() => {
    let current = true;
    api.frozenList(caseId).then(
      (list) => current && setCopies({ status: 'ready', list: [...list].reverse() }),
      (error: unknown) => current && setCopies({ status: 'error', unreachable: error instanceof MeetingApiError && error.code === 'unreachable' }),
    );
    return () => {
      current = false;
    };
  }, [api, caseId]);

  const selected = copies.status === 'ready' ? (copies.list.find((entry) => entry.id === chosen) ?? copies.list[0] ?? null) : null;
  useEffect(() => {
    if (!selected) return;
    let current = true;
    api.frozenCopy(selected.id).then(
      (state) => {
        let board: CaseBoard | null = null;
        try {
          board = readFrozenCaseBoard(state, caseId);
        } catch {
          board = null;
        }
        if (current) setFrozen({ id: selected.id, board });
      },
      () => current && setFrozen({ id: selected.id, board: null }),
    );
    return () => {
      current = false;
    };
  }, [api, caseId, selected]);

  const label = today?.meta?.label ?? t('meetings.agenda.loadingLabel');
  const versionFacts = (entry: FrozenInfo) => ({
    date: formatDate(Date.parse(entry.createdAt), { language }),
    time: formatTime(Date.parse(entry.createdAt), { language }),
    version: entry.version,
  });
  const when = (entry: FrozenInfo) => t('meetings.history.versionOption', versionFacts(entry));
  const then = frozen && selected && frozen.id === selected.id ? frozen.board : undefined;
  const planDiff = useMemo(() => (then && today ? diffSafetyPlan(then.plan, today.plan).filter((section) => section.changed) : []), [then, today]);

  return (
    <div className="section-page mt-history">
      <div className="mt-page-bar">
        <PageHeading>{t('meetings.history.heading', { label })}</PageHeading>
        <a className="mt-link" href={hrefOf({ name: 'case', caseId })}><ArrowLeft size={16} aria-hidden="true" /> {t('meetings.history.back')}</a>
      </div>
      <p className="mt-muted">{t('meetings.history.intro')}</p>
      {copies.status === 'loading' ? <p className="mt-muted" role="status">{t('meetings.history.loading')}</p> : null}
      {copies.status === 'error' ? <p className="mt-error" role="alert">{t(copies.unreachable ? 'meetings.history.unreachable' : 'meetings.history.failed')}</p> : null}
      {copies.status === 'ready' && copies.list.length === 0 ? <p role="status">{t('meetings.history.noVersions')}</p> : null}
      {copies.status === 'ready' && selected ? (
        <>
          <div className="mt-history__choose">
            <Select
              label={t('meetings.history.choose')}
              value={selected.id}
              onChange={(event) => setChosen(event.target.value)}
              options={copies.list.map((entry) => ({ value: entry.id, label: when(entry) }))}
            />
          </div>
          {then === undefined ? <p className="mt-muted" role="status">{t('meetings.history.loading')}</p> : null}
          {then === null ? <p className="mt-error" role="alert">{t('meetings.history.failed')}</p> : null}
          {then && today ? (
            <>
              <div className="mt-history__columns">
                <BoardSnapshot board={then} title={t('meetings.history.then', versionFacts(selected))} />
                <BoardSnapshot board={today} title={t('meetings.history.today')} />
              </div>
              <section className="mt-card" aria-labelledby="mt-history-diff">
                <h2 id="mt-history-diff" className="mt-heading">{t('meetings.history.planChanges')}</h2>
                {planDiff.length === 0 ? <p className="mt-muted">{t('meetings.history.planSame')}</p> : planDiff.map((section) => (
                  <div key={section.key} className="mt-changes__section">
                    <p className="mt-changes__section-title">{safetyPlanSections.label(section.key, language)}</p>
                    <DiffLines lines={section.lines} />
                  </div>
                ))}
              </section>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
