import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../../app/useNow';
import { useDirectory, useSession } from '../session';
import { ActionsOverview } from './ActionsOverview';
import { useAllCaseActions } from './useAllCaseActions';
import './actions.css';

/** The Acties view wired to the session: every case room the user may see, the directory, today. */
export function ActionsView() {
  const { t } = useTranslation();
  const today = useToday();
  const { user } = useSession();
  const { users, orgs } = useDirectory();
  const directory = useMemo(() => ({ users, orgs }), [users, orgs]);
  const { items, loading } = useAllCaseActions(t('actions.overview.unnamedCase'));
  return <ActionsOverview items={items} loading={loading} me={user.username} directory={directory} today={today} />;
}
