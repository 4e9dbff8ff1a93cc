import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Naar de inhoud": the first stop of the Tab key. Moves focus by script, because a
 * plain #fragment link would be taken for a route by the hash router.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    const target = document.getElementById(targetId);
    const heading = target?.querySelector<HTMLElement>('h1');
    (heading ?? target)?.focus();
  };
  return (
    <a className="skip-link" href={`#${targetId}`} onClick={skip}>
      {t('skipLink')}
    </a>
  );
}
