/**
 * "Wie heeft deze casus ingezien?": per person who opened a case room (a socket admitted) or
 * read one of its approved versions, with their organisation, first and last time and how often,
 * from the audit chain.
 */
import type { Sql } from '../storage/sql';

/** One person's openings of a case. */
export interface CaseOpening {
  username: string;
  name: string | null;
  org: string | null;
  orgName: string | null;
  first: string;
  last: string;
  times: number;
}

/** Openings of `room`, the most recent first. */
export async function caseOpenings(sql: Sql, room: string): Promise<CaseOpening[]> {
  const rows = await sql.all<{ actor: string; name: string | null; org: string | null; org_name: string | null; first: string; last: string; times: number }>(
    `SELECT a.actor, u.name, u.org, o.name AS org_name, MIN(a.at) AS first, MAX(a.at) AS last, COUNT(*) AS times
     FROM audit a LEFT JOIN users u ON u.username = a.actor LEFT JOIN orgs o ON o.id = u.org
     WHERE a.room = $1 AND a.event IN ('room-open', 'frozen-read') AND a.actor IS NOT NULL
     GROUP BY a.actor, u.name, u.org, o.name
     ORDER BY MAX(a.at) DESC, a.actor`,
    [room],
  );
  return rows.map((row) => ({
    username: row.actor, name: row.name, org: row.org, orgName: row.org_name, first: row.first, last: row.last, times: Number(row.times),
  }));
}
