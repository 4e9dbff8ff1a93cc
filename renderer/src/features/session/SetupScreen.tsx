import { Settings } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../platform';
import { Button, PageHeading, TextInput } from '../../ui';
import { Notice } from './Notice';
import { completeSetup, type SetupFailure, type SetupField } from './setupApi';
import type { SecondFactorStep } from './signIn';
import { TwoFactorStep } from './TwoFactorStep';
import { useSessionController } from './useSession';
import './session.css';

const minPasswordLength = 8;

/**
 * "Themakamer inrichten": opened from the one-time link the server printed in its terminal.
 * The region's name and the first `beheerder`; then that account signs in and sets up its
 * two-factor sign-in like every account does.
 */
export function SetupScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const controller = useSessionController();
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [values, setValues] = useState({ region: '', orgName: '', name: '', username: '', password: '' });
  const [failure, setFailure] = useState<SetupFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<SecondFactorStep | null>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let current = true;
    void getApi().getAppInfo().then((info) => {
      if (current) setServerUrl(info.serverUrl ?? window.location.origin);
    });
    return () => {
      current = false;
    };
  }, []);
  useEffect(() => {
    if (failure?.reason === 'field') form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failure]);

  const set = (key: SetupField) => (event: { target: { value: string } }) => setValues((before) => ({ ...before, [key]: event.target.value }));
  const fieldError = (field: SetupField): string | null => (failure?.reason === 'field' && failure.field === field ? t(`session.setup.errors.${field}`) : null);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (serverUrl === null || busy) return;
    if (values.password.length < minPasswordLength) {
      setFailure({ reason: 'field', field: 'password' });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const orgName = values.orgName.trim() || t('session.setup.orgDefault', { region: values.region.trim() });
      const refused = await completeSetup(serverUrl, { token, ...values, orgName });
      if (refused) {
        setFailure(refused);
        return;
      }
      // The link is spent: keep it out of the address bar and the history.
      window.history.replaceState(window.history.state, '', '#/');
      // The new account signs in like any other; it enrols its second factor in the next step.
      const next = await controller.signIn({ server: serverUrl, username: values.username, password: values.password }).catch(() => null);
      if (next) setStep(next);
      else window.dispatchEvent(new HashChangeEvent('hashchange'));
    } finally {
      setBusy(false);
    }
  };

  if (step) return <TwoFactorStep step={step} onBack={() => window.location.assign('#/')} />;

  const general = failure && failure.reason !== 'field' ? t(`session.setup.errors.${failure.reason}`) : null;
  return (
    <div className="session-screen">
      <section className="session-card">
        <PageHeading>{t('session.setup.title')}</PageHeading>
        <p className="session-card__intro">{t('session.setup.intro')}</p>
        <div role="alert" aria-live="assertive">{general ? <Notice tone="danger"><p>{general}</p></Notice> : null}</div>
        <form ref={form} onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={busy}>
          <TextInput label={t('session.setup.region')} hint={t('session.setup.regionHint')} value={values.region} onChange={set('region')} autoFocus error={fieldError('region')} />
          <TextInput
            label={t('session.setup.orgName')}
            hint={t('session.setup.orgNameHint')}
            placeholder={t('session.setup.orgDefault', { region: values.region.trim() || '…' })}
            value={values.orgName}
            onChange={set('orgName')}
            error={fieldError('orgName')}
          />
          <h2 className="session-card__subtitle">{t('session.setup.account')}</h2>
          <TextInput label={t('session.setup.name')} value={values.name} onChange={set('name')} autoComplete="name" error={fieldError('name')} />
          <TextInput
            label={t('session.signIn.username')}
            hint={t('session.setup.usernameHint')}
            value={values.username}
            onChange={set('username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            error={fieldError('username')}
          />
          <TextInput
            label={t('session.signIn.password')}
            hint={t('session.setup.passwordHint', { count: minPasswordLength })}
            type="password"
            value={values.password}
            onChange={set('password')}
            autoComplete="new-password"
            error={fieldError('password')}
          />
          <div className="session-card__actions">
            <Button type="submit" variant="primary" icon={<Settings size={18} />} disabled={busy || serverUrl === null}>
              {t('session.setup.submit')}
            </Button>
            <span role="status" aria-live="polite">{busy ? t('session.setup.busy') : ''}</span>
          </div>
        </form>
      </section>
    </div>
  );
}
