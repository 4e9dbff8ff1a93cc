import { LogOut, UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui';
import type { SessionView } from './slices/sessionSlice';
import { selectSession, useAppStore } from './store';

/** The signed-in user's name and organisation with "Uitloggen"; says so when nobody is signed in. */
export function UserMenuView({ session }: { session: SessionView | null }) {
  const { t } = useTranslation();
  return (
    <div className="user-menu" role="group" aria-label={t('user.label')}>
      <span className="user-menu__icon" aria-hidden="true"><UserRound size={20} /></span>
      {session ? (
        <>
          <span className="user-menu__who">
            <span className="user-menu__name">{session.name}</span>
            <span className="user-menu__org">{session.orgName}</span>
          </span>
          <Button variant="quiet" icon={<LogOut size={18} />} onClick={() => session.signOut()}>
            {t('user.signOut')}
          </Button>
        </>
      ) : (
        <span className="user-menu__signed-out">{t('user.signedOut')}</span>
      )}
    </div>
  );
}

/** The user menu slot, filled from the session in the store. */
export function UserMenu() {
  return <UserMenuView session={useAppStore(selectSession)} />;
}
