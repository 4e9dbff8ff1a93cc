import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { safetyPlanSections } from '../../domain/safetyPlanSections';
import { useLanguage } from '../../i18n';
import type { PresentUser } from './presenceSummary';
import { usePresence } from './usePresence';
import './presence.css';

/** Props every board panel of F2 takes (the board page passes the open room). */
export interface PresenceBarProps {
  room: string;
  doc: Y.Doc;
  awareness: Awareness;
  access: 'edit' | 'view';
}

/**
 * Who else has this case open: initials in the user's own colour, and where they are
 * typing. The colour is never the only carrier: each avatar has the name, organisation
 * and place as text for assistive technology and as a tooltip.
 */
export function PresenceBar({ awareness }: PresenceBarProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const users = usePresence(awareness);
  const where = (user: PresentUser): string =>
    user.sections.length === 0
      ? t('presence.viewing')
      : t('presence.typingIn', { section: user.sections.map((key) => safetyPlanSections.label(key, language)).join(', ') });
  return (
    <section className="presence-bar" aria-label={t('presence.label')}>
      <p className="presence-bar__summary" aria-live="polite">
        {users.length === 0 ? t('presence.alone') : t('presence.count', { count: users.length })}
      </p>
      {users.length > 0 ? (
        <ul className="presence-bar__list">
          {users.map((user) => {
            const text = t('presence.person', { name: user.name, org: user.org, where: where(user) });
            return (
              <li key={user.username} className="presence-bar__user" title={text} data-username={user.username}>
                <span className="presence-avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
                  {user.initials}
                </span>
                {user.sections.length > 0 ? (
                  <span className="presence-bar__typing" aria-hidden="true">{where(user)}</span>
                ) : null}
                <span className="visually-hidden">{text}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
