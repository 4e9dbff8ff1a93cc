import { ListChecks, RotateCcw } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';
import type { ActionListItem } from '../../domain/actionRules';
import { actionStatuses } from '../../domain/actionVocabulary';
import type { IsoDate } from '../../domain/dates';
import { useLanguage } from '../../i18n';
import { Button, EmptyState, Select } from '../../ui';
import { ActionDue } from './ActionDue';
import { findUser, orgName, ownerChoices, type ActionDirectory } from './directory';
import { defaultOverviewFilter, isStatusChoice, overviewRows, type OverviewFilter } from './overviewFilter';

/** Props of {@link ActionsOverview}. */
export interface ActionsOverviewProps {
  items: readonly ActionListItem[];
  loading: boolean;
  me: string;
  directory: ActionDirectory;
  today: IsoDate;
}

/**
 * The Acties view: every action of every case the user may see, filtered by owner,
 * organisation, status and overdue; the user's own first. Each row links to its case by
 * the case's pseudonymous label only.
 */
export function ActionsOverview({ items, loading, me, directory, today }: ActionsOverviewProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [filter, setFilter] = useState<OverviewFilter>(defaultOverviewFilter);
  const overdueId = useId();
  const rows = useMemo(() => overviewRows(items, filter, me, today), [items, filter, me, today]);
  const set = (patch: Partial<OverviewFilter>): void => setFilter((current) => ({ ...current, ...patch }));
  const ownerName = (username: string): string => findUser(directory, username)?.name ?? t('actions.ownerUnknown', { username });

  const owners = [
    { value: '', label: t('actions.overview.anyOwner') },
    { value: me, label: t('actions.overview.me') },
    ...ownerChoices(directory).filter((user) => user.username !== me)
      .map((user) => ({ value: user.username, label: t('actions.ownerOption', { name: user.name, org: user.orgName }) })),
  ];
  const orgs = [
    { value: '', label: t('actions.overview.anyOrg') },
    ...[...directory.orgs].sort((a, b) => a.name.localeCompare(b.name, 'nl')).map((org) => ({ value: org.id, label: org.name })),
  ];
  const statuses = [
    { value: 'outstanding', label: t('actions.overview.openStatuses') },
    { value: 'all', label: t('actions.overview.anyStatus') },
    ...actionStatuses.values.map((status) => ({ value: status, label: actionStatuses.label(status, language) })),
  ];
  const isDefault = JSON.stringify(filter) === JSON.stringify(defaultOverviewFilter);

  // Nothing to filter yet: say where actions come from instead of showing empty filters.
  if (!loading && items.length === 0) {
    return (
      <EmptyState icon={<ListChecks size={40} />} title={t('sections.actions.emptyTitle')}>
        <p>{t('sections.actions.emptyBody')}</p>
      </EmptyState>
    );
  }

  return (
    <div className="actions-overview">
      <p className="actions-overview__intro">{t('actions.overview.intro')}</p>
      <div className="actions-overview__toolbar">
        <fieldset className="actions-overview__filters">
          <legend>{t('actions.overview.filters')}</legend>
          <Select label={t('actions.overview.owner')} value={filter.owner} options={owners} onChange={(event) => set({ owner: event.target.value })} />
          <Select label={t('actions.overview.org')} value={filter.org} options={orgs} onChange={(event) => set({ org: event.target.value })} />
          <Select
            label={t('actions.overview.status')}
            value={filter.status}
            options={statuses}
            onChange={(event) => {
              if (isStatusChoice(event.target.value)) set({ status: event.target.value });
            }}
          />
          <div className="actions-overview__check">
            <input id={overdueId} type="checkbox" checked={filter.overdueOnly} onChange={(event) => set({ overdueOnly: event.target.checked })} />
            <label htmlFor={overdueId}>{t('actions.overview.overdueOnly')}</label>
          </div>
          <Button variant="quiet" icon={<RotateCcw size={16} />} disabled={isDefault} onClick={() => setFilter(defaultOverviewFilter)}>
            {t('actions.overview.reset')}
          </Button>
        </fieldset>
        {/* Export of this list (CSV, PDF) comes here: it receives `rows`. */}
        <div className="actions-overview__export" />
      </div>
      <p className="actions-overview__count" role="status">
        {loading ? t('actions.overview.loading') : t('actions.overview.count', { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        loading ? null : <p className="actions-overview__none">{t('actions.overview.noneMatching')}</p>
      ) : (
        <div className="actions-overview__table-wrap">
          <table className="actions-table">
            <caption className="visually-hidden">{t('actions.overview.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.overview.colAction')}</th>
                <th scope="col">{t('actions.overview.colOwner')}</th>
                <th scope="col">{t('actions.overview.colDue')}</th>
                <th scope="col">{t('actions.overview.colStatus')}</th>
                <th scope="col">{t('actions.overview.colCase')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.caseId}/${row.id}`} className={row.owner === me ? 'actions-table__mine' : undefined} data-action-id={row.id}>
                  <td className="actions-table__description">{row.description}</td>
                  <td>
                    {ownerName(row.owner)}
                    <span className="actions-table__org">{orgName(directory, row.ownerOrg)}</span>
                    {row.owner === me ? <span className="action-item__mine">{t('actions.mine')}</span> : null}
                  </td>
                  <td><ActionDue action={row} today={today} /></td>
                  <td>{actionStatuses.label(row.status, language)}</td>
                  <td><a href={hrefOf({ name: 'case', caseId: row.caseId })}>{row.caseLabel}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
