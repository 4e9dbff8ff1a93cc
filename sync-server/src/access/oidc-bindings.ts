/**
 * Per organisation: its OpenID Connect binding (issuer, client id, client secret, the claim
 * that matches accounts). The client secret is sealed with the data key, bound to its
 * organisation, and only opened to talk to the issuer; it is never listed or shown again.
 * Shared by the admin CLI and the Beheer screen; every change is audited by the caller's actor.
 */
import type { AuditLog } from '../storage/audit';
import type { ContentCipher } from '../storage/content-cipher';
import type { Sql } from '../storage/sql';
import { isOrgId } from './names';

/** The ID token claim that names the account: the username, or the address in user_mail. */
export type OidcClaim = 'preferred_username' | 'email';

/** True for a claim a binding may use. */
export const isOidcClaim = (value: unknown): value is OidcClaim => value === 'preferred_username' || value === 'email';

/** A binding as it is listed (no secret). */
export interface OidcBindingInfo { org: string; orgName: string; issuer: string; clientId: string; claim: OidcClaim; updatedAt: string }

/** A binding with its secret opened (only for the sign-in flow). */
export interface OidcBinding extends OidcBindingInfo { clientSecret: string }

/** Input of {@link OidcBindings.bind}. */
export interface NewOidcBinding { org: string; issuer: string; clientId: string; clientSecret: string; claim?: OidcClaim }

/** Why a binding was refused; `code` is stable (the API's error), `message` is Dutch for people. */
export class OidcBindingError extends Error {
  override name = 'OidcBindingError';
  constructor(readonly code: 'invalid_issuer' | 'invalid_client' | 'invalid_claim' | 'unknown_org' | 'not_bound', message: string) {
    super(message);
  }
}

/** Binding, unbinding and reading organisations' identity providers. */
export interface OidcBindings {
  bind(binding: NewOidcBinding, actor: string, ip?: string | null): Promise<void>;
  unbind(org: string, actor: string, ip?: string | null): Promise<void>;
  list(): Promise<OidcBindingInfo[]>;
  get(org: string): Promise<OidcBinding | null>;
  /** True when the organisation signs in with its own identity provider (password sign-in refused). */
  isBound(org: string): Promise<boolean>;
}

/**
 * Plain-http issuers are accepted only with this environment variable set to 1: for tests
 * with an in-process provider. Never set it on a real server.
 */
export const allowHttpIssuerEnv = 'THEMAKAMER_OIDC_ALLOW_HTTP_FOR_TESTS';
export const httpIssuersAllowed = (): boolean => process.env[allowHttpIssuerEnv] === '1';

const secretContext = (org: string): string => `oidc-secret\0${org}`;

interface BindingRow { org: string; name: string; issuer: string; client_id: string; client_secret: Buffer; claim: OidcClaim; updated_at: string; [key: string]: unknown }

/** Checks an issuer URL: https (http only behind the test switch), no query or fragment. */
export function checkIssuer(issuer: string): string {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new OidcBindingError('invalid_issuer', 'Ongeldige issuer-URL.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpIssuersAllowed())) {
    throw new OidcBindingError('invalid_issuer', 'De issuer-URL moet https gebruiken.');
  }
  if (url.search || url.hash || url.username || url.password || issuer.length > 500) throw new OidcBindingError('invalid_issuer', 'Ongeldige issuer-URL.');
  // Kept as typed: the provider's `iss` must equal it exactly.
  return issuer;
}

/** Binds the store to a database, the content cipher and the audit log. */
export function createOidcBindings(sql: Sql, cipher: ContentCipher, audit: AuditLog): OidcBindings {
  const info = (row: BindingRow): OidcBindingInfo => ({ org: row.org, orgName: row.name, issuer: row.issuer, clientId: row.client_id, claim: row.claim, updatedAt: row.updated_at });
  return {
    async bind(binding, actor, ip = null) {
      const issuer = checkIssuer(binding.issuer);
      const claim = binding.claim ?? 'preferred_username';
      if (!isOidcClaim(claim)) throw new OidcBindingError('invalid_claim', 'Kies als claim preferred_username of email.');
      if (!/^[\x21-\x7e]{1,200}$/.test(binding.clientId)) throw new OidcBindingError('invalid_client', 'Ongeldige client-id.');
      if (binding.clientSecret.length === 0 || binding.clientSecret.length > 1000) throw new OidcBindingError('invalid_client', 'Geef het client secret (hoogstens 1000 tekens).');
      if (!isOrgId(binding.org)) throw new OidcBindingError('unknown_org', `Organisatie ${binding.org} bestaat niet.`);
      const sealed = cipher.encrypt(Buffer.from(binding.clientSecret, 'utf8'), secretContext(binding.org));
      await sql.tx(async (q) => {
        if (!(await q.get('SELECT 1 AS found FROM orgs WHERE id = $1', [binding.org]))) throw new OidcBindingError('unknown_org', `Organisatie ${binding.org} bestaat niet.`);
        await q.run(
          `INSERT INTO org_oidc (org, issuer, client_id, client_secret, claim, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (org) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id, client_secret = excluded.client_secret, claim = excluded.claim, updated_at = excluded.updated_at`,
          [binding.org, issuer, binding.clientId, sealed, claim, new Date().toISOString()],
        );
        // Password sessions of the organisation's users end: from now on they sign in at their own provider.
        await q.run('DELETE FROM sessions WHERE username IN (SELECT username FROM users WHERE org = $1)', [binding.org]);
        await audit.appendIn(q, { event: 'org-oidc-bind', actor, ip, detail: { org: binding.org, issuer, claim } });
        await q.notify('access');
      });
    },

    async unbind(org, actor, ip = null) {
      await sql.tx(async (q) => {
        const result = await q.run('DELETE FROM org_oidc WHERE org = $1', [org]);
        if (result.changes === 0) throw new OidcBindingError('not_bound', `Organisatie ${org} is niet gekoppeld aan een identity provider.`);
        await audit.appendIn(q, { event: 'org-oidc-unbind', actor, ip, detail: { org } });
      });
    },

    async list() {
      return (await sql.all<BindingRow>('SELECT b.*, o.name FROM org_oidc b JOIN orgs o ON o.id = b.org ORDER BY o.name')).map(info);
    },

    async get(org) {
      const row = isOrgId(org) ? await sql.get<BindingRow>('SELECT b.*, o.name FROM org_oidc b JOIN orgs o ON o.id = b.org WHERE b.org = $1', [org]) : undefined;
      if (!row) return null;
      return { ...info(row), clientSecret: Buffer.from(cipher.decrypt(row.client_secret, secretContext(row.org))).toString('utf8') };
    },

    async isBound(org) {
      return (await sql.get('SELECT 1 AS found FROM org_oidc WHERE org = $1', [org])) !== undefined;
    },
  };
}
