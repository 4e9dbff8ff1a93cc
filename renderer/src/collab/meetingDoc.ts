/** The roots of a meeting document (docs/design.md, `meeting:<id>`): case ids only, no case content. */
import type * as Y from 'yjs';

/** Root keys of a meeting document. */
export const meetingRoots = ['meta', 'invitees', 'attendance', 'confidentiality', 'agenda', 'live'] as const;

/** The typed roots of a meeting document. */
export function meetingDoc(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>('meta'),
    invitees: doc.getMap<unknown>('invitees'),
    attendance: doc.getMap<unknown>('attendance'),
    confidentiality: doc.getMap<unknown>('confidentiality'),
    agenda: doc.getArray<unknown>('agenda'),
    live: doc.getMap<unknown>('live'),
  };
}
