import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../../app/useNow';
import { useDirectory, useSession } from '../session';
import { ActionsOverview } from './ActionsOverview';
import { MyActions } from './MyActions';
import { useAllCaseActions } from './useAllCaseActions';
import './actions.css';

/** The Acties view wired to the session: Mijn acties, then every action of every case the user may see. */
export function ActionsView() {
  const { t } = useTranslation();
  const today = useToday();
  const { user } = useSession();
  const { users, orgs } = useDirectory();
  const directory = useMemo(() => ({ users, orgs }), [users, orgs]);
  const { items, loading } = useAllCaseActions(t('actions.overview.unnamedCase'));
  const overview = <ActionsOverview items={items} loading={loading} me={user.username} directory={directory} today={today} />;
  // Nothing at all yet: the overview's empty state says where actions come from.
  if (!loading && items.length === 0) return overview;
  return (
    <>
      <MyActions items={items} me={user.username} today={today} />
      <section className="all-actions" aria-labelledby="alle-acties">
        <h2 id="alle-acties" className="my-actions__title">{t('actions.overview.allTitle')}</h2>
        {overview}
      </section>
    </>
  );
}
