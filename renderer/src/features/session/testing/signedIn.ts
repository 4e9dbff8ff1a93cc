/** Test helper: a sign-in that must open the session at once (a server without two-factor sign-in). Tests only. */
import { isSecondFactorStep, type OpenedSession, type SecondFactorStep } from '../signIn';

/** Resolves with the opened session; throws when the server asked for a second factor. */
export async function signedIn(outcome: Promise<OpenedSession | SecondFactorStep>): Promise<OpenedSession> {
  const value = await outcome;
  if (isSecondFactorStep(value)) throw new Error('the server asked for a second factor');
  return value;
}
