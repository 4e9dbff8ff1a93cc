import { CalendarDays, FolderOpen, ListChecks } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf, sectionOf, sections, type Section } from './routes';
import { selectRoute, useAppStore } from './store';

const icons: Record<Section, ReactNode> = {
  meetings: <CalendarDays size={20} />,
  cases: <FolderOpen size={20} />,
  actions: <ListChecks size={20} />,
};

/** The main menu: Overleggen, Casussen, Acties, as links (Tab to reach, Enter to follow). */
export function MainNav() {
  const { t } = useTranslation();
  const current = sectionOf(useAppStore(selectRoute));
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {sections.map((section) => (
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
