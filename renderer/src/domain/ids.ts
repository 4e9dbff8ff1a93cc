/**
 * Typed ids (`<kind>:<id>`) and rooms, as fixed in docs/design.md ("Ids and rooms").
 * New ids carry 16 characters of [a-z0-9] from a CSPRNG; ids read from peers or the
 * server may carry 8 to 32, the range the sync server accepts for rooms.
 */

/** Every kind of typed id the documents use. */
export const idKinds = ['case', 'meeting', 'measures', 'part', 'action', 'person', 'measure', 'event', 'decision', 'frozen', 'improvement'] as const;

/** One kind of typed id. */
export type IdKind = (typeof idKinds)[number];

/** A typed id such as `case:k3j9…`; the kind is part of the type. */
export type Id<K extends IdKind> = `${K}:${string}`;

export type CaseId = Id<'case'>;
export type MeetingId = Id<'meeting'>;
/** The region's improvement-measures board (one room per region). */
export type MeasuresId = Id<'measures'>;
/** A restricted part of a case, in a room of its own (docs/design.md, "Restricted parts"). */
export type PartId = Id<'part'>;
export type ActionId = Id<'action'>;
export type PersonId = Id<'person'>;
export type MeasureId = Id<'measure'>;
export type EventId = Id<'event'>;
export type DecisionId = Id<'decision'>;
export type FrozenId = Id<'frozen'>;

/** A shared document's room: the id of a case, a meeting, the region's measures board or a case's restricted part. */
export type Room = CaseId | MeetingId | MeasuresId | PartId;

/** Kinds that name a shared document (a room). */
export type RoomKind = 'case' | 'meeting' | 'measures' | 'part';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Length of the random part of a new id. */
export const ID_LENGTH = 16;
const idBody = /^[a-z0-9]{8,32}$/;
// 252 = 7 * 36: bytes at or above it are rejected so every character is equally likely.
const unbiasedLimit = Math.floor(256 / alphabet.length) * alphabet.length;

function randomBody(length: number): string {
  let body = '';
  while (body.length < length) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte >= unbiasedLimit) continue;
      body += alphabet[byte % alphabet.length];
      if (body.length === length) break;
    }
  }
  return body;
}

/** Creates a new random typed id of `kind`. */
export function createId<K extends IdKind>(kind: K): Id<K> {
  return `${kind}:${randomBody(ID_LENGTH)}`;
}

/** True when `value` is a well-formed typed id of `kind`. */
export function isId<K extends IdKind>(kind: K, value: unknown): value is Id<K> {
  if (typeof value !== 'string' || !value.startsWith(`${kind}:`)) return false;
  return idBody.test(value.slice(kind.length + 1));
}

/** True when `value` names a shared document (`case:…`, `meeting:…`, `measures:…` or `part:…`). */
export function isRoom(value: unknown): value is Room {
  return isId('case', value) || isId('meeting', value) || isId('measures', value) || isId('part', value);
}

/** The kind of document a room holds. */
export function roomKind(room: Room): RoomKind {
  if (room.startsWith('case:')) return 'case';
  if (room.startsWith('meeting:')) return 'meeting';
  return room.startsWith('part:') ? 'part' : 'measures';
}

/** The room of a case, meeting or measures board: the id itself (a separate name keeps call sites honest). */
export function roomOf(id: Room): Room {
  return id;
}

/** Parses a room name from outside (URL, server list); null when it is not one. */
export function parseRoom(value: string): Room | null {
  return isRoom(value) ? value : null;
}
