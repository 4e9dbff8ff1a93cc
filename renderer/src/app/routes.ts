/**
 * The app's routes and their hash URLs (#/overleggen, #/casussen/case:…). Hash routing:
 * the web build and the desktop app:// origin both serve one index.html, and a reload
 * or a bookmark lands on the same screen without server help.
 */

/** A room id as the server accepts it (design.md, "Ids and rooms"). */
const roomIdPattern = { case: /^case:[a-z0-9]{8,32}$/u, meeting: /^meeting:[a-z0-9]{8,32}$/u } as const;

/** Where the app is. */
export type Route =
  | { name: 'meetings' }
  | { name: 'meeting'; meetingId: string }
  | { name: 'cases' }
  | { name: 'case'; caseId: string; view?: 'history' }
  | { name: 'actions' }
  | { name: 'improvements' }
  | { name: 'access-log' }
  | { name: 'monitor' }
  | { name: 'partner-figures' }
  | { name: 'admin' }
  | { name: 'not-found' };

/** A top-level section of the main menu. */
export type Section = 'meetings' | 'cases' | 'actions' | 'improvements' | 'monitor' | 'partner-figures' | 'access-log' | 'admin';

/** The sections of the case work in menu order (Beheer only for the role beheerder: {@link sectionsFor}). */
export const sections: readonly Section[] = ['meetings', 'cases', 'actions', 'improvements'];

/** Where the app opens. */
export const defaultRoute: Route = { name: 'meetings' };

/**
 * The menu of a role: the privacy officer opens no case or meeting, so it has the monitor and the
 * access log; management has no case work either (it owns no actions), only the monitor and the
 * improvement measures (read); a beheerder also gets "Beheer"; the process director also gets the
 * monitor; every other role has the case work.
 */
export function sectionsFor(role: string, org?: string): readonly Section[] {
  const base = sectionsOfRole(role);
  return org !== undefined && entersPartnerFigures(role, org) ? [...base, 'partner-figures'] : base;
}

/**
 * The kinds of organisation that hold figures from partners, and the roles of their users that
 * enter them (mirrors sync-server/src/monitor/partner-figures.ts: the kind is the organisation id
 * or its part before the first "-"). The server decides; this only shows the menu item.
 */
const partnerKinds: readonly string[] = ['om', 'vt', 'shn', 'gemeente', 'politie'];
const partnerEntryRoles: readonly string[] = ['procesregisseur', 'secretaris', 'deelnemer'];
/** May a user of `org` with `role` enter its organisation's partner figures ("Cijfers opgeven")? */
export const entersPartnerFigures = (role: string, org: string): boolean => partnerEntryRoles.includes(role) && partnerKinds.includes(org.split('-')[0]!);

function sectionsOfRole(role: string): readonly Section[] {
  if (role === 'privacyfunctionaris') return ['monitor', 'access-log'];
  if (role === 'management') return ['monitor', 'improvements'];
  if (role === 'procesregisseur') return [...sections, 'monitor'];
  // The improvement measures follow the role (docs/design.md, "`measures:<id>`"): not for a beheerder.
  return role === 'beheerder' ? [...sections.filter((section) => section !== 'improvements'), 'admin'] : sections;
}

/** Roles without case work: they land on their home screen when they ask for one outside their menu. */
export const rolesWithoutCaseWork: readonly string[] = ['privacyfunctionaris', 'management'];

/** Where a role's app opens (and lands when it asks for a screen it has no part in). */
export function homeRouteFor(role: string): Route {
  if (role === 'privacyfunctionaris') return { name: 'access-log' };
  if (role === 'management') return { name: 'monitor' };
  return defaultRoute;
}

const segmentOf: Record<Section, string> = { meetings: 'overleggen', cases: 'casussen', actions: 'acties', improvements: 'verbetermaatregelen', monitor: 'monitor', 'partner-figures': 'cijfers-opgeven', 'access-log': 'toegangslog', admin: 'beheer' };
const historySegment = 'geschiedenis';

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The route of a location hash; an empty hash is the default route, anything unknown is not-found. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/u, '');
  if (path === '' || path === '/') return defaultRoute;
  if (!path.startsWith('/')) return { name: 'not-found' };
  const parts = path.slice(1).replace(/\/$/u, '').split('/').map(decode);
  const [first, second, ...rest] = parts;
  // #/casussen/<caseId>/geschiedenis: the board as it was at earlier meetings (learning reviews).
  if (first === segmentOf.cases && rest.length === 1 && rest[0] === historySegment && second && roomIdPattern.case.test(second)) {
    return { name: 'case', caseId: second, view: 'history' };
  }
  if (rest.length > 0 || first === null || second === null) return { name: 'not-found' };
  if (first === segmentOf.meetings) {
    if (second === undefined) return { name: 'meetings' };
    return roomIdPattern.meeting.test(second) ? { name: 'meeting', meetingId: second } : { name: 'not-found' };
  }
  if (first === segmentOf.cases) {
    if (second === undefined) return { name: 'cases' };
    return roomIdPattern.case.test(second) ? { name: 'case', caseId: second } : { name: 'not-found' };
  }
  if (first === segmentOf.actions && second === undefined) return { name: 'actions' };
  if (first === segmentOf.improvements && second === undefined) return { name: 'improvements' };
  if (first === segmentOf.monitor && second === undefined) return { name: 'monitor' };
  if (first === segmentOf['partner-figures'] && second === undefined) return { name: 'partner-figures' };
  if (first === segmentOf['access-log'] && second === undefined) return { name: 'access-log' };
  if (first === segmentOf.admin && second === undefined) return { name: 'admin' };
  return { name: 'not-found' };
}

/** The hash URL of a route (what links point at). */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'meetings':
    case 'cases':
    case 'actions':
    case 'improvements':
    case 'monitor':
    case 'partner-figures':
    case 'access-log':
    case 'admin':
      return `#/${segmentOf[route.name]}`;
    case 'meeting':
      return `#/${segmentOf.meetings}/${encodeURIComponent(route.meetingId)}`;
    case 'case':
      return `#/${segmentOf.cases}/${encodeURIComponent(route.caseId)}${route.view === 'history' ? `/${historySegment}` : ''}`;
    case 'not-found':
      return '#/niet-gevonden';
  }
}

/** The menu section a route belongs to (highlighted in the menu), or null. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'meetings':
    case 'meeting':
      return 'meetings';
    case 'cases':
    case 'case':
      return 'cases';
    case 'actions':
      return 'actions';
    case 'improvements':
      return 'improvements';
    case 'monitor':
      return 'monitor';
    case 'partner-figures':
      return 'partner-figures';
    case 'access-log':
      return 'access-log';
    case 'admin':
      return 'admin';
    case 'not-found':
      return null;
  }
}

/** Whether two routes are the same place. */
export function sameRoute(a: Route, b: Route): boolean {
  return hrefOf(a) === hrefOf(b);
}
