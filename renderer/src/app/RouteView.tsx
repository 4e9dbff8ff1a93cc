import { useEffect } from 'react';
import { AdminPage } from '../features/admin/AdminPage';
import { BoardPage } from '../features/board/BoardPage';
import { CasesPage } from '../features/cases/CasesPage';
import { ImprovementsSection } from '../features/improvements/ImprovementsPage';
import { CaseHistoryView } from '../features/meetings/CaseHistoryView';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MonitorPage } from '../features/monitor/MonitorPage';
import { PartnerFiguresPage } from '../features/monitor/PartnerFiguresPage';
import { AccessLogPage } from '../features/privacy/AccessLogPage';
import { useSession } from '../features/session';
import { homeRouteFor, hrefOf, rolesWithoutCaseWork, sectionOf, sectionsFor, type Route } from './routes';
import { ActionsSection } from './sections/ActionsSection';
import { MeetingsSection } from './sections/MeetingsSection';
import { UnavailableSection } from './sections/UnavailableSection';

/** Replaces the location with `route` (no history entry: Back does not bounce through it). */
function Redirect({ href }: { href: string }) {
  useEffect(() => {
    window.location.replace(href);
  }, [href]);
  return null;
}

/** The screen for a route: the slot where data-driven views plug in. */
export function RouteView({ route }: { route: Route }) {
  const { user } = useSession();
  const section = sectionOf(route);
  // A screen outside the role's menu: the privacy officer and management go to their home, others see "not found".
  if (section !== null && !sectionsFor(user.role, user.org).includes(section)) {
    return rolesWithoutCaseWork.includes(user.role) ? <Redirect href={hrefOf(homeRouteFor(user.role))} /> : <UnavailableSection kind="notFound" />;
  }
  switch (route.name) {
    case 'meetings':
      return <MeetingsSection />;
    case 'cases':
      return <CasesPage />;
    case 'actions':
      return <ActionsSection />;
    case 'improvements':
      return <ImprovementsSection />;
    case 'monitor':
      return <MonitorPage />;
    case 'partner-figures':
      return <PartnerFiguresPage />;
    case 'access-log':
      return <AccessLogPage />;
    case 'meeting':
      return <MeetingPage key={route.meetingId} meetingId={route.meetingId} />;
    case 'case':
      if (route.view === 'history') return <CaseHistoryView key={route.caseId} caseId={route.caseId} />;
      return <BoardPage key={route.caseId} caseId={route.caseId} />;
    case 'admin':
      return <AdminPage />;
    case 'not-found':
      return <UnavailableSection kind="notFound" />;
  }
}
