import { MeetingsOverview } from '../../features/meetings/MeetingsOverview';

/** Overleggen: upcoming and past meetings I am invited to, and "Nieuw overleg" for a procesregisseur. */
export function MeetingsSection() {
  return <MeetingsOverview />;
}
