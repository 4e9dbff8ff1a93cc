import { BarChart3, CalendarDays, ClipboardPen, FolderOpen, ListChecks, ScrollText, Target, UserCog } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/session';
import { hrefOf, sectionOf, sectionsFor, type Section } from './routes';
import { selectRoute, useAppStore } from './store';

const icons: Record<Section, ReactNode> = {
  meetings: <CalendarDays size={20} />,
  cases: <FolderOpen size={20} />,
  actions: <ListChecks size={20} />,
  improvements: <Target size={20} />,
  monitor: <BarChart3 size={20} />,
  'partner-figures': <ClipboardPen size={20} />,
  'access-log': <ScrollText size={20} />,
  admin: <UserCog size={20} />,
};

/** The main menu: Overleggen, Casussen, Acties (and Beheer for a beheerder, Monitor for the process director; the privacy officer: Monitor and Toegangslog; management: Monitor and Verbetermaatregelen), as links (Tab to reach, Enter to follow). */
export function MainNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const current = sectionOf(useAppStore(selectRoute));
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {sectionsFor(user.role, user.org).map((section) => (
          <li key={section}>
            <a
              className="main-nav__link"
              href={hrefOf({ name: section })}
              aria-current={current === section ? 'page' : undefined}
            >
              <span className="main-nav__icon" aria-hidden="true">{icons[section]}</span>
              <span>{t(`nav.${section}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
