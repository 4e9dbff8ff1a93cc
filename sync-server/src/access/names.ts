/**
 * The shapes of names the server accepts (rooms, users, organisations, roles, access
 * levels), checked at every boundary: HTTP, WebSocket, admin CLI.
 */
import { randomInt } from 'node:crypto';

/** Roles of the domain (see docs/design.md). */
export const roles = ['procesregisseur', 'secretaris', 'deelnemer', 'waarnemer', 'beheerder', 'privacyfunctionaris', 'management'] as const;
/** A user's role. */
export type Role = (typeof roles)[number];

/** Access levels of a grant. */
export const accessLevels = ['edit', 'view'] as const;
/** A grant's access level. */
export type Access = (typeof accessLevels)[number];

/**
 * Kinds of shared documents. `measures` is the region's board of improvement measures: one
 * per server, created by the server itself, its access derived from roles (grants.ts).
 */
export type RoomKind = 'case' | 'meeting' | 'measures';

const roomPattern = /^(case|meeting|measures):[a-z0-9]{8,32}$/;
const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const orgPattern = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** A restricted part of a case (issue 14): its own room, access derived from the case's. */
const partPattern = /^part:[a-z0-9]{8,32}$/;
/** True for a restricted part's room name (`part:<id>`). */
export const isPartRoom = (value: unknown): value is string => typeof value === 'string' && partPattern.test(value);

/** True for `case:<id>`, `meeting:<id>`, `measures:<id>` and `part:<id>` room names. */
export const isRoom = (value: unknown): value is string => typeof value === 'string' && (roomPattern.test(value) || partPattern.test(value));
/** True for a case room name. */
export const isCaseRoom = (value: unknown): value is string => isRoom(value) && value.startsWith('case:');
/** True for a meeting room name. */
export const isMeetingRoom = (value: unknown): value is string => isRoom(value) && value.startsWith('meeting:');
/** True for the region's improvement-measures room. */
export const isMeasuresRoom = (value: unknown): value is string => isRoom(value) && value.startsWith('measures:');
/** True for an acceptable username (lower case, digits, `.`, `_`, `-`). */
export const isUsername = (value: unknown): value is string => typeof value === 'string' && usernamePattern.test(value);
/** True for an acceptable organisation id. */
export const isOrgId = (value: unknown): value is string => typeof value === 'string' && orgPattern.test(value);
/** True for a known role. */
export const isRole = (value: unknown): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value);
/** True for `edit` or `view`. */
export const isAccess = (value: unknown): value is Access => value === 'edit' || value === 'view';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A typed id `<kind>:<16 chars of [a-z0-9]>` from a CSPRNG, as the app makes them. */
export function createId(kind: string): string {
  let id = '';
  for (let i = 0; i < 16; i++) id += alphabet[randomInt(alphabet.length)];
  return `${kind}:${id}`;
}
