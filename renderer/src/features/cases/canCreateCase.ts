import type { UserRole } from '../session';

/** Roles that may create a case from the app (docs/design.md; the server enforces the same). */
export function canCreateCase(role: UserRole): boolean {
  return role === 'procesregisseur' || role === 'deelnemer' || role === 'secretaris';
}
