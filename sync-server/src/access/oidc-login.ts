/**
 * Sign-in with the organisation's own identity provider (OpenID Connect, authorization code
 * flow with PKCE S256, state and nonce), with openid-client. The flow's secrets (state, nonce,
 * code verifier) travel in a cookie sealed with the content cipher, so any instance with the
 * data key can finish a flow another one started and nothing is stored before the callback.
 * The callback validates the ID token (signature against the issuer's JWKS, issuer, audience,
 * expiry, nonce), matches the account by the binding's claim and hands the sign-in to the app
 * as a one-time code in the URL's fragment (never a token in a URL that gets logged); the app
 * redeems the code once for a normal session. No tokens are logged or audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { z } from 'zod';
import type { AuditLog } from '../storage/audit';
import type { ContentCipher } from '../storage/content-cipher';
import type { Sql } from '../storage/sql';
import type { Directory, PublicUser, UserRecord } from './directory';
import type { LoginResult } from './login';
import { httpIssuersAllowed, type OidcBinding, type OidcBindings } from './oidc-bindings';
import type { Sessions } from './sessions';

/** The cookie that carries a flow from start to callback. */
export const flowCookieName = 'themakamer_oidc';
/** How long a user may take at their provider. */
export const flowTtlMs = 10 * 60_000;
/** How long the app has to redeem the one-time code after the callback. */
export const handoffTtlMs = 60_000;
/** How long a provider's discovery document is reused. */
const discoveryTtlMs = 10 * 60_000;
const flowContext = 'oidc-flow';

/** Why a callback was refused: stable codes for the audit log and the app. */
export type OidcFailure =
  | 'provider-unreachable' | 'flow-expired' | 'state-mismatch' | 'provider-error' | 'not-bound' | 'token-rejected'
  | 'no-claim' | 'email-unverified' | 'unknown-user' | 'ambiguous-user' | 'disabled' | 'other-org';

/**
 * Where the desktop app waits for the end of a flow (RFC 8252): its loopback listener and the
 * state it expects back. The server stays the OIDC client; only the hand-off goes there.
 */
export interface LoopbackReturn { uri: string; state: string }

/** Only `http://127.0.0.1:<port>/callback` and a 256-bit state are accepted. */
export function parseLoopbackReturn(uri: string | null, state: string | null): LoopbackReturn | null | 'invalid' {
  if (uri === null && state === null) return null;
  const port = /^http:\/\/127\.0\.0\.1:(\d{1,5})\/callback$/.exec(uri ?? '')?.[1];
  if (!port || Number(port) < 1024 || Number(port) > 65535 || !/^[A-Za-z0-9_-]{43}$/.test(state ?? '')) return 'invalid';
  return { uri: uri!, state: state! };
}

/** The start of a flow: where to send the browser, and the sealed cookie to set. */
export interface OidcStart { authorizationUrl: string; cookie: string }

/** The end of a callback: a one-time code for the app, or why not. */
export type OidcCallback = ({ ok: true; code: string } | { ok: false; reason: OidcFailure }) & { loopback: LoopbackReturn | null };

/** The OIDC sign-in flow of one server. */
export interface OidcLogin {
  /** Null when the organisation has no binding. */
  start(org: string, loopback?: LoopbackReturn | null): Promise<OidcStart | null>;
  /** `query`: the callback's query string; `cookie`: the sealed flow cookie (or null). */
  callback(query: URLSearchParams, cookie: string | null, ip: string): Promise<OidcCallback>;
  /** Redeems a one-time code (once) for a session; null when it is unknown, used or expired. */
  exchange(code: string, ip: string): Promise<LoginResult | null>;
}

const flowSchema = z.object({
  v: z.literal(1), o: z.string(), s: z.string(), n: z.string(), c: z.string(), e: z.number(),
  r: z.object({ uri: z.string(), state: z.string() }).nullable().optional(),
});
type Flow = z.infer<typeof flowSchema>;

const sealFlow = (cipher: ContentCipher, flow: Flow): string => cipher.encrypt(Buffer.from(JSON.stringify(flow), 'utf8'), flowContext).toString('base64url');

function openFlow(cipher: ContentCipher, text: string | null, now: number): Flow | null {
  if (!text || text.length > 4096) return null;
  try {
    const flow = flowSchema.parse(JSON.parse(Buffer.from(cipher.decrypt(Buffer.from(text, 'base64url'), flowContext)).toString('utf8')));
    return flow.e > now ? flow : null;
  } catch {
    return null;
  }
}

const hashCode = (code: string): string => createHash('sha256').update(code).digest('hex');
const codePattern = /^[A-Za-z0-9_-]{43}$/;

/** A short, stable code for an error from the library (never its message: it may quote a token). */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : (error as Error).name.slice(0, 64);
}

/** Creates the flow. `publicUrl`: the app's origin as the browser sees it (the redirect URI hangs under it). */
export function createOidcLogin(deps: {
  sql: Sql; cipher: ContentCipher; audit: AuditLog; directory: Directory; sessions: Sessions;
  bindings: OidcBindings; publicUrl: string;
}): OidcLogin {
  const redirectUri = new URL('/api/oidc/callback', deps.publicUrl).href;
  const discovered = new Map<string, { key: string; at: number; config: Promise<client.Configuration> }>();

  /** The provider's configuration, from its discovery document (cached per binding). */
  const configFor = (binding: OidcBinding): Promise<client.Configuration> => {
    const key = createHash('sha256').update(JSON.stringify([binding.issuer, binding.clientId, binding.clientSecret])).digest('hex');
    const cached = discovered.get(binding.org);
    if (cached && cached.key === key && Date.now() - cached.at < discoveryTtlMs) return cached.config;
    const config = client.discovery(new URL(binding.issuer), binding.clientId, binding.clientSecret, undefined, {
      execute: [
        ...(httpIssuersAllowed() ? [client.allowInsecureRequests] : []),
        // The ID token's signature is checked against the issuer's keys (openid-client skips
        // it by default for tokens from the token endpoint over TLS; we do not rely on that).
        client.enableNonRepudiationChecks,
      ],
      timeout: 10,
    });
    discovered.set(binding.org, { key, at: Date.now(), config });
    // A failed discovery is not cached.
    config.catch(() => discovered.delete(binding.org));
    return config;
  };

  const findUser = async (binding: OidcBinding, claims: client.IDToken): Promise<{ user: UserRecord } | { reason: OidcFailure }> => {
    const value = claims[binding.claim];
    if (typeof value !== 'string' || value.length === 0 || value.length > 320) return { reason: 'no-claim' };
    if (binding.claim === 'email') {
      if (claims.email_verified === false) return { reason: 'email-unverified' };
      const rows = await deps.sql.all<{ username: string }>('SELECT username FROM user_mail WHERE lower(address) = $1', [value.toLowerCase()]);
      if (rows.length > 1) return { reason: 'ambiguous-user' };
      const user = rows[0] ? await deps.directory.getUser(rows[0].username) : null;
      return user ? { user } : { reason: 'unknown-user' };
    }
    const user = await deps.directory.getUser(value.normalize('NFC').toLowerCase());
    return user ? { user } : { reason: 'unknown-user' };
  };

  return {
    async start(org, loopback = null) {
      const binding = await deps.bindings.get(org);
      if (!binding) return null;
      const config = await configFor(binding);
      const verifier = client.randomPKCECodeVerifier();
      const flow: Flow = { v: 1, o: org, s: client.randomState(), n: client.randomNonce(), c: verifier, e: Date.now() + flowTtlMs, r: loopback };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: flow.s,
        nonce: flow.n,
      });
      return { authorizationUrl: url.href, cookie: sealFlow(deps.cipher, flow) };
    },

    async callback(query, cookie, ip) {
      const flow = openFlow(deps.cipher, cookie, Date.now());
      const fail = async (reason: OidcFailure, extra: Record<string, string> = {}, actor: string | null = null): Promise<OidcCallback> => {
        await deps.audit.append({ event: 'login-failure', actor, ip, detail: { method: 'oidc', org: flow?.o ?? null, reason, ...extra } });
        return { ok: false, reason, loopback: flow?.r ?? null };
      };
      if (!flow) return fail('flow-expired');
      // Checked here as well as by the library: a foreign state never reaches the token endpoint.
      if (query.get('state') !== flow.s) return fail('state-mismatch');
      if (query.has('error')) return fail('provider-error', { error: (query.get('error') ?? '').replace(/[^a-z_]/g, '').slice(0, 64) });
      const binding = await deps.bindings.get(flow.o);
      if (!binding) return fail('not-bound');

      let claims: client.IDToken | undefined;
      try {
        const config = await configFor(binding);
        const currentUrl = new URL(redirectUri);
        currentUrl.search = query.toString();
        const tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: flow.c, expectedState: flow.s, expectedNonce: flow.n, idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        return fail('token-rejected', { error: errorCode(error) });
      }
      if (!claims) return fail('token-rejected', { error: 'no_id_token' });

      const found = await findUser(binding, claims);
      if ('reason' in found) return fail(found.reason);
      const { user } = found;
      if (user.org !== binding.org) return fail('other-org', {}, user.username);
      if (user.disabled) return fail('disabled', {}, user.username);

      const code = randomBytes(32).toString('base64url');
      await deps.sql.run('DELETE FROM oidc_handoff WHERE expires_at <= $1', [Date.now()]);
      await deps.sql.run('INSERT INTO oidc_handoff (code_hash, username, expires_at) VALUES ($1, $2, $3)', [hashCode(code), user.username, Date.now() + handoffTtlMs]);
      return { ok: true, code, loopback: flow.r ?? null };
    },

    async exchange(code, ip) {
      if (!codePattern.test(code)) return null;
      const row = await deps.sql.get<{ username: string; expires_at: number }>('DELETE FROM oidc_handoff WHERE code_hash = $1 RETURNING username, expires_at', [hashCode(code)]);
      if (!row || row.expires_at <= Date.now()) return null;
      const user = await deps.directory.getUser(row.username);
      // Disabled, or its organisation unbound, in the minute since the callback.
      if (!user || user.disabled || !(await deps.bindings.isBound(user.org))) return null;
      const session = await deps.sessions.create(user.username);
      await deps.audit.append({ event: 'login-success', actor: user.username, ip, detail: { method: 'oidc', org: user.org } });
      const publicUser: PublicUser = { username: user.username, name: user.name, org: user.org, role: user.role };
      return { token: session.token, expiresAt: new Date(session.expiresAt).toISOString(), user: publicUser };
    },
  };
}
