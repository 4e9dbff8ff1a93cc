import { useState } from 'react';
import { isSignInError, type SignInErrorCode } from './signInError';

/** The last sign-in error code of a form, and a runner that records it (unexpected errors become server-error). */
export function useSignInError(): {
  error: SignInErrorCode | null;
  busy: boolean;
  run(task: () => Promise<void>): Promise<boolean>;
  clear(): void;
} {
  const [error, setError] = useState<SignInErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    error,
    busy,
    clear: () => setError(null),
    async run(task) {
      setBusy(true);
      setError(null);
      try {
        await task();
        return true;
      } catch (caught) {
        if (!isSignInError(caught)) console.error('sign-in failed', caught instanceof Error ? caught.name : 'error');
        setError(isSignInError(caught) ? caught.code : 'server-error');
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
