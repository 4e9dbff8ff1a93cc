/**
 * The first run: a server with no users makes a one-time setup token (256 random bits, in
 * memory only, printed by the CLI to its own terminal and nowhere else). Whoever has it names
 * the region and creates the first `beheerder`, who then enrols two-factor sign-in at the
 * first sign-in like everyone. The token is spent by that, and the setup is over as soon as
 * any user exists (also one added with the admin CLI).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuditLog } from '../storage/audit';
import type { Sql } from '../storage/sql';
import { DirectoryError, type Directory } from './directory';
import { isUsername } from './names';
import { passwordRules } from './passwords';

/** What the setup form sends. */
export interface SetupInput { token: string; region: string; orgName: string; name: string; username: string; password: string }

/** A refused setup: `field` names the input to correct, `token` a wrong or spent token. */
export class SetupError extends Error {
  override name = 'SetupError';
  constructor(readonly reason: 'token' | 'done' | 'field', readonly field: keyof SetupInput | null = null) {
    super(field ? `${reason}:${field}` : reason);
  }
}

/** The first-run setup of one server process. */
export interface FirstRun {
  /** The token to print, or null when the store already has users. */
  readonly token: string | null;
  /** True while the token is unspent and no user exists. */
  pending(): Promise<boolean>;
  complete(input: SetupInput): Promise<void>;
}

/** The organisation id of the first administrator's organisation (the Zorg- en Veiligheidshuis). */
export const firstOrgId = 'zvh';
const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
const clean = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Starts the first run when the store has no users. */
export async function createFirstRun(sql: Sql, directory: Directory, audit: AuditLog): Promise<FirstRun> {
  const hasUsers = async (): Promise<boolean> => (await sql.get('SELECT 1 AS found FROM users LIMIT 1')) !== undefined;
  let token: string | null = (await hasUsers()) ? null : randomBytes(32).toString('base64url');
  const expected = token === null ? null : digest(token);
  let busy = false;

  return {
    token,
    pending: async () => token !== null && !(await hasUsers()),
    async complete(input) {
      if (expected === null || token === null) throw new SetupError('done');
      if (!timingSafeEqual(digest(input.token), expected)) throw new SetupError('token');
      if (busy || (await hasUsers())) throw new SetupError('done');
      const region = clean(input.region);
      const orgName = clean(input.orgName);
      if (region.length === 0 || region.length > 200) throw new SetupError('field', 'region');
      if (orgName.length === 0 || orgName.length > 200) throw new SetupError('field', 'orgName');
      if (clean(input.name).length === 0 || clean(input.name).length > 200) throw new SetupError('field', 'name');
      if (!isUsername(input.username)) throw new SetupError('field', 'username');
      if (input.password.length < passwordRules.minLength || input.password.length > passwordRules.maxLength) throw new SetupError('field', 'password');
      busy = true;
      try {
        await sql.run("INSERT INTO meta (key, value) VALUES ('region_name', $1) ON CONFLICT (key) DO UPDATE SET value = $1", [region]);
        if (!(await directory.listOrgs()).some((org) => org.id === firstOrgId)) await directory.addOrg(firstOrgId, orgName, '@setup');
        await directory.addUser({ username: input.username, name: input.name, org: firstOrgId, role: 'beheerder', password: input.password }, '@setup');
      } catch (error) {
        if (error instanceof DirectoryError) throw new SetupError('field', error.code === 'exists' ? 'username' : 'name');
        throw error;
      } finally {
        busy = false;
      }
      token = null;
      await audit.append({ event: 'setup', actor: '@setup', target: input.username });
    },
  };
}
