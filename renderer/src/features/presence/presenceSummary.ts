/**
 * Who else has a case open, as the presence bar shows it: one entry per user (a user
 * with the case open in two windows is one person), never the local user, with the
 * plan sections they are typing in.
 */
import type { Peer } from '../../collab/awareness';
import { initialsOf } from '../../domain/presence';
import { safetyPlanSections, type SafetyPlanSectionKey } from '../../domain/safetyPlanSections';

/** The awareness field a plan editor sets while its user types in a section. */
export const SECTION_FIELD = 'section';

/** One other user in the room. */
export interface PresentUser {
  username: string;
  name: string;
  org: string;
  initials: string;
  color: string;
  /** Plan sections this user is typing in (in plan order; empty when only viewing). */
  sections: SafetyPlanSectionKey[];
}

/** The other users in the room, ordered by name (then username) so the bar does not jump. */
export function summarisePresence(peers: readonly Peer[], me: string | null): PresentUser[] {
  const byUser = new Map<string, PresentUser>();
  for (const peer of peers) {
    if (peer.user.username === me) continue;
    const entry = byUser.get(peer.user.username) ?? {
      username: peer.user.username,
      name: peer.user.name,
      org: peer.user.org,
      initials: initialsOf(peer.user.name),
      color: peer.user.color,
      sections: [],
    };
    const section = peer.fields[SECTION_FIELD];
    if (safetyPlanSections.is(section) && !entry.sections.includes(section)) entry.sections.push(section);
    byUser.set(entry.username, entry);
  }
  const order = safetyPlanSections.values;
  return [...byUser.values()]
    .map((user) => ({ ...user, sections: [...user.sections].sort((a, b) => order.indexOf(a) - order.indexOf(b)) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.username.localeCompare(b.username));
}

/** The users typing in `section`, for the hint under that section's editor. */
export function typingIn(users: readonly PresentUser[], section: SafetyPlanSectionKey): PresentUser[] {
  return users.filter((user) => user.sections.includes(section));
}
