/**
 * The audit log: an append-only table where each entry's hash covers the previous
 * entry's hash, so an edited, inserted or deleted entry breaks the chain.
 * Entries hold ids and codes only: no document content, passwords or tokens.
 */
import { createHash } from 'node:crypto';
import type { Sql, SqlQueries } from './sql';

/** What happened. */
export type AuditEvent =
  | 'login-success' | 'login-failure' | 'login-rate-limited' | 'logout'
  | 'mfa-enrol' | 'mfa-failure' | 'mfa-recovery-used' | 'mfa-reset' | 'setup'
  | 'room-open' | 'room-close' | 'room-create'
  | 'grant' | 'revoke'
  | 'export' | 'frozen-read'
  | 'room-check' | 'quarantine-export' | 'backup' | 'restore' | 'migrate'
  | 'meeting-approve' | 'meeting-reopen' | 'measures-review'
  | 'org-add' | 'org-oidc-bind' | 'org-oidc-unbind' | 'user-add' | 'user-disable' | 'user-enable' | 'user-password'
  | 'org-rename' | 'user-update' | 'user-import'
  | 'access-log-view' | 'access-log-export' | 'case-access-view' | 'subject-report'
  | 'case-close' | 'case-reopen' | 'case-delete' | 'retention-set'
  | 'monitor-view'
  | 'partner-figures-set'
  | 'part-create' | 'part-orgs';

/** Values allowed in an entry's detail: ids, codes, numbers, flags. */
export type AuditDetail = Record<string, string | number | boolean | null>;

/** One entry as appended. */
export interface AuditInput {
  event: AuditEvent;
  /** Username who acted, or `@admin` for the admin CLI, or null when unknown. */
  actor: string | null;
  room?: string | null;
  /** Username acted upon (grants, revokes, user changes). */
  target?: string | null;
  ip?: string | null;
  detail?: AuditDetail | null;
}

/** One stored entry. */
export interface AuditEntry {
  seq: number;
  at: string;
  event: string;
  actor: string | null;
  room: string | null;
  target: string | null;
  ip: string | null;
  detail: AuditDetail | null;
  prevHash: string;
  hash: string;
}

/** The actor recorded for changes made with the admin CLI. */
export const adminActor = '@admin';

const genesis = '0'.repeat(64);

/** The stored fields an entry's hash covers. */
export interface AuditHashInput {
  seq: number; at: string; event: string; actor: string | null; room: string | null;
  target: string | null; ip: string | null; detail: string | null;
}

interface Row {
  seq: number; at: string; event: string; actor: string | null; room: string | null;
  target: string | null; ip: string | null; detail: string | null; prev_hash: string; hash: string;
}

/** The hash of an entry given the previous entry's hash (exported for tamper tests). */
export function entryHash(prevHash: string, row: AuditHashInput): string {
  // A fixed field order: the hash must not depend on how an object happened to be built.
  const canonical = JSON.stringify([row.seq, row.at, row.event, row.actor, row.room, row.target, row.ip, row.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

function toEntry(row: Row): AuditEntry {
  return {
    seq: row.seq, at: row.at, event: row.event, actor: row.actor, room: row.room, target: row.target,
    ip: row.ip, detail: row.detail === null ? null : (JSON.parse(row.detail) as AuditDetail),
    prevHash: row.prev_hash, hash: row.hash,
  };
}

/** Result of {@link AuditLog.verify}. */
export type AuditVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; firstBad: number; reason: 'hash-mismatch' | 'broken-link' | 'gap' };

/** Filters for {@link AuditLog.list}. */
export interface AuditQuery {
  user?: string;
  room?: string;
  /** ISO time; entries at or after it. */
  since?: string;
  limit?: number;
}

/** Appending to and checking the audit chain. */
export interface AuditLog {
  append(input: AuditInput): Promise<AuditEntry>;
  /** Appends inside the caller's transaction (the entry commits or rolls back with the change it records). */
  appendIn(q: SqlQueries, input: AuditInput): Promise<AuditEntry>;
  list(query?: AuditQuery): Promise<AuditEntry[]>;
  verify(): Promise<AuditVerdict>;
}

/** Entries read per query while verifying. */
const verifyBatch = 5000;

/** Binds the audit log to a database. One chain across every instance and the admin CLI. */
export function createAuditLog(sql: Sql): AuditLog {
  const appendIn = async (q: SqlQueries, input: AuditInput): Promise<AuditEntry> => {
    // Reading the head and writing the next entry must not interleave with another
    // writer's, on any instance: the lock holds until the transaction ends.
    await q.lock('audit');
    const head = await q.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    const base = {
      seq: (head?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      event: input.event,
      actor: input.actor,
      room: input.room ?? null,
      target: input.target ?? null,
      ip: input.ip ?? null,
      detail: input.detail ? JSON.stringify(input.detail) : null,
    };
    const prev = head?.hash ?? genesis;
    const row: Row = { ...base, prev_hash: prev, hash: entryHash(prev, base) };
    await q.run(
      'INSERT INTO audit (seq, at, event, actor, room, target, ip, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
      [row.seq, row.at, row.event, row.actor, row.room, row.target, row.ip, row.detail, row.prev_hash, row.hash],
    );
    return toEntry(row);
  };

  return {
    append: (input) => sql.tx((q) => appendIn(q, input)),
    appendIn,
    async list(query = {}) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (query.user) { params.push(query.user); where.push(`(actor = $${params.length} OR target = $${params.length})`); }
      if (query.room) { params.push(query.room); where.push(`room = $${params.length}`); }
      if (query.since) { params.push(query.since); where.push(`at >= $${params.length}`); }
      params.push(query.limit ?? 10_000);
      const text = `SELECT * FROM audit ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq LIMIT $${params.length}`;
      return (await sql.all<Row & Record<string, unknown>>(text, params)).map(toEntry);
    },
    async verify() {
      let prev = genesis;
      let expectedSeq = 1;
      let count = 0;
      for (let after = 0; ;) {
        const rows = await sql.all<Row & Record<string, unknown>>('SELECT * FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2', [after, verifyBatch]);
        for (const row of rows) {
          count++;
          if (row.seq !== expectedSeq) return { ok: false, entries: count, firstBad: expectedSeq, reason: 'gap' };
          if (row.prev_hash !== prev) return { ok: false, entries: count, firstBad: row.seq, reason: 'broken-link' };
          if (entryHash(prev, row) !== row.hash) return { ok: false, entries: count, firstBad: row.seq, reason: 'hash-mismatch' };
          prev = row.hash;
          expectedSeq++;
        }
        if (rows.length < verifyBatch) break;
        after = rows.at(-1)!.seq;
      }
      return { ok: true, entries: count, head: prev };
    },
  };
}
