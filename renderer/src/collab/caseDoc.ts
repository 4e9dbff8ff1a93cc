/**
 * The roots of a case document (docs/design.md, `case:<id>`). Only collab/ calls
 * `doc.getMap`; everything else goes through the accessors built on these.
 */
import type * as Y from 'yjs';

/** Root keys of a case document. */
export const caseRoots = ['meta', 'persons', 'risk', 'measures', 'contacts', 'timeline', 'plan', 'actions', 'meetingNotes'] as const;

/** The typed roots of a case document. */
export function caseDoc(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>('meta'),
    persons: doc.getMap<unknown>('persons'),
    risk: doc.getMap<unknown>('risk'),
    measures: doc.getMap<unknown>('measures'),
    contacts: doc.getMap<unknown>('contacts'),
    timeline: doc.getMap<unknown>('timeline'),
    plan: doc.getMap<unknown>('plan'),
    actions: doc.getMap<unknown>('actions'),
    meetingNotes: doc.getMap<unknown>('meetingNotes'),
  };
}
