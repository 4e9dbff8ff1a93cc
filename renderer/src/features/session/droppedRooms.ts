/**
 * Rooms this device had to drop while they held changes the server never received (access
 * revoked, case deleted after its retention period). The vault forgets the room whole; what
 * stays is this notice (sealed in the vault, until the user acknowledges it): which case
 * (by its number) or meeting (by its date), how many changes and when, never their content.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { readCaseMeta } from '../../collab/caseHeader';
import { readMeetingMeta } from '../../collab/meetingHeader';
import { isRoom, type Room } from '../../domain/ids';
import type { PendingChanges, Vault } from '../../vault';

/** One dropped room with unsent changes. */
export interface DroppedRoom {
  room: Room;
  kind: 'case' | 'meeting' | 'part';
  /** The case number, or the meeting's start (ISO); null when the document had none. */
  name: string | null;
  changes: number;
  /** Epoch ms of the first and last unsent change. */
  firstAt: number;
  lastAt: number;
  /** Epoch ms when this device dropped the room. */
  droppedAt: number;
}

const droppedKey = 'dropped-rooms';

const droppedSchema = z.array(z.object({
  room: z.custom<Room>((value) => isRoom(value)),
  kind: z.enum(['case', 'meeting', 'part']),
  name: z.string().nullable(),
  changes: z.number(),
  firstAt: z.number(),
  lastAt: z.number(),
  droppedAt: z.number(),
}));

/** The stored notices (an unreadable record counts as none). */
export async function loadDroppedRooms(vault: Vault): Promise<DroppedRoom[]> {
  const parsed = droppedSchema.safeParse(await vault.getJson(droppedKey));
  return parsed.success ? parsed.data : [];
}

/** Replaces the stored notices (an empty list removes the record). */
export async function saveDroppedRooms(vault: Vault, dropped: readonly DroppedRoom[]): Promise<void> {
  if (dropped.length === 0) await vault.deleteJson(droppedKey);
  else await vault.putJson(droppedKey, dropped);
}

/** The case number or meeting start of a stored room, read before it is forgotten; null when none. */
export async function storedRoomName(vault: Vault, room: Room): Promise<string | null> {
  const doc = new Y.Doc({ gc: true });
  try {
    const copy = room.startsWith('case:') ? await vault.loadReadCopy(room).catch(() => null) : null;
    if (copy) Y.applyUpdate(doc, copy.copy);
    else for (const update of await vault.loadRoom(room)) Y.applyUpdate(doc, update);
    if (room.startsWith('case:')) return readCaseMeta(doc)?.caseNumber ?? null;
    // A restricted part's document holds only its text; its title lives on the server.
    if (room.startsWith('part:')) return null;
    return readMeetingMeta(doc)?.start ?? null;
  } catch {
    return null;
  } finally {
    doc.destroy();
  }
}

/**
 * Forgets `room` in the vault; when it held unsent changes, returns the notice to keep.
 * The name is read only when there is something to report.
 */
export async function dropRoom(vault: Vault, room: Room, now: number): Promise<DroppedRoom | null> {
  const pending: PendingChanges | null = await vault.loadPending(room).catch(() => null);
  const name = pending ? await storedRoomName(vault, room) : null;
  const unsent = await vault.forgetRoom(room);
  if (!unsent) return null;
  const kind = room.startsWith('case:') ? 'case' : room.startsWith('part:') ? 'part' : 'meeting';
  return { room, kind, name, ...unsent, droppedAt: now };
}
