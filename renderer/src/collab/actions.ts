/**
 * Actions: exactly one owner, a due date and a status. The owner is ONE register (the
 * `owner` key of the action's Y.Map, with `ownerOrg` written in the same transaction):
 * two people assigning at once leave one owner on every replica, never a list.
 */
import * as Y from 'yjs';
import {
  actionOptionalKeys, actionOwnerSchema, actionSchema, newActionSchema, type Action, type ActionOwner, type NewAction,
} from '../domain/actionRecord';
import type { ActionStatus } from '../domain/actionVocabulary';
import { actionStatuses } from '../domain/actionVocabulary';
import type { SkippedRecord } from '../domain/caseBoard';
import { isoDateSchema, textSchema } from '../domain/schemaParts';
import { createId, isId, type ActionId } from '../domain/ids';
import { DomainError } from '../domain/errors';
import { parseLenient, requireValid } from '../domain/validation';
import { caseDoc } from './caseDoc';
import { editTime, type EditContext } from './editContext';
import { CollabError } from './errors';
import { origins } from './origins';
import { readEach, writeFields } from './recordMap';

/**
 * Creates an action; refuses one without owner or due date (DomainError with
 * `action-owner-missing` / `action-due-missing`) before anything is written.
 */
export function createAction(doc: Y.Doc, input: NewAction, context: EditContext): ActionId {
  const valid = requireValid(newActionSchema, input);
  const id = createId('action');
  const action: Action = { ...valid, id, status: 'open', createdBy: context.username, createdAt: editTime(context) };
  doc.transact(() => writeFields(caseDoc(doc).actions, id, { ...action, id: undefined }), origins.userEdit);
  return id;
}

function actionMap(doc: Y.Doc, id: ActionId): Y.Map<unknown> {
  const map = caseDoc(doc).actions.get(id);
  if (!(map instanceof Y.Map)) throw new CollabError('not-found', id);
  return map;
}

/** Makes `owner` the one owner of the action (last writer wins under concurrency). */
export function assignOwner(doc: Y.Doc, id: ActionId, owner: ActionOwner): void {
  const valid = requireValid(actionOwnerSchema, owner);
  const map = actionMap(doc, id);
  doc.transact(() => {
    map.set('owner', valid.owner);
    map.set('ownerOrg', valid.ownerOrg);
  }, origins.userEdit);
}

/** Sets the status. */
export function setActionStatus(doc: Y.Doc, id: ActionId, status: ActionStatus): void {
  if (!actionStatuses.is(status)) throw new DomainError('value-unknown', 'status');
  const map = actionMap(doc, id);
  doc.transact(() => map.set('status', status), origins.userEdit);
}

/** Sets the due date (an action never loses it). */
export function setActionDue(doc: Y.Doc, id: ActionId, due: string): void {
  const valid = requireValid(isoDateSchema('action-due-missing'), due);
  const map = actionMap(doc, id);
  doc.transact(() => map.set('due', valid), origins.userEdit);
}

/** Changes the description. */
export function setActionDescription(doc: Y.Doc, id: ActionId, description: string): void {
  const valid = requireValid(textSchema('action-description-missing'), description);
  const map = actionMap(doc, id);
  doc.transact(() => map.set('description', valid), origins.userEdit);
}

/** Reads one action, or null when absent or unreadable. */
export function readAction(doc: Y.Doc, id: ActionId): Action | null {
  const map = caseDoc(doc).actions.get(id);
  if (!(map instanceof Y.Map)) return null;
  return parseLenient(actionSchema, { ...map.toJSON(), id }, actionOptionalKeys);
}

/** Every readable action of the case (one without owner or due date is skipped, never shown half). */
export function readActions(doc: Y.Doc, skipped?: SkippedRecord[]): Action[] {
  return readEach(caseDoc(doc).actions, 'actions', (key, raw) =>
    (isId('action', key) ? parseLenient(actionSchema, { ...raw, id: key }, actionOptionalKeys) : null), skipped)
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}
