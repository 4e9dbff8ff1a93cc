import { RefreshCw } from 'lucide-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { version as appVersion } from '../../../../package.json';
import { Button } from '../../ui';
import { Notice } from '../session';
import { useAppUpdate } from './appUpdateContext';
import { APP_PROTOCOL_VERSION } from './protocol';
import { useServerProtocol } from './useServerProtocol';
import './update.css';

/**
 * The notices about versions, at the top of every screen: a new version of the app is ready
 * (taken only on the user's click), and this app is older or newer than its server.
 */
export function UpdateNotices({ serverUrl, reachable }: { serverUrl: string | null; reachable: boolean }) {
  const { t } = useTranslation();
  const { update, state } = useAppUpdate();
  const [busy, setBusy] = useState(false);
  const lookForUpdate = useCallback(() => update.check(), [update]);
  const protocol = useServerProtocol(serverUrl, reachable, appVersion, lookForUpdate);

  const take = (): void => {
    setBusy(true);
    update.apply().catch(() => setBusy(false));
  };

  return (
    <>
      {state.waiting ? (
        <Notice tone="info" role="status">
          <div className="update-notice">
            <p>
              <strong>{t('update.available')}</strong> {t('update.availableBody')}
            </p>
            <Button variant="primary" icon={<RefreshCw size={16} />} onClick={take} disabled={busy}>
              {busy ? t('update.loading') : t('update.load')}
            </Button>
          </div>
        </Notice>
      ) : null}
      {protocol && protocol.fit !== 'same' ? (
        <Notice tone="warning" role="status">
          <p data-protocol-fit={protocol.fit}>
            {t(protocol.fit === 'app-older' ? 'update.appOlder' : 'update.appNewer', { app: APP_PROTOCOL_VERSION, server: protocol.server.protocol })}
          </p>
        </Notice>
      ) : null}
    </>
  );
}
