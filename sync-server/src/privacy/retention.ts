/**
 * Closing cases and deleting them after their retention period (docs/privacy.md, "How long").
 * A case is deleted when it was closed with "Casus afsluiten" (a row in case_closures), its
 * document still says `afgesloten`, and its type's period has passed since closing. Deleting
 * removes every stored row of the room (updates, snapshot, quarantine, frozen copies, grants,
 * index) and writes a deletion record without content; the deletions table then makes the
 * database drop any later write to that room (privacy-schema.ts), and the freed pages are
 * overwritten (SQLite secure_delete, then a WAL checkpoint that truncates the WAL).
 */
import type { AuditLog } from '../storage/audit';
import { accessChannel } from '../access/directory';
import { isCaseRoom } from '../access/names';
import type { RoomStore } from '../storage/room-store';
import type { Sql } from '../storage/sql';
import { readStoredCaseMeta } from './case-index';

/** Months a closed case is kept when its type has no rule of its own (justified in docs/privacy.md). */
export const defaultRetentionMonths = 24;

/** Why a case was closed (codes; the words are the app's). */
export const closeReasons = ['doel-bereikt', 'overgedragen', 'geen-zvh-casus', 'overig'] as const;
/** A reason code of {@link closeReasons}. */
export type CloseReason = (typeof closeReasons)[number];
/** True for a known reason code. */
export const isCloseReason = (value: unknown): value is CloseReason => (closeReasons as readonly unknown[]).includes(value);

/** A case type's rule. */
export interface RetentionRule { caseType: string; months: number; setAt: string; setBy: string }

/** A deletion record: no content, only what a privacy officer must be able to show. */
export interface DeletionRecord { room: string; caseNumber: string | null; caseType: string | null; closedAt: string; deletedAt: string; rule: string }

/** A case's closure as the board shows it: when, why, and from when it will be deleted under its type's rule. */
export interface ClosureInfo { closedAt: string; reason: CloseReason; months: number; deleteFrom: string }

/** A refusal with a Dutch message for the operator. */
export class RetentionError extends Error {
  override name = 'RetentionError';
}

/** Closing, rules, the deletion run and its records. */
export interface Retention {
  /** Records that `room` was closed now by `username` for `reason` (the caller writes the status into the document). */
  recordClosure(room: string, username: string, reason: CloseReason, ip?: string | null): Promise<{ closedAt: string }>;
  /** Removes the closure record of a reopened case (it is then no longer due for deletion). */
  removeClosure(room: string, username: string, ip?: string | null): Promise<void>;
  /**
   * The closure of `room` with its deletion date, or null when it has none or its document no
   * longer says `afgesloten` (then it is not due for deletion either).
   */
  closure(room: string): Promise<ClosureInfo | null>;
  setRule(caseType: string, months: number, actor: string): Promise<void>;
  rules(): Promise<RetentionRule[]>;
  /** Deletes every case due at `now`; resolves with the deletions made. */
  run(now: Date, actor: string): Promise<DeletionRecord[]>;
  deletions(): Promise<DeletionRecord[]>;
}

const caseTypePattern = /^[a-z][a-z0-9-]{0,31}$/u;

/** `iso` plus `months` calendar months (UTC). */
export function addMonths(iso: string, months: number): Date {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}

interface ClosureRow { room: string; closed_at: string; [key: string]: unknown }
interface DeletionRow { room: string; case_number: string | null; case_type: string | null; closed_at: string; deleted_at: string; rule: string; [key: string]: unknown }

const toRecord = (row: DeletionRow): DeletionRecord => ({
  room: row.room, caseNumber: row.case_number, caseType: row.case_type, closedAt: row.closed_at, deletedAt: row.deleted_at, rule: row.rule,
});

/** Rows of a room, in the order they are deleted. */
const roomTables = ['updates', 'snapshots', 'quarantine', 'frozen', 'grants', 'case_index', 'monitor_index', 'case_closures', 'rooms'] as const;

/** Overwrites what the deletions freed: SQLite moves the WAL into the file and truncates it; PostgreSQL vacuums. */
async function scrubFreedPages(sql: Sql): Promise<void> {
  if (sql.dialect === 'postgres') {
    for (const table of ['updates', 'snapshots', 'quarantine', 'frozen']) await sql.run(`VACUUM ${table}`);
    return;
  }
  // A reader (the server's connection mid-query) can keep the checkpoint from finishing: try again briefly.
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = await sql.get<{ busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
    if (!result || result.busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new RetentionError('De WAL kon niet worden leeggemaakt (database bezet). Draai retention run opnieuw.');
}

/** Binds retention to a database, the room store (to read a case's type and status) and the audit log. */
export function createRetention(sql: Sql, store: RoomStore, audit: AuditLog): Retention {
  const ruleMonths = async (caseType: string | null): Promise<number> => {
    if (!caseType) return defaultRetentionMonths;
    const row = await sql.get<{ months: number }>('SELECT months FROM retention_rules WHERE case_type = $1', [caseType]);
    return row ? Number(row.months) : defaultRetentionMonths;
  };

  return {
    async recordClosure(room, username, reason, ip = null) {
      if (!isCaseRoom(room)) throw new RetentionError('Alleen een casus kan worden afgesloten.');
      const closedAt = new Date().toISOString();
      await sql.tx(async (q) => {
        await q.run(
          'INSERT INTO case_closures (room, closed_at, closed_by, reason) VALUES ($1, $2, $3, $4) ON CONFLICT (room) DO UPDATE SET closed_at = excluded.closed_at, closed_by = excluded.closed_by, reason = excluded.reason',
          [room, closedAt, username, reason],
        );
        await audit.appendIn(q, { event: 'case-close', actor: username, room, ip, detail: { reason } });
      });
      return { closedAt };
    },
    async removeClosure(room, username, ip = null) {
      await sql.tx(async (q) => {
        const removed = (await q.run('DELETE FROM case_closures WHERE room = $1', [room])).changes > 0;
        if (removed) await audit.appendIn(q, { event: 'case-reopen', actor: username, room, ip });
      });
    },
    async closure(room) {
      const row = await sql.get<{ closed_at: string; reason: string }>('SELECT closed_at, reason FROM case_closures WHERE room = $1', [room]);
      if (!row || !isCloseReason(row.reason)) return null;
      const meta = await readStoredCaseMeta(store, room);
      if (meta.status !== 'afgesloten') return null;
      const months = await ruleMonths(meta.caseType);
      return { closedAt: row.closed_at, reason: row.reason, months, deleteFrom: addMonths(row.closed_at, months).toISOString() };
    },
    async setRule(caseType, months, actor) {
      if (!caseTypePattern.test(caseType)) throw new RetentionError('Een casustype bestaat uit kleine letters, cijfers en streepjes, bijvoorbeeld ex-partnerstalking.');
      if (!Number.isSafeInteger(months) || months < 1 || months > 1200) throw new RetentionError('Geef de bewaartermijn in hele maanden, van 1 tot 1200.');
      await sql.tx(async (q) => {
        await q.run(
          'INSERT INTO retention_rules (case_type, months, set_at, set_by) VALUES ($1, $2, $3, $4) ON CONFLICT (case_type) DO UPDATE SET months = excluded.months, set_at = excluded.set_at, set_by = excluded.set_by',
          [caseType, months, new Date().toISOString(), actor],
        );
        await audit.appendIn(q, { event: 'retention-set', actor, detail: { caseType, months } });
      });
    },
    async rules() {
      const rows = await sql.all<{ case_type: string; months: number; set_at: string; set_by: string }>('SELECT case_type, months, set_at, set_by FROM retention_rules ORDER BY case_type');
      return rows.map((row) => ({ caseType: row.case_type, months: Number(row.months), setAt: row.set_at, setBy: row.set_by }));
    },
    async run(now, actor) {
      const closures = await sql.all<ClosureRow>('SELECT room, closed_at FROM case_closures WHERE room NOT IN (SELECT room FROM deletions) ORDER BY closed_at, room');
      const made: DeletionRecord[] = [];
      for (const closure of closures) {
        const meta = await readStoredCaseMeta(store, closure.room);
        // Reopened in the document since (status changed back): not due, whatever the record says.
        if (meta.status !== 'afgesloten') continue;
        const months = await ruleMonths(meta.caseType);
        if (addMonths(closure.closed_at, months).getTime() > now.getTime()) continue;
        const record: DeletionRecord = {
          room: closure.room, caseNumber: meta.caseNumber, caseType: meta.caseType, closedAt: closure.closed_at,
          deletedAt: now.toISOString(), rule: `${meta.caseType ?? 'onbekend type'}: ${months} maanden na afsluiten`,
        };
        await sql.tx(async (q) => {
          // The record first: from here on the guards drop every write to the room.
          await q.run('INSERT INTO deletions (room, case_number, case_type, closed_at, deleted_at, rule) VALUES ($1, $2, $3, $4, $5, $6)',
            [record.room, record.caseNumber, record.caseType, record.closedAt, record.deletedAt, record.rule]);
          for (const table of roomTables) await q.run(`DELETE FROM ${table} WHERE room = $1`, [record.room]);
          // Its restricted parts go with it: each its own room, recorded so the guards drop late writes.
          const parts = await q.all<{ room: string }>('SELECT room FROM restricted_parts WHERE case_room = $1', [record.room]);
          for (const part of parts) {
            await q.run('INSERT INTO deletions (room, case_number, case_type, closed_at, deleted_at, rule) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
              [part.room, record.caseNumber, record.caseType, record.closedAt, record.deletedAt, `afgeschermd deel van ${record.room}; ${record.rule}`]);
            for (const table of [...roomTables, 'restricted_parts']) await q.run(`DELETE FROM ${table} WHERE room = $1`, [part.room]);
          }
          await audit.appendIn(q, { event: 'case-delete', actor, room: record.room, detail: { caseType: record.caseType, months, parts: parts.length } });
          // Running servers close the room's sockets (no grants left).
          await q.notify(accessChannel);
        });
        made.push(record);
      }
      if (made.length > 0) await scrubFreedPages(sql);
      return made;
    },
    async deletions() {
      return (await sql.all<DeletionRow>('SELECT * FROM deletions ORDER BY deleted_at, room')).map(toRecord);
    },
  };
}
