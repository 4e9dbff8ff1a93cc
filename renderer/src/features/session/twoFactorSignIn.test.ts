/** Two-factor sign-in from the app's side, against the real sync server with --require-mfa. */
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, newServer, testPassword, type TestServer } from '../../../../sync-server/test/helpers';
import { completeSignIn, isSecondFactorStep, signIn, type OpenedSession, type SecondFactorStep } from './signIn';
import { isSignInError } from './signInError';
import { fakeProfile } from './testing/vaults';

let server: TestServer;
beforeAll(async () => {
  server = await newServer({ requireMfa: true });
  await addTestUser(server.admin, 'mfa.fictief', 'deelnemer', 'vt');
});
afterAll(() => server.close());

const codeAt = (secret: string, offset: number): string =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offset * 30_000 });

function asStep(value: OpenedSession | SecondFactorStep): SecondFactorStep {
  if (!isSecondFactorStep(value)) throw new Error('expected the second step');
  return value;
}

describe('two-factor sign-in in the app', () => {
  const profile = fakeProfile();
  let secret = '';

  it('enrols at the first sign-in: a wrong code is refused, the right one opens the vault and gives ten recovery codes', async () => {
    const step = asStep(await signIn({ server: server.url, username: 'mfa.fictief', password: testPassword }, profile));
    if (step.challenge.secondFactor !== 'enrol') throw new Error('expected enrolment');
    secret = step.challenge.secret;
    const wrong = await completeSignIn(step, codeAt(secret, 8), profile).catch((error: unknown) => error);
    expect(isSignInError(wrong) && wrong.code).toBe('invalid-code');
    const empty = await completeSignIn(step, '  ', profile).catch((error: unknown) => error);
    expect(isSignInError(empty) && empty.code).toBe('code-missing');
    const done = await completeSignIn(step, codeAt(secret, -1), profile);
    expect(done.recoveryCodes).toHaveLength(10);
    expect(done.opened.vault.unlocked).toBe(true);
    expect((await done.opened.vault.loadSession())?.token).toBe(done.opened.session.token);
    await done.opened.vault.close();
  });

  it('unlocking after a reload needs the password only and resumes the vault\'s session', async () => {
    const stored = await (async () => {
      const vault = await profile.openVault(server.url, 'mfa.fictief');
      await vault.unlock(testPassword);
      const session = await vault.loadSession();
      await vault.close();
      return session;
    })();
    const opened = await signIn({ server: server.url, username: 'mfa.fictief', password: testPassword }, profile, { resumeStoredSession: true });
    if (isSecondFactorStep(opened)) throw new Error('unlock asked for a code');
    expect(opened.mode).toBe('online');
    expect(opened.session.token).toBe(stored?.token);
    await opened.vault.close();
    // The full sign-in asks for the code.
    const step = asStep(await signIn({ server: server.url, username: 'mfa.fictief', password: testPassword }, profile));
    expect(step.challenge.secondFactor).toBe('code');
    const done = await completeSignIn(step, codeAt(secret, 0), profile);
    expect(done.recoveryCodes).toBeNull();
    await done.opened.vault.close();
  });
});
