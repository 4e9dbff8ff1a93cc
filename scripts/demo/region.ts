/**
 * The fictional region of the demo: partner organisations and one user per role.
 * Every name is invented and marked as such; passwords are made per run (never here).
 */
import type { Role } from '../../sync-server/src/access/names';

/** Printed in the minutes' header. */
export const DEMO_REGION = 'Regio Voorbeeldstad (fictief)';

/** The partner organisations (ketenpartners). */
export const demoOrgs = [
  { id: 'zvh', name: 'Zorg- en Veiligheidshuis Voorbeeldstad' },
  { id: 'vt', name: 'Veilig Thuis Voorbeeldstad' },
  { id: 'politie', name: 'Politie eenheid Voorbeeldland' },
  { id: 'om', name: 'Openbaar Ministerie Voorbeeldland' },
  { id: 'rn', name: 'Reclassering Voorbeeldland' },
  { id: 'shn', name: 'Slachtofferhulp Voorbeeldland' },
  { id: 'gemeente', name: 'Gemeente Voorbeeldstad (wijkteam)' },
] as const;

/** A demo account (without its password). */
export interface DemoUser {
  username: string;
  name: string;
  org: (typeof demoOrgs)[number]['id'];
  role: Role;
  /** What the account shows in the demo, for the printed overview. */
  purpose: string;
}

/** One user per role; participants from several organisations. */
export const demoUsers: readonly DemoUser[] = [
  { username: 'paula.procesregie', name: 'Paula Procesregie (fictief)', org: 'zvh', role: 'procesregisseur', purpose: 'voorzitter; ziet alle casussen; stelt verslagen vast' },
  { username: 'sem.secretaris', name: 'Sem Secretaris-Bĳl (fictief)', org: 'zvh', role: 'secretaris', purpose: 'notulist; exporteert en ondertekent verslagen' },
  { username: 'vera.veilig', name: 'Vera Veilig (fictief)', org: 'vt', role: 'deelnemer', purpose: 'Veilig Thuis; vijf casussen, één alleen lezen' },
  { username: 'koen.kordaat', name: 'Koen Kordaat (fictief)', org: 'politie', role: 'deelnemer', purpose: 'politie casusregisseur; vier casussen' },
  { username: 'olga.officier', name: 'Olga Officier (fictief)', org: 'om', role: 'deelnemer', purpose: 'OM zaakskoppel; twee casussen' },
  { username: 'rik.reclassering', name: 'Rik Reclassering (fictief)', org: 'rn', role: 'deelnemer', purpose: 'Reclassering; twee casussen' },
  { username: 'sara.steun', name: 'Sara Steun (fictief)', org: 'shn', role: 'deelnemer', purpose: 'SHN jurist; twee casussen' },
  { username: 'wim.wijkteam', name: 'Wim Wijkteam (fictief)', org: 'gemeente', role: 'deelnemer', purpose: 'wijkteam; twee casussen' },
  { username: 'wanda.waarnemer', name: 'Wanda Waarnemer (fictief)', org: 'gemeente', role: 'waarnemer', purpose: 'leest mee in twee casussen, bewerkt niets' },
  { username: 'bert.beheer', name: 'Bert Beheer (fictief)', org: 'zvh', role: 'beheerder', purpose: 'beheert accounts; ziet geen casusinhoud' },
  { username: 'pieter.privacy', name: 'Pieter Privacy (fictief)', org: 'zvh', role: 'privacyfunctionaris', purpose: 'privacyfunctionaris; ziet het toegangslog, geen casusinhoud' },
];

/** The organisation of a demo user. */
export function orgOf(username: string): string {
  const user = demoUsers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`not a demo user: ${username}`);
  return user.org;
}
