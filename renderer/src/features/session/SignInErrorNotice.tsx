import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';
import { Notice } from './Notice';
import type { SignInErrorCode } from './signInError';

/** Errors a form shows at its field rather than in the notice. */
export function isFieldError(code: SignInErrorCode | null): boolean {
  return code === 'server-url-invalid' || code === 'username-missing' || code === 'password-missing';
}

/** The Dutch message for a sign-in error; after a password change, the way out (rebuild the local vault). */
export function SignInErrorNotice({ code, onReset, busy }: { code: SignInErrorCode | null; onReset?: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  // The live region stays mounted so a new message is announced, not just shown.
  return (
    <div role="alert" aria-live="assertive">
      {code ? (
        <Notice tone="danger">
          <p>{t(`session.errors.${code}`)}</p>
          {code === 'vault-password-mismatch' && onReset ? (
            <>
              <p>{t('session.reset.explanation')}</p>
              <Button onClick={onReset} disabled={busy}>{t('session.reset.action')}</Button>
            </>
          ) : null}
        </Notice>
      ) : null}
    </div>
  );
}
