import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../domain/ids';
import { formatDate, formatTime, useLanguage } from '../../i18n';
import { Dialog } from '../../ui';
import { Notice } from '../session';
import { PrivacyApiError, type CaseOpening } from './privacyApi';
import { usePrivacyApi } from './usePrivacyApi';

type OpeningsError = 'unreachable' | 'unauthorized' | 'forbidden' | 'other';

/**
 * "Wie heeft deze casus ingezien?" (a process director with access to the case): per person
 * their organisation, last and first opening and how often, from the server's audit log.
 */
export function CaseOpeningsDialog({ caseId, open, onClose }: { caseId: Room; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('privacy.openings.title')} closeLabel={t('common.close')}>
      {open ? <CaseOpenings caseId={caseId} /> : null}
    </Dialog>
  );
}

function CaseOpenings({ caseId }: { caseId: Room }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const api = usePrivacyApi();
  const [state, setState] = useState<{ state: 'loading' } | { state: 'ready'; openings: CaseOpening[] } | { state: 'error'; error: OpeningsError }>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    api.caseOpenings(caseId).then(
      (openings) => live && setState({ state: 'ready', openings }),
      (error: unknown) => {
        const code = error instanceof PrivacyApiError ? error.code : 'other';
        if (live) setState({ state: 'error', error: code === 'unreachable' || code === 'unauthorized' || code === 'forbidden' ? code : 'other' });
      },
    );
    return () => {
      live = false;
    };
  }, [api, caseId]);

  const when = (iso: string): string => {
    const at = Date.parse(iso);
    return t('privacy.openings.at', { date: formatDate(at, { language }), time: formatTime(at, { language }) });
  };

  return (
    <div className="case-openings">
      <p>{t('privacy.openings.intro')}</p>
      {state.state === 'loading' ? <p role="status">{t('privacy.openings.loading')}</p> : null}
      {state.state === 'error' ? <Notice tone="danger" role="alert"><p>{t(`privacy.openings.errors.${state.error}`)}</p></Notice> : null}
      {state.state === 'ready' && state.openings.length === 0 ? <p role="status">{t('privacy.openings.empty')}</p> : null}
      {state.state === 'ready' && state.openings.length > 0 ? (
        <table className="data-table">
          <caption>{t('privacy.openings.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.openings.columns.person')}</th>
              <th scope="col">{t('privacy.openings.columns.org')}</th>
              <th scope="col">{t('privacy.openings.columns.last')}</th>
              <th scope="col">{t('privacy.openings.columns.first')}</th>
              <th scope="col">{t('privacy.openings.columns.times')}</th>
            </tr>
          </thead>
          <tbody>
            {state.openings.map((opening) => (
              <tr key={opening.username}>
                <th scope="row">{opening.name ?? opening.username}</th>
                <td>{opening.orgName ?? opening.org ?? '–'}</td>
                <td><time dateTime={opening.last}>{when(opening.last)}</time></td>
                <td><time dateTime={opening.first}>{when(opening.first)}</time></td>
                <td className="data-table__num">{opening.times}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
