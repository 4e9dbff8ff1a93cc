/**
 * The timeline (incidents, violations, escalations, decisions) and escalation: an
 * escalation is a timeline event of type `escalatie` with its level and reason, which
 * the chair's overview lists (domain/chairOverview).
 */
import type * as Y from 'yjs';
import type { SkippedRecord } from '../domain/caseBoard';
import {
  escalationInputSchema, timelineEventOptionalKeys, timelineEventSchema, type EscalationInput, type TimelineEvent,
} from '../domain/caseRecords';
import { daysBetween } from '../domain/dates';
import { createId, isId, type EventId } from '../domain/ids';
import { parseLenient, requireValid } from '../domain/validation';
import { caseDoc } from './caseDoc';
import { editTime, type EditContext } from './editContext';
import { origins } from './origins';
import { definedFields, readEach } from './recordMap';

/** An event as entered. */
export type TimelineInput = Pick<TimelineEvent, 'date' | 'type' | 'text' | 'level'>;

/** Adds an event to the timeline; returns its id. Events are records: written once, whole. */
export function addTimelineEvent(doc: Y.Doc, input: TimelineInput, context: EditContext): EventId {
  const id = createId('event');
  const event = requireValid(timelineEventSchema, { ...input, id, by: context.username, at: editTime(context) });
  const { id: _key, ...stored } = event;
  doc.transact(() => caseDoc(doc).timeline.set(id, definedFields(stored)), origins.userEdit);
  return id;
}

/** Escalates the case: level (operationeel, tactisch, bestuurlijk) and reason land on the timeline. */
export function escalate(doc: Y.Doc, input: EscalationInput, context: EditContext): EventId {
  const { level, reason, date } = requireValid(escalationInputSchema, input);
  return addTimelineEvent(doc, { type: 'escalatie', level, text: reason, date }, context);
}

/** Removes an event entered by mistake. */
export function removeTimelineEvent(doc: Y.Doc, id: EventId): void {
  doc.transact(() => caseDoc(doc).timeline.delete(id), origins.userEdit);
}

/** The timeline, oldest first (same date: in order of recording). */
export function readTimeline(doc: Y.Doc, skipped?: SkippedRecord[]): TimelineEvent[] {
  return readEach(caseDoc(doc).timeline, 'timeline', (key, raw) =>
    (isId('event', key) ? parseLenient(timelineEventSchema, { ...raw, id: key }, timelineEventOptionalKeys) : null), skipped)
    .sort((a, b) => daysBetween(b.date, a.date) || a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}
