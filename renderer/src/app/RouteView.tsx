import { AdminPage } from '../features/admin/AdminPage';
import { BoardPage } from '../features/board/BoardPage';
import { CasesPage } from '../features/cases/CasesPage';
import { CaseHistoryView } from '../features/meetings/CaseHistoryView';
import { MeetingPage } from '../features/meetings/MeetingPage';
import type { Route } from './routes';
import { ActionsSection } from './sections/ActionsSection';
import { MeetingsSection } from './sections/MeetingsSection';
import { UnavailableSection } from './sections/UnavailableSection';

/** The screen for a route: the slot where data-driven views plug in. */
export function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'meetings':
      return <MeetingsSection />;
    case 'cases':
      return <CasesPage />;
    case 'actions':
      return <ActionsSection />;
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
