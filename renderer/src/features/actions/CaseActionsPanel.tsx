import { useMemo } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useNow } from '../../app/useNow';
import { toIsoDate } from '../../domain/dates';
import { localAwarenessUser } from '../plan/localUser';
import { CaseActionsView } from './CaseActionsView';
import { emptyDirectory, type ActionDirectory } from './directory';
import { useCaseMeetings } from './useCaseActions';
import './actions.css';

/** Props every board panel of F2 takes (the board page passes the open room). */
export interface CaseActionsPanelProps {
  room: string;
  doc: Y.Doc;
  awareness: Awareness;
  access: 'edit' | 'view';
  /** Users and organisations for the owner picker and names (the session's directory). */
  directory?: ActionDirectory;
}

/** The actions of a case on its board: the signed-in user (from the room's awareness), today, and the view. */
export function CaseActionsPanel({ doc, awareness, access, directory = emptyDirectory }: CaseActionsPanelProps) {
  const now = useNow(60_000);
  const me = useMemo(() => localAwarenessUser(awareness)?.username ?? null, [awareness]);
  const meetingIds = useCaseMeetings(doc);
  const meetings = useMemo(() => meetingIds.map((id) => ({ id, start: null })), [meetingIds]);
  return (
    <CaseActionsView
      doc={doc}
      access={access}
      me={me}
      directory={directory}
      meetings={meetings}
      today={toIsoDate(new Date(now))}
    />
  );
}
