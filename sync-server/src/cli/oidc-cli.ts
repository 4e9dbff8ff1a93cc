/**
 * The identity-provider commands of `npm run admin`: bind an organisation to its OpenID
 * Connect issuer (client secret on stdin, sealed with the data key), unbind it, list the
 * bindings (never the secret). The same server code as the Beheer screen; audited as `@admin`.
 */
import { createOidcBindings, isOidcClaim, OidcBindingError } from '../access/oidc-bindings';
import { adminActor, createAuditLog } from '../storage/audit';
import { DataDirError, openKeyedStore } from '../storage/keyed-data-dir';
import type { StorageTarget } from '../storage/open';

/** Usage lines of the OIDC commands (appended to the admin CLI's usage). */
export const oidcUsage = `  org oidc <id> --issuer URL --client-id ID [--claim preferred_username|email]   (client secret via stdin; daarna loggen de gebruikers van <id> alleen nog in via hun eigen organisatie)
  org oidc-remove <id>
  org oidc-list`;

/** parseArgs options the OIDC commands add. */
export const oidcOptions = { issuer: { type: 'string' }, 'client-id': { type: 'string' }, claim: { type: 'string' } } as const;

/** True when `words` is an OIDC command. */
export const isOidcCommand = (words: readonly string[]): boolean => words[0] === 'org' && (words[1] === 'oidc' || words[1] === 'oidc-remove' || words[1] === 'oidc-list');

class OidcUsageError extends Error {}

/** Runs an OIDC command; 0 done, 1 refused, 2 usage error. */
export async function runOidcCommand(
  words: string[], flags: Record<string, string | boolean | undefined>, target: StorageTarget, readSecret: () => Promise<string>,
): Promise<number> {
  const out = (text: string): void => void process.stdout.write(text + '\n');
  const flag = (name: string): string | undefined => (typeof flags[name] === 'string' ? flags[name] : undefined);
  const [, verb, org] = words;
  try {
    if (verb === 'oidc' && (!org || !flag('issuer') || !flag('client-id'))) throw new OidcUsageError('org oidc <id> --issuer URL --client-id ID [--claim preferred_username|email]');
    if (verb === 'oidc-remove' && !org) throw new OidcUsageError('org oidc-remove <id>');
    const claim = flag('claim') ?? 'preferred_username';
    if (!isOidcClaim(claim)) throw new OidcUsageError('--claim is preferred_username of email');
    const secret = verb === 'oidc' ? await readSecret() : null;
    const { sql, cipher } = await openKeyedStore(target);
    try {
      const bindings = createOidcBindings(sql, cipher, createAuditLog(sql));
      if (verb === 'oidc' && org && secret !== null) {
        await bindings.bind({ org, issuer: flag('issuer')!, clientId: flag('client-id')!, clientSecret: secret, claim }, adminActor);
        out(`Organisatie ${org} logt nu in via ${flag('issuer')!} (claim ${claim}); inloggen met wachtwoord is voor haar gebruikers uit en hun sessies zijn beëindigd.`);
      } else if (verb === 'oidc-remove' && org) {
        await bindings.unbind(org, adminActor);
        out(`Koppeling van ${org} verwijderd; haar gebruikers loggen weer in met wachtwoord en tweestapsverificatie.`);
      } else {
        for (const binding of await bindings.list()) out(`${binding.org}\t${binding.issuer}\t${binding.clientId}\t${binding.claim}`);
      }
      return 0;
    } finally {
      await sql.close();
    }
  } catch (error) {
    if (error instanceof OidcUsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof OidcBindingError || error instanceof DataDirError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
