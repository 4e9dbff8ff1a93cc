/**
 * Sign-in in two steps. The password first: same answer and similar timing whether or not
 * the user exists, failures rate-limited per username and per address, scrypt work bounded.
 * Then the second factor (a TOTP code or a recovery code, or enrolment at the first sign-in),
 * against a sealed ticket from the first step; its failures count against the same limits.
 */
import type { AuditLog } from '../storage/audit';
import type { Directory, PublicUser } from './directory';
import { HttpError } from '../http/http-json';
import type { Limits } from '../options';
import { decoyHash, verifyPassword } from './passwords';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import type { Sessions } from './sessions';
import type { ContentCipher } from '../storage/content-cipher';
import { openTicket, passwordFingerprint, sealTicket } from './login-ticket';
import { newTotpSecret, totpUri, acceptedStep } from './totp';
import type { TwoFactor } from './two-factor';

/** A successful login. */
export interface LoginResult { token: string; expiresAt: string; user: PublicUser }

/** The password was right; a code is asked next (`enrol`: first set up the authenticator app). */
export type SecondFactorChallenge =
  | { secondFactor: 'code'; ticket: string }
  | { secondFactor: 'enrol'; ticket: string; secret: string; otpauthUri: string };

/** A completed second step; `recoveryCodes` only right after enrolment (shown once). */
export interface SecondFactorResult extends LoginResult { recoveryCodes?: string[] }

/** Sign-in: the password step and the code step. Both throw HttpError 401/429/503. */
export interface Login {
  password(username: string, password: string, ip: string): Promise<LoginResult | SecondFactorChallenge>;
  code(ticket: string, code: string, ip: string): Promise<SecondFactorResult>;
}

const maxConcurrentHashes = 4;
const maxQueuedLogins = 64;

/** Creates the login function with its own rate limiters. */
export function createLogin(deps: {
  directory: Directory; sessions: Sessions; audit: AuditLog; limits: Limits;
  twoFactor: TwoFactor; cipher: ContentCipher;
  /** Every password user must use a second factor (enrolling at the next sign-in). */
  requireMfa: boolean;
  /** Makes the failure counters; default in process (with Redis: shared by every instance). */
  rateLimiter?: (name: 'login-user' | 'login-ip', limit: number, windowMs: number) => RateLimiter;
  /** True when the organisation signs in with its own identity provider: password sign-in is refused. */
  orgUsesOidc?: (org: string) => Promise<boolean>;
}): Login {
  const makeLimiter = deps.rateLimiter ?? ((_name, limit, windowMs) => createRateLimiter(limit, windowMs));
  const perUser = makeLimiter('login-user', deps.limits.loginAttemptsPerUser, deps.limits.loginWindowMs);
  const perIp = makeLimiter('login-ip', deps.limits.loginAttemptsPerIp, deps.limits.loginWindowMs);
  let running = 0;
  const waiting: (() => void)[] = [];

  // scrypt takes ~32 MiB and ~100 ms: a burst of logins must queue, not exhaust memory.
  async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
    if (running >= maxConcurrentHashes) {
      if (waiting.length >= maxQueuedLogins) throw new HttpError(503, 'busy', { 'Retry-After': '1' });
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  }

  const refuseIfLimited = async (userKey: string, ip: string): Promise<void> => {
    const [userBlocked, ipBlocked] = await Promise.all([perUser.blockedForMs(userKey), perIp.blockedForMs(ip)]);
    if (userBlocked === 0 && ipBlocked === 0) return;
    const retry = Math.max(userBlocked, ipBlocked);
    const known = await deps.directory.getUser(userKey);
    await deps.audit.append({ event: 'login-rate-limited', actor: known?.username ?? null, ip });
    throw new HttpError(429, 'rate_limited', { 'Retry-After': String(Math.ceil(retry / 1000)) });
  };

  const startSession = async (user: PublicUser, ip: string): Promise<LoginResult> => {
    const session = await deps.sessions.create(user.username);
    await deps.audit.append({ event: 'login-success', actor: user.username, ip });
    return {
      token: session.token,
      expiresAt: new Date(session.expiresAt).toISOString(),
      user: { username: user.username, name: user.name, org: user.org, role: user.role },
    };
  };

  const checkPassword: Login['password'] = async (username, password, ip) => {
    const userKey = username.normalize('NFC').toLowerCase();
    await refuseIfLimited(userKey, ip);
    const user = await deps.directory.getUser(userKey);
    if (user && !user.disabled && (await deps.orgUsesOidc?.(user.org))) {
      // Same work as a password check, and it counts against the limits like a failure.
      await withHashSlot(async () => verifyPassword(password, await decoyHash()));
      perUser.record(userKey);
      perIp.record(ip);
      await deps.audit.append({ event: 'login-failure', actor: user.username, ip, detail: { reason: 'oidc-required' } });
      throw new HttpError(403, 'oidc_required');
    }
    const ok = await withHashSlot(async () => {
      if (!user) {
        await verifyPassword(password, await decoyHash());
        return false;
      }
      return verifyPassword(password, user.passwordHash);
    });
    if (ok && user?.disabled) {
      // Only the right password learns that the account is disabled: its app then wipes
      // this user's vault on the device (docs/privacy.md). Anyone else gets invalid_credentials.
      await Promise.all([perUser.record(userKey), perIp.record(ip)]);
      await deps.audit.append({ event: 'login-failure', actor: user.username, ip, detail: { reason: 'disabled' } });
      throw new HttpError(403, 'account_disabled');
    }
    if (!ok || !user || user.disabled) {
      await Promise.all([perUser.record(userKey), perIp.record(ip)]);
      // An unknown name is not recorded: it may be a password typed in the wrong field.
      await deps.audit.append({
        event: 'login-failure', actor: user?.username ?? null, ip,
        detail: { reason: !user ? 'unknown-user' : user.disabled ? 'disabled' : 'bad-password' },
      });
      throw new HttpError(401, 'invalid_credentials');
    }
    const fingerprint = passwordFingerprint(user.passwordHash);
    if (await deps.twoFactor.isEnrolled(user.username)) {
      return { secondFactor: 'code', ticket: sealTicket(deps.cipher, { username: user.username, kind: 'code', secret: null, passwordFingerprint: fingerprint }) };
    }
    if (!deps.requireMfa) return startSession(user, ip);
    // The secret travels in the sealed ticket and is stored only once a code confirms it.
    const secret = newTotpSecret();
    return {
      secondFactor: 'enrol',
      ticket: sealTicket(deps.cipher, { username: user.username, kind: 'enrol', secret, passwordFingerprint: fingerprint }),
      secret,
      otpauthUri: totpUri(secret, user.username),
    };
  };

  const checkCode: Login['code'] = async (ticketText, code, ip) => {
    const ticket = openTicket(deps.cipher, ticketText);
    if (!ticket) throw new HttpError(401, 'ticket_expired');
    await refuseIfLimited(ticket.username, ip);
    const user = await deps.directory.getUser(ticket.username);
    // A disabled user, a changed password or a reset second factor void the ticket.
    if (!user || user.disabled || passwordFingerprint(user.passwordHash) !== ticket.passwordFingerprint) throw new HttpError(401, 'ticket_expired');
    // Bound to an identity provider after the password step.
    if (await deps.orgUsesOidc?.(user.org)) throw new HttpError(403, 'oidc_required');

    const fail = async (reason: string): Promise<never> => {
      await Promise.all([perUser.record(ticket.username), perIp.record(ip)]);
      await deps.audit.append({ event: 'mfa-failure', actor: user.username, ip, detail: { reason } });
      throw new HttpError(401, 'invalid_code');
    };

    if (ticket.kind === 'enrol') {
      if (ticket.secret === null) throw new HttpError(401, 'ticket_expired');
      const verdict = acceptedStep(ticket.secret, code, null);
      if ('refused' in verdict) return fail('enrol-bad-code');
      const recoveryCodes = await deps.twoFactor.enrol(user.username, ticket.secret, verdict.step);
      // Enrolled meanwhile (another tab, another ticket): this secret is not the stored one.
      if (recoveryCodes === null) throw new HttpError(401, 'ticket_expired');
      await deps.audit.append({ event: 'mfa-enrol', actor: user.username, ip });
      return { ...(await startSession(user, ip)), recoveryCodes };
    }

    const checked = await deps.twoFactor.check(user.username, code);
    if (!checked.ok) {
      if (checked.reason === 'not-enrolled') throw new HttpError(401, 'ticket_expired');
      return fail(checked.reason);
    }
    if (checked.kind === 'recovery') await deps.audit.append({ event: 'mfa-recovery-used', actor: user.username, ip });
    return startSession(user, ip);
  };

  return { password: checkPassword, code: checkCode };
}
