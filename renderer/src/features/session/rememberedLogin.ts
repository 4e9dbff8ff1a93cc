/**
 * Which server and username this browser profile last signed in with, and whether that
 * session is still open (then a reload shows "Ontgrendelen", password only). Kept in
 * localStorage in clear because it is needed before the vault can be unlocked; it holds
 * no password, token or case data.
 */
import { z } from 'zod';

/** The remembered login. */
export interface RememberedLogin {
  serverUrl: string;
  username: string;
  /** True while signed in: after a reload the vault is locked and only needs the password. */
  signedIn: boolean;
  /** Signed in with the organisation's identity provider: the unlock password is the device's vault password, never sent. */
  viaOrganisation?: boolean;
}

/** Where it is kept (localStorage, or nothing when storage is blocked). */
export type LoginStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const storageKey = 'themakamer.login';
const schema = z.object({ serverUrl: z.string().min(1), username: z.string().min(1), signedIn: z.boolean(), viaOrganisation: z.boolean().optional() });

/** The remembered login, or null (none, blocked storage, or a damaged record). */
export function loadRememberedLogin(storage: LoginStorage | null): RememberedLogin | null {
  try {
    const raw = storage?.getItem(storageKey);
    if (!raw) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Remembers a login (or forgets it with null); storage failures only cost the convenience. */
export function saveRememberedLogin(storage: LoginStorage | null, login: RememberedLogin | null): void {
  try {
    if (login === null) storage?.removeItem(storageKey);
    else storage?.setItem(storageKey, JSON.stringify(login));
  } catch {
    // Private mode or a full quota: the next start shows the full sign-in form.
  }
}
