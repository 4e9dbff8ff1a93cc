/**
 * Presence over Yjs awareness: who has a room open, as whom, and where they are.
 * Peer states arrive from other clients, so they are validated on read and malformed
 * ones are skipped, never shown half.
 */
import type { Awareness } from 'y-protocols/awareness';
import { colorFor } from '../domain/presence';

/** The user as other participants see them (also what Tiptap's caret reads: name, color). */
export interface AwarenessUser {
  username: string;
  name: string;
  org: string;
  /** `#rrggbb`, derived from the username so it is the same on every screen. */
  color: string;
}

/** A small JSON value a view may publish about itself (e.g. the section the user is in). */
export type PresenceValue = string | number | boolean | null;

/** Per-view presence fields; `user` and `cursor` are reserved (the user, and y-prosemirror's caret). */
export type PresenceFields = Readonly<Record<string, PresenceValue>>;

/** Another client in the room. */
export interface Peer {
  clientId: number;
  user: AwarenessUser;
  /** The peer's presence fields that are plain values (section, agenda item, …). */
  fields: Readonly<Record<string, PresenceValue>>;
}

/** Keys views may not set: they belong to the user record and the editor's caret. */
export const reservedPresenceKeys: ReadonlySet<string> = new Set(['user', 'cursor']);

/** The awareness record of a signed-in user. */
export function awarenessUser(user: { username: string; name: string; org: string }): AwarenessUser {
  return { username: user.username, name: user.name, org: user.org, color: colorFor(user.username) };
}

const limit = 200;
const isShortString = (value: unknown): value is string => typeof value === 'string' && value.length <= limit;

function parseUser(value: unknown): AwarenessUser | null {
  if (typeof value !== 'object' || value === null) return null;
  const { username, name, org, color } = value as Partial<Record<keyof AwarenessUser, unknown>>;
  if (!isShortString(username) || username === '' || !isShortString(name) || !isShortString(org)) return null;
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return null;
  return { username, name, org, color };
}

const isPresenceValue = (value: unknown): value is PresenceValue =>
  value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || isShortString(value);

/** Every other client with a valid user record, ordered by client id (stable across renders). */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = parseUser((state as { user?: unknown }).user);
    if (!user) continue;
    const fields: Record<string, PresenceValue> = {};
    for (const [key, value] of Object.entries(state)) {
      if (!reservedPresenceKeys.has(key) && isPresenceValue(value)) fields[key] = value;
    }
    peers.push({ clientId, user, fields });
  }
  return peers.sort((a, b) => a.clientId - b.clientId);
}

/** Throws a TypeError when `fields` uses a reserved key or a value that is not a small plain value. */
export function assertPresenceFields(fields: PresenceFields): void {
  for (const [key, value] of Object.entries(fields)) {
    if (reservedPresenceKeys.has(key)) throw new TypeError(`presence key "${key}" is reserved`);
    if (!isPresenceValue(value)) throw new TypeError(`presence field "${key}" must be a short string, number, boolean or null`);
  }
}

/**
 * Replaces the local presence fields `previous` with `next`, leaving everything else in the
 * local state (the user, the editor's caret) as it is. Reserved keys are refused.
 */
export function replaceLocalFields(awareness: Awareness, previous: Iterable<string>, next: PresenceFields): void {
  assertPresenceFields(next);
  const current = awareness.getLocalState();
  if (current === null) return; // the room is closing
  const state: Record<string, unknown> = { ...current };
  for (const key of previous) delete state[key];
  awareness.setLocalState({ ...state, ...next });
}
