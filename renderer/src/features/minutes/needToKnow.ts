/**
 * Need-to-know for per-organisation minutes: an organisation may know a case when any
 * of its users holds a grant to that case's room. Default deny: a case whose members
 * are unknown is known by nobody.
 */
import type { CanKnow } from '../../pdf/exportFilter';

/** A member of a room as the server lists it (`GET /api/rooms/:room/members`). */
export interface RoomMember {
  username: string;
  org: string;
}

/** `canKnow` from the members of each case room. */
export function canKnowFromMembers(membersByCase: ReadonlyMap<string, readonly RoomMember[]>): CanKnow {
  const orgsByCase = new Map([...membersByCase].map(([caseId, members]) => [caseId, new Set(members.map((member) => member.org))]));
  return (caseId, orgId) => orgsByCase.get(caseId)?.has(orgId) ?? false;
}
