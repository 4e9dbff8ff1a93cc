/**
 * Restricted parts of a case (issue 14, "Need-to-know inside a case"). A part is its own
 * room `part:<id>`: Yjs cannot hide part of one document, so the bytes of a part live apart
 * from the case and are only ever sent to whoever may open it, which is whoever may open the
 * case AND belongs to one of the part's organisations (grants.ts, `effectiveAccess`). The
 * organisations are stored here, set only by the case's manager, and every change is audited
 * and announced on the access channel so open sockets of a removed organisation are closed.
 */
import type { AuditLog } from '../storage/audit';
import type { Sql } from '../storage/sql';
import { accessChannel, DirectoryError } from './directory';
import { partOrgs } from './grants';
import { createId, isCaseRoom, isOrgId, isPartRoom } from './names';

/** A restricted part as the board shows it: existence, title, organisations; never content. */
export interface RestrictedPart { room: string; caseRoom: string; title: string; orgs: string[]; createdBy: string; createdAt: string }

/** Reading and changing restricted parts. */
export interface Parts {
  create(caseRoom: string, title: string, orgs: string[], actor: string, ip?: string | null): Promise<RestrictedPart>;
  setOrgs(room: string, orgs: string[], actor: string, ip?: string | null): Promise<RestrictedPart>;
  get(room: string): Promise<RestrictedPart | null>;
  ofCase(caseRoom: string): Promise<RestrictedPart[]>;
}

/** Longest title of a part. */
export const maxPartTitle = 120;
/** Most organisations on one part. */
export const maxPartOrgs = 20;

interface PartRow { room: string; case_room: string; title: string; orgs: string; created_by: string; created_at: string; [key: string]: unknown }

const toPart = (row: PartRow): RestrictedPart => ({
  room: row.room, caseRoom: row.case_room, title: row.title, orgs: partOrgs(row.orgs), createdBy: row.created_by, createdAt: row.created_at,
});

/** Binds restricted parts to a database and audit log. */
export function createParts(sql: Sql, audit: AuditLog): Parts {
  const cleanOrgs = async (orgs: string[]): Promise<string[]> => {
    const unique = [...new Set(orgs)].sort();
    if (unique.length === 0 || unique.length > maxPartOrgs || !unique.every(isOrgId)) {
      throw new DirectoryError('invalid', `Kies 1 tot ${maxPartOrgs} organisaties.`);
    }
    for (const org of unique) {
      if (!(await sql.get('SELECT 1 AS found FROM orgs WHERE id = $1', [org]))) throw new DirectoryError('unknown-org', `Organisatie ${org} bestaat niet.`);
    }
    return unique;
  };
  const get = async (room: string): Promise<RestrictedPart | null> => {
    if (!isPartRoom(room)) return null;
    const row = await sql.get<PartRow>('SELECT * FROM restricted_parts WHERE room = $1', [room]);
    return row ? toPart(row) : null;
  };

  return {
    async create(caseRoom, title, orgs, actor, ip = null) {
      if (!isCaseRoom(caseRoom)) throw new DirectoryError('invalid', 'Alleen een casus heeft afgeschermde delen.');
      const cleanTitle = title.trim().replace(/\s+/g, ' ');
      if (cleanTitle.length === 0 || cleanTitle.length > maxPartTitle) throw new DirectoryError('invalid', `Geef een titel van 1 tot ${maxPartTitle} tekens.`);
      const chosen = await cleanOrgs(orgs);
      const room = createId('part');
      const now = new Date().toISOString();
      await sql.tx(async (q) => {
        await q.run('INSERT INTO rooms (room, created_by, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [room, actor, now]);
        await q.run('INSERT INTO restricted_parts (room, case_room, title, orgs, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [room, caseRoom, cleanTitle, JSON.stringify(chosen), actor, now]);
        await audit.appendIn(q, { event: 'part-create', actor, room, ip, detail: { case: caseRoom, orgs: chosen.join(',') } });
        await q.notify(accessChannel);
      });
      return { room, caseRoom, title: cleanTitle, orgs: chosen, createdBy: actor, createdAt: now };
    },
    async setOrgs(room, orgs, actor, ip = null) {
      const part = await get(room);
      if (!part) throw new DirectoryError('invalid', 'Dit afgeschermde deel bestaat niet.');
      const chosen = await cleanOrgs(orgs);
      await sql.tx(async (q) => {
        await q.run('UPDATE restricted_parts SET orgs = $1 WHERE room = $2', [JSON.stringify(chosen), room]);
        await audit.appendIn(q, { event: 'part-orgs', actor, room, ip, detail: { case: part.caseRoom, orgs: chosen.join(','), before: part.orgs.join(',') } });
        // Running servers (this one and others) close sockets of organisations no longer on it.
        await q.notify(accessChannel);
      });
      return { ...part, orgs: chosen };
    },
    get,
    async ofCase(caseRoom) {
      return (await sql.all<PartRow>('SELECT * FROM restricted_parts WHERE case_room = $1 ORDER BY created_at, room', [caseRoom])).map(toPart);
    },
  };
}
