import { BoardPage } from '../features/board/BoardPage';
import { CasesPage } from '../features/cases/CasesPage';
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
      return <UnavailableSection kind="meeting" />;
    case 'case':
      return <BoardPage key={route.caseId} caseId={route.caseId} />;
    case 'not-found':
      return <UnavailableSection kind="notFound" />;
  }
}
