/**
 * Password login: same answer and similar timing whether or not the user exists,
 * failures rate-limited per username and per address, scrypt work bounded.
 */
import type { AuditLog } from '../storage/audit';
import type { Directory, PublicUser } from './directory';
import { HttpError } from '../http/http-json';
import type { Limits } from '../options';
import { decoyHash, verifyPassword } from './passwords';
import { createRateLimiter } from './rate-limit';
import type { Sessions } from './sessions';

/** A successful login. */
export interface LoginResult { token: string; expiresAt: string; user: PublicUser }

/** Checks credentials; throws HttpError 401/429/503. */
export type Login = (username: string, password: string, ip: string) => Promise<LoginResult>;

const maxConcurrentHashes = 4;
const maxQueuedLogins = 64;

/** Creates the login function with its own rate limiters. */
export function createLogin(deps: { directory: Directory; sessions: Sessions; audit: AuditLog; limits: Limits }): Login {
  const perUser = createRateLimiter(deps.limits.loginAttemptsPerUser, deps.limits.loginWindowMs);
  const perIp = createRateLimiter(deps.limits.loginAttemptsPerIp, deps.limits.loginWindowMs);
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

  return async (username, password, ip) => {
    const userKey = username.normalize('NFC').toLowerCase();
    if (!perUser.allowed(userKey) || !perIp.allowed(ip)) {
      const retry = Math.max(perUser.retryAfterMs(userKey), perIp.retryAfterMs(ip));
      const known = await deps.directory.getUser(userKey);
      await deps.audit.append({ event: 'login-rate-limited', actor: known?.username ?? null, ip });
      throw new HttpError(429, 'rate_limited', { 'Retry-After': String(Math.ceil(retry / 1000)) });
    }
    const user = await deps.directory.getUser(userKey);
    const ok = await withHashSlot(async () => {
      if (!user || user.disabled) {
        await verifyPassword(password, await decoyHash());
        return false;
      }
      return verifyPassword(password, user.passwordHash);
    });
    if (!ok || !user) {
      perUser.record(userKey);
      perIp.record(ip);
      // An unknown name is not recorded: it may be a password typed in the wrong field.
      await deps.audit.append({
        event: 'login-failure', actor: user?.username ?? null, ip,
        detail: { reason: !user ? 'unknown-user' : user.disabled ? 'disabled' : 'bad-password' },
      });
      throw new HttpError(401, 'invalid_credentials');
    }
    const session = await deps.sessions.create(user.username);
    await deps.audit.append({ event: 'login-success', actor: user.username, ip });
    return {
      token: session.token,
      expiresAt: new Date(session.expiresAt).toISOString(),
      user: { username: user.username, name: user.name, org: user.org, role: user.role },
    };
  };
}
