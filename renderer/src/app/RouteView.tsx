import type { Route } from './routes';
import { ActionsSection } from './sections/ActionsSection';
import { CasesSection } from './sections/CasesSection';
import { MeetingsSection } from './sections/MeetingsSection';
import { UnavailableSection } from './sections/UnavailableSection';

/** The screen for a route: the slot where data-driven views plug in. */
export function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'meetings':
      return <MeetingsSection />;
    case 'cases':
      return <CasesSection />;
    case 'actions':
      return <ActionsSection />;
    case 'meeting':
      return <UnavailableSection kind="meeting" />;
    case 'case':
      return <UnavailableSection kind="case" />;
    case 'not-found':
      return <UnavailableSection kind="notFound" />;
  }
}
