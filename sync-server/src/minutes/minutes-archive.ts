/**
 * Read access to the minutes in a data dir, for the archive export (admin CLI): meeting
 * documents from the room store, frozen copies of approvals, users, organisations and
 * grants. Works next to a running server (SQLite WAL; the server stores every update
 * before relaying it, so what is stored is what was agreed). Writes only audit entries.
 */
import type * as Y from 'yjs';
import { createApprovals, type FrozenInfo } from './approval';
import { createAuditLog, type AuditLog } from '../storage/audit';
import type { ContentCipher } from '../storage/content-cipher';
import { createDirectory, type Directory } from '../access/directory';
import { createGrants, type Grants } from '../access/grants';
import { silentLogger } from '../log';
import { DataDirError, openKeyedStore } from '../storage/keyed-data-dir';
import { isMeetingRoom } from '../access/names';
import { defaultLimits } from '../options';
import { loadRoomDoc } from '../rooms/room-loader';
import { createRoomStore } from '../storage/room-store';
import { createRoomRegistry } from '../rooms/rooms';
import type { StorageTarget } from '../storage/open';
import type { Sql } from '../storage/sql';

/** Why the archive could not be opened or read; `message` is Dutch for the operator. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
  constructor(readonly code: 'no-data' | 'no-key' | 'wrong-key' | 'unknown-meeting' | 'unknown-org' | 'not-approved' | 'reopened' | 'unreadable' | 'exists', message: string) {
    super(message);
  }
}

/** A frozen copy with its decrypted state. */
export interface FrozenCopy extends FrozenInfo { data: Uint8Array }

/** What the archive export reads from a data dir. */
export interface MinutesArchive {
  directory: Directory;
  grants: Grants;
  audit: AuditLog;
  /** Meeting rooms known to the server, in name order. */
  meetingRooms(): Promise<string[]>;
  /** The stored state of a room as a fresh Y.Doc (the caller destroys it). */
  loadRoom(room: string): Promise<Y.Doc>;
  /** Every frozen copy of one approval of a meeting (the meeting's own copy first). */
  frozenCopies(meeting: string, version: number): Promise<FrozenCopy[]>;
  /** The versions for which frozen copies of the meeting exist, ascending. */
  approvedVersions(meeting: string): Promise<number[]>;
  /** Case rooms deleted after their retention period, with their case number (deletion records). */
  deletedCases(): Promise<Map<string, string | null>>;
  close(): Promise<void>;
}

/** Opens a store for reading minutes; refuses a data dir without database or key rather than creating one. */
export async function openMinutesArchive(options: StorageTarget & { dataKey?: string | null }): Promise<MinutesArchive> {
  let opened: { sql: Sql; cipher: ContentCipher };
  try {
    opened = await openKeyedStore(options, options.dataKey ?? process.env.THEMAKAMER_DATA_KEY ?? null);
  } catch (error) {
    if (error instanceof DataDirError) throw new ArchiveError(error.code, error.message);
    throw error;
  }
  const { sql, cipher } = opened;
  try {
    const audit = createAuditLog(sql);
    const store = createRoomStore(sql, cipher);
    // Approvals are used for reading frozen copies only; its registry is never asked to load a room.
    const registry = createRoomRegistry(store, silentLogger, {
      idleUnloadMs: 1, compactAfterUpdates: Number.MAX_SAFE_INTEGER, compactAfterApplyMs: Number.MAX_SAFE_INTEGER, limits: defaultLimits,
    });
    const approvals = createApprovals(sql, registry, cipher, async () => false);
    return {
      directory: createDirectory(sql, audit),
      grants: createGrants(sql, audit),
      audit,
      meetingRooms: async () => (await sql.all<{ room: string }>("SELECT room FROM rooms WHERE room LIKE 'meeting:%' ORDER BY room"))
        .map((row) => row.room).filter(isMeetingRoom),
      async loadRoom(room) {
        try {
          return (await loadRoomDoc(store, room, silentLogger)).doc;
        } catch {
          throw new ArchiveError('unreadable', `De opgeslagen gegevens van ${room} zijn niet leesbaar (verkeerde sleutel of beschadigd bestand).`);
        }
      },
      approvedVersions: async (meeting) => (await sql.all<{ version: number }>('SELECT DISTINCT version FROM frozen WHERE meeting = $1 AND room = meeting ORDER BY version', [meeting]))
        .map((row) => row.version),
      async frozenCopies(meeting, version) {
        const rows = await sql.all<{ id: string; room: string }>('SELECT id, room FROM frozen WHERE meeting = $1 AND version = $2 ORDER BY created_at, id', [meeting, version]);
        const copies: FrozenCopy[] = [];
        for (const row of rows) {
          let copy: FrozenCopy | null;
          try {
            copy = await approvals.get(row.id);
          } catch {
            copy = null;
          }
          if (!copy) throw new ArchiveError('unreadable', `Bevroren kopie ${row.id} van ${row.room} is niet leesbaar (verkeerde sleutel of beschadigd bestand).`);
          copies.push(copy);
        }
        return [...copies.filter((copy) => copy.room === meeting), ...copies.filter((copy) => copy.room !== meeting)];
      },
      deletedCases: async () => new Map((await sql.all<{ room: string; case_number: string | null }>('SELECT room, case_number FROM deletions'))
        .map((row) => [row.room, row.case_number])),
      close: () => sql.close(),
    };
  } catch (error) {
    await sql.close();
    throw error;
  }
}
