import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveSession } from '../session';
import { ApiError } from '../session/apiError';
import { createDigestApi, digestChoices, type DigestChoice, type DigestState } from './digestApi';

type Load = { state: 'loading' } | { state: 'failed'; offline: boolean } | { state: 'ready'; digest: DigestState; saving: boolean; saveFailed: boolean };

/**
 * The user's own choice for the e-mail digest (in the reminders panel): as their organisation
 * sends it, at most weekly, or none. Says why no mail comes when the organisation sends none
 * or no address is set. Needs the server; offline it says so and changes nothing.
 */
export function DigestSettings() {
  const { t } = useTranslation();
  const live = useLiveSession();
  const api = useMemo(() => createDigestApi({ serverUrl: live.serverUrl, token: async () => (await live.vault.loadSession())?.token ?? null }), [live]);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    api.get().then(
      (digest) => current && setLoad({ state: 'ready', digest, saving: false, saveFailed: false }),
      (error: unknown) => current && setLoad({ state: 'failed', offline: error instanceof ApiError && error.code === 'unreachable' }),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const choose = (choice: DigestChoice): void => {
    if (load.state !== 'ready') return;
    const before = load.digest;
    setLoad({ state: 'ready', digest: { ...before, choice }, saving: true, saveFailed: false });
    api.set(choice).then(
      () => setLoad({ state: 'ready', digest: { ...before, choice }, saving: false, saveFailed: false }),
      () => setLoad({ state: 'ready', digest: before, saving: false, saveFailed: true }),
    );
  };

  return (
    <fieldset className="reminder-panel__settings" aria-busy={load.state === 'loading' || (load.state === 'ready' && load.saving)}>
      <legend>{t('reminders.digest.legend')}</legend>
      {load.state === 'loading' ? <p className="reminder-panel__note">{t('reminders.digest.loading')}</p> : null}
      {load.state === 'failed' ? <p className="reminder-panel__note" role="status">{t(load.offline ? 'reminders.digest.offline' : 'reminders.digest.failed')}</p> : null}
      {load.state === 'ready' ? (
        <>
          <p className="reminder-panel__note">
            {t(`reminders.digest.org.${load.digest.orgFrequency}`)}
            {load.digest.orgFrequency !== 'off' && !load.digest.hasAddress ? ` ${t('reminders.digest.noAddress')}` : ''}
          </p>
          {digestChoices.map((choice) => (
            <label key={choice} className="reminder-panel__choice">
              <input
                type="radio"
                name="digest-choice"
                value={choice}
                checked={load.digest.choice === choice}
                disabled={load.saving || load.digest.orgFrequency === 'off'}
                onChange={() => choose(choice)}
              />
              {t(`reminders.digest.choice.${choice}`)}
            </label>
          ))}
          {load.saveFailed ? <p className="reminder-panel__note" role="alert">{t('reminders.digest.saveFailed')}</p> : null}
        </>
      ) : null}
    </fieldset>
  );
}
