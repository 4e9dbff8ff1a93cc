import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/useNow';
import { toIsoDate } from '../../domain/dates';
import { useDirectory, useSession } from '../session';
import { ActionsOverview } from './ActionsOverview';
import { useAllCaseActions } from './useAllCaseActions';
import './actions.css';

/** The Acties view wired to the session: every case room the user may see, the directory, today. */
export function ActionsView() {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const { user } = useSession();
  const { users, orgs } = useDirectory();
  const directory = useMemo(() => ({ users, orgs }), [users, orgs]);
  const { items, loading } = useAllCaseActions(t('actions.overview.unnamedCase'));
  return <ActionsOverview items={items} loading={loading} me={user.username} directory={directory} today={toIsoDate(new Date(now))} />;
}
