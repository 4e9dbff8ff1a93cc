/**
 * The privacy officer's access log ("Toegangslog"): the audit chain's entries about access to
 * case and meeting rooms, exports and signatures, grants and revokes and logins, with the
 * person's name and organisation and the case's number (never its label), filtered by person,
 * organisation, case number and period. Reads the audit table; writes nothing itself.
 */
import type { AuditDetail } from '../storage/audit';
import type { Sql } from '../storage/sql';
import type { CaseIndex } from './case-index';

/** Event codes shown in the access log, by category. */
export const accessLogCategories = {
  /** Opening a case or meeting room (a socket admitted), reading an approved version. */
  access: ['room-open', 'frozen-read'],
  /** Exports (PDF, CSV), signed or not, including exports of this log. */
  export: ['export', 'access-log-export'],
  /** Grants and revokes of room access, accounts disabled, enabled and changed, restricted parts made and their organisations set. */
  rights: ['grant', 'revoke', 'user-disable', 'user-enable', 'user-update', 'part-create', 'part-orgs'],
  /** Logins, successful and failed. */
  login: ['login-success', 'login-failure', 'login-rate-limited'],
  /** Looking at who accessed what (this log, a case's "Wie heeft deze casus ingezien?"), and inzageverzoek reports. */
  review: ['access-log-view', 'case-access-view', 'subject-report'],
  /** Cases closed, reopened and deleted after their retention period; periods set. */
  retention: ['case-close', 'case-reopen', 'case-delete', 'retention-set'],
} as const;

/** A category of {@link accessLogCategories}. */
export type AccessLogCategory = keyof typeof accessLogCategories;

const allEvents: readonly string[] = Object.values(accessLogCategories).flat();

/** Filters; all optional, combined with AND. */
export interface AccessLogFilter {
  /** Username: entries where they acted or were acted upon. */
  user?: string;
  /** Organisation id: entries where someone of it acted or was acted upon. */
  org?: string;
  /** Case number as shown on the board: entries about that case's room. */
  caseNumber?: string;
  /** ISO time: entries at or after it. */
  from?: string;
  /** ISO time: entries before it. */
  until?: string;
  category?: AccessLogCategory;
}

/** A person as named in the log. */
export interface LoggedPerson { username: string; name: string | null; org: string | null; orgName: string | null }

/** One line of the access log. */
export interface AccessLogEntry {
  seq: number;
  at: string;
  event: string;
  /** Who acted; null for a failed login under an unknown name; `@admin` for the admin CLI. */
  actor: LoggedPerson | null;
  /** Who was acted upon (grants, revokes, disabled accounts). */
  target: LoggedPerson | null;
  room: string | null;
  /** The case number of a case room (null for meeting rooms and cases without one). */
  caseNumber: string | null;
  ip: string | null;
  detail: AuditDetail | null;
}

/** A page of the log, newest first. */
export interface AccessLogPage { entries: AccessLogEntry[]; truncated: boolean }

interface Row {
  seq: number; at: string; event: string; actor: string | null; room: string | null; target: string | null; ip: string | null; detail: string | null;
  actor_name: string | null; actor_org: string | null; actor_org_name: string | null;
  target_name: string | null; target_org: string | null; target_org_name: string | null;
  [key: string]: unknown;
}

const person = (username: string | null, name: string | null, org: string | null, orgName: string | null): LoggedPerson | null =>
  username === null ? null : { username, name, org, orgName };

/** Reading the access log. */
export interface AccessLog {
  /** Entries matching `filter`, newest first, at most `limit` (truncated says whether more matched). */
  query(filter: AccessLogFilter, limit: number): Promise<AccessLogPage>;
}

/** Binds the access log to a database and the case index. */
export function createAccessLog(sql: Sql, cases: CaseIndex): AccessLog {
  return {
    async query(filter, limit) {
      const params: unknown[] = [];
      const param = (value: unknown): string => {
        params.push(value);
        return `$${params.length}`;
      };
      const events = filter.category ? accessLogCategories[filter.category] : allEvents;
      const where = [`a.event IN (${events.map((event) => param(event)).join(', ')})`];
      if (filter.user) {
        const p = param(filter.user);
        where.push(`(a.actor = ${p} OR a.target = ${p})`);
      }
      if (filter.org) {
        const p = param(filter.org);
        where.push(`(ua.org = ${p} OR ut.org = ${p})`);
      }
      if (filter.caseNumber !== undefined) {
        const rooms = await cases.roomsWithNumber(filter.caseNumber);
        if (rooms.length === 0) return { entries: [], truncated: false };
        where.push(`a.room IN (${rooms.map((room) => param(room)).join(', ')})`);
      }
      if (filter.from) where.push(`a.at >= ${param(filter.from)}`);
      if (filter.until) where.push(`a.at < ${param(filter.until)}`);
      const text = `
        SELECT a.seq, a.at, a.event, a.actor, a.room, a.target, a.ip, a.detail,
          ua.name AS actor_name, ua.org AS actor_org, oa.name AS actor_org_name,
          ut.name AS target_name, ut.org AS target_org, ot.name AS target_org_name
        FROM audit a
          LEFT JOIN users ua ON ua.username = a.actor LEFT JOIN orgs oa ON oa.id = ua.org
          LEFT JOIN users ut ON ut.username = a.target LEFT JOIN orgs ot ON ot.id = ut.org
        WHERE ${where.join(' AND ')}
        ORDER BY a.seq DESC
        LIMIT ${param(limit + 1)}`;
      const rows = await sql.all<Row>(text, params);
      const truncated = rows.length > limit;
      const kept = rows.slice(0, limit);
      const facts = await cases.facts(kept.flatMap((row) => (row.room ? [row.room] : [])));
      return {
        truncated,
        entries: kept.map((row) => ({
          seq: row.seq,
          at: row.at,
          event: row.event,
          actor: person(row.actor, row.actor_name, row.actor_org, row.actor_org_name),
          target: person(row.target, row.target_name, row.target_org, row.target_org_name),
          room: row.room,
          caseNumber: row.room ? facts.get(row.room)?.caseNumber ?? null : null,
          ip: row.ip,
          detail: row.detail === null ? null : (JSON.parse(row.detail) as AuditDetail),
        })),
      };
    },
  };
}
