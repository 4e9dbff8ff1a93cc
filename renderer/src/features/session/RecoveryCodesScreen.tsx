import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, PageHeading } from '../../ui';
import { useSessionController } from './useSession';

/** Right after enrolment: the ten recovery codes, shown this once, before the app opens. */
export function RecoveryCodesScreen({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const controller = useSessionController();
  return (
    <div className="session-screen">
      <section className="session-card">
        <PageHeading>{t('session.secondFactor.recoveryTitle')}</PageHeading>
        <p className="session-card__intro">{t('session.secondFactor.recoveryIntro')}</p>
        <ul className="two-factor__codes" aria-label={t('session.secondFactor.recoveryList')}>
          {codes.map((code) => <li key={code}><code>{code}</code></li>)}
        </ul>
        <div className="session-card__actions">
          <Button variant="primary" icon={<Check size={18} />} onClick={() => controller.confirmRecoveryCodes()}>
            {t('session.secondFactor.recoveryDone')}
          </Button>
        </div>
      </section>
    </div>
  );
}
