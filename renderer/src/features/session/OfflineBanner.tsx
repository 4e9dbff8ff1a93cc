import { useTranslation } from 'react-i18next';
import { Notice } from './Notice';
import { useConnection } from './useSession';

/** While the server is out of reach: the plain statement that work continues and syncs later. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const { state } = useConnection();
  if (state !== 'offline') return null;
  return <Notice tone="warning"><p>{t('session.offlineBanner')}</p></Notice>;
}
