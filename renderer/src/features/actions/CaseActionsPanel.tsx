import { useMemo } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useToday } from '../../app/useNow';
import { useDirectory, useSession } from '../session';
import { CaseActionsView } from './CaseActionsView';
import { useCaseMeetings } from './useCaseActions';
import { useMeetingChoices } from './useMeetingChoices';
import './actions.css';

/** Props every board panel of F2 takes (the board page passes the open room). */
export interface CaseActionsPanelProps {
  room: string;
  doc: Y.Doc;
  awareness: Awareness;
  access: 'edit' | 'view';
}

/** The actions of a case on its board, for the signed-in user, with the session's directory. */
export function CaseActionsPanel({ doc, access }: CaseActionsPanelProps) {
  const today = useToday();
  const { user } = useSession();
  const { users, orgs } = useDirectory();
  const directory = useMemo(() => ({ users, orgs }), [users, orgs]);
  const meetings = useMeetingChoices(useCaseMeetings(doc));
  return (
    <CaseActionsView
      doc={doc}
      access={access}
      me={user.username}
      directory={directory}
      meetings={meetings}
      today={today}
    />
  );
}
