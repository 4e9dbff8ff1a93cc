/**
 * Sign-in with the organisation's own identity provider (docs/design.md, "Sign-in with the
 * organisation's identity provider"): the public list of bound organisations, the start URL
 * the browser goes to, and the way back: the server redirects to `#oidc=<one-time code>` (or
 * `#oidc-error=<reason>`), the app removes it from the address at once and redeems the code
 * for a session. The session is then stored in the vault, keyed with a vault password the user
 * chooses on this device (there is no Themakamer password for such a user).
 */
import { z } from 'zod';
import type { Api } from '../../../../electron/contract';
import { SignInError } from './signInError';

/** An organisation whose users sign in at their own identity provider. */
export interface OidcOrg { id: string; name: string }

/** What the address said on the way back from the identity provider. */
export type OidcReturn = { kind: 'code'; code: string } | { kind: 'error'; reason: string };

/** Reasons the server gives in `#oidc-error=` (anything else reads as a general failure). */
export const oidcErrorReasons = [
  'flow-expired', 'state-mismatch', 'provider-error', 'provider-unreachable', 'not-bound', 'token-rejected', 'no-claim',
  'email-unverified', 'unknown-user', 'ambiguous-user', 'disabled', 'other-org',
  // From the desktop app itself: no answer in time, or no browser to open.
  'timeout', 'open-failed',
] as const;
/** A reason the sign-in screen has words for. */
export type OidcErrorReason = (typeof oidcErrorReasons)[number] | 'failed';

/** The way back in an address's fragment, or null. */
export function oidcReturnOf(hash: string): OidcReturn | null {
  const code = /^#oidc=([A-Za-z0-9_-]{43})$/.exec(hash)?.[1];
  if (code) return { kind: 'code', code };
  const reason = /^#oidc-error=([a-z-]{1,40})$/.exec(hash)?.[1];
  return reason ? { kind: 'error', reason } : null;
}

/** The words for a reason from the server. */
export const oidcErrorReason = (reason: string): OidcErrorReason => ((oidcErrorReasons as readonly string[]).includes(reason) ? reason as OidcErrorReason : 'failed');

/** Where the browser goes to sign in with `org`'s identity provider. */
export const oidcStartUrl = (serverUrl: string, org: string): string => `${serverUrl}/api/oidc/start?org=${encodeURIComponent(org)}`;

/**
 * Starts a sign-in with `org`'s identity provider. On desktop (the preload offers
 * `signInWithOrganisation`) the system browser signs in and the one-time code comes back
 * here (null when the user cancelled); in the web build the page itself goes to the start
 * URL (`go`) and the code comes back in the address, so this resolves null.
 */
export async function startOidcSignIn(
  api: Pick<Api, 'signInWithOrganisation'>, serverUrl: string, org: string, go: (url: string) => void,
): Promise<OidcReturn | null> {
  if (!api.signInWithOrganisation) {
    go(oidcStartUrl(serverUrl, org));
    return null;
  }
  const result = await api.signInWithOrganisation({ serverUrl, org }).catch(() => ({ ok: false as const, error: 'failed' }));
  if (result.ok) return { kind: 'code', code: result.code };
  return result.error === 'cancelled' ? null : { kind: 'error', reason: result.error };
}

/** The bound organisations (public); empty when the server does not answer or has none. */
export async function fetchOidcOrgs(serverUrl: string, fetchImpl: typeof fetch = fetch): Promise<OidcOrg[]> {
  try {
    const response = await fetchImpl(`${serverUrl}/api/oidc/orgs`, { cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return [];
    return z.object({ orgs: z.array(z.object({ id: z.string().min(1), name: z.string() })) }).parse(await response.json()).orgs;
  } catch {
    return [];
  }
}

const loginSchema = z.object({
  token: z.string().min(1), expiresAt: z.string().min(1),
  user: z.object({ username: z.string().min(1), name: z.string(), org: z.string(), role: z.enum(['procesregisseur', 'secretaris', 'deelnemer', 'waarnemer', 'beheerder', 'privacyfunctionaris']) }),
});
/** A session from a redeemed code. */
export type OidcLogin = z.infer<typeof loginSchema>;

/** Redeems the one-time code (once); throws SignInError 'oidc-failed' when it is refused. */
export async function exchangeOidcCode(serverUrl: string, code: string, fetchImpl: typeof fetch = fetch): Promise<OidcLogin> {
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}/api/oidc/exchange`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }),
      cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new SignInError('server-error');
  }
  if (response.status === 401) throw new SignInError('oidc-failed');
  const parsed = loginSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) throw new SignInError('server-error');
  return parsed.data;
}

let taken: OidcReturn | null | undefined;
let consumed = false;
const exchanges = new Map<string, Promise<OidcLogin>>();

/**
 * The way back from the identity provider, read once per page load; the fragment leaves the
 * address at once (history.replaceState), so a reload or a copied address never holds the code.
 */
export function takeOidcReturn(): OidcReturn | null {
  if (taken === undefined) {
    taken = oidcReturnOf(window.location.hash);
    if (taken) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return consumed ? null : taken;
}

/** The way back has been dealt with (signed in, or another sign-in started). */
export function consumeOidcReturn(): void {
  consumed = true;
}

/** Redeems a code at most once per page load, however often a screen asks. */
export function exchangeOidcCodeOnce(serverUrl: string, code: string): Promise<OidcLogin> {
  let pending = exchanges.get(code);
  if (!pending) {
    pending = exchangeOidcCode(serverUrl, code);
    exchanges.set(code, pending);
  }
  return pending;
}
