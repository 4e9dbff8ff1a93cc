import { ArrowLeft, SearchX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui';
import { hrefOf, type Section } from '../routes';
import { SectionPage } from './SectionPage';

/** Which screen could not be shown. */
export type UnavailableKind = 'meeting' | 'case' | 'notFound';

const backTo: Record<UnavailableKind, Section> = { meeting: 'meetings', case: 'cases', notFound: 'meetings' };

/**
 * A meeting or case this device cannot show (unknown, or no access), or an unknown address.
 * Until the data layer opens rooms, every meeting and case route ends here: it says so
 * plainly instead of pretending to load.
 */
export function UnavailableSection({ kind }: { kind: UnavailableKind }) {
  const { t } = useTranslation();
  const texts =
    kind === 'notFound'
      ? { title: t('sections.notFound.title'), heading: t('sections.notFound.title'), body: t('sections.notFound.body'), back: t('sections.notFound.back') }
      : { title: t(`sections.${kind}.title`), heading: t(`sections.${kind}.unavailableTitle`), body: t(`sections.${kind}.unavailableBody`), back: t(`sections.${kind}.back`) };
  return (
    <SectionPage title={texts.title}>
      <EmptyState
        icon={<SearchX size={40} />}
        title={texts.heading}
        action={
          <a className="button button--secondary" href={hrefOf({ name: backTo[kind] })}>
            <span className="button__icon" aria-hidden="true"><ArrowLeft size={18} /></span>
            <span>{texts.back}</span>
          </a>
        }
      >
        <p>{texts.body}</p>
      </EmptyState>
    </SectionPage>
  );
}
