/**
 * The people an action can be given to, and how to name them: the server's user and
 * organisation lists (cached in the vault for offline use by the session layer).
 */

/** A user who can own an action. */
export interface DirectoryUser {
  username: string;
  name: string;
  org: string;
  /** When known: a beheerder reads no case content, so never owns an action. */
  role?: string;
}

/** An organisation. */
export interface DirectoryOrg {
  id: string;
  name: string;
}

/** What the action views read from the directory. */
export interface ActionDirectory {
  users: readonly DirectoryUser[];
  orgs: readonly DirectoryOrg[];
}

/** An empty directory (offline before the first sign-in): names fall back to ids. */
export const emptyDirectory: ActionDirectory = { users: [], orgs: [] };

/** The user with `username`, if the directory knows them. */
export function findUser(directory: ActionDirectory, username: string): DirectoryUser | undefined {
  return directory.users.find((user) => user.username === username);
}

/** The display name of an organisation, or its id when unknown. */
export function orgName(directory: ActionDirectory, id: string): string {
  return directory.orgs.find((org) => org.id === id)?.name ?? id;
}

/** Owner choices, by organisation name then person name (how people look for a colleague); no administrators. */
export function ownerChoices(directory: ActionDirectory): { username: string; name: string; org: string; orgName: string }[] {
  const collator = new Intl.Collator('nl', { sensitivity: 'base' });
  return directory.users
    .filter((user) => user.role !== 'beheerder')
    .map((user) => ({ ...user, orgName: orgName(directory, user.org) }))
    .sort((a, b) => collator.compare(a.orgName, b.orgName) || collator.compare(a.name, b.name) || a.username.localeCompare(b.username));
}
