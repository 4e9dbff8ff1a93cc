/**
 * Who is who, for printing: users and organisations as the server lists them. Only
 * professionals' names come from here; persons involved in a case are never looked up.
 */
import type { Organisation, PersonRef } from '../../pdf/model';

/** A user as `GET /api/users` lists it (disabled users included where the archive knows them). */
export interface DirectoryUser {
  username: string;
  name: string;
  org: string;
}

/** Users and organisations of the region. */
export interface MinutesDirectory {
  users: readonly DirectoryUser[];
  orgs: readonly Organisation[];
}

/** Looks up names for usernames and organisation ids; unknown ones print as what is known. */
export interface NameResolver {
  orgName(orgId: string): string;
  /** The person acting for an organisation; `fallbackOrg` when the user is unknown here. */
  person(username: string, fallbackOrg?: string): PersonRef;
}

/** Printed for an organisation id the directory does not list. */
export const UNKNOWN_ORG = 'onbekend';

/** Builds a resolver over a directory. */
export function nameResolver(directory: MinutesDirectory): NameResolver {
  const users = new Map(directory.users.map((user) => [user.username, user]));
  const orgs = new Map(directory.orgs.map((org) => [org.id, org.name]));
  const orgName = (orgId: string): string => orgs.get(orgId) ?? (orgId === UNKNOWN_ORG ? 'Onbekende organisatie' : orgId);
  return {
    orgName,
    person(username, fallbackOrg) {
      const user = users.get(username);
      // A removed account still prints as its username: the record must say who it was.
      const org = user?.org ?? fallbackOrg ?? UNKNOWN_ORG;
      return { name: user?.name ?? username, org, orgName: orgName(org) };
    },
  };
}
