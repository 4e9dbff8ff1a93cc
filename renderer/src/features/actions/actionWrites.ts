/**
 * Saving what the action form holds through the collab accessors. The accessors check
 * again (the model refuses an action without owner or due date, whatever the form did);
 * a refusal comes back as a message key, never as a half-written action.
 */
import type * as Y from 'yjs';
import {
  assignOwner, createAction, setActionDescription, setActionDue, setActionStatus,
} from '../../collab/actions';
import type { EditContext } from '../../collab/editContext';
import { origins } from '../../collab/origins';
import { validateNewAction, type Action } from '../../domain/actionRecord';
import type { ActionStatus } from '../../domain/actionVocabulary';
import type { ActionId } from '../../domain/ids';
import { draftToNewAction, type ActionDraft } from './actionDraft';
import { messageKeyForCode, messageKeyForError, type ActionErrorKey } from './actionErrors';
import type { ActionDirectory } from './directory';

/** The outcome of a save: the action's id, or why it was refused. */
export type SaveResult = { ok: true; id: ActionId } | { ok: false; error: ActionErrorKey };

/** Creates the action the draft describes, by `context.username`. */
export function saveNewAction(doc: Y.Doc, draft: ActionDraft, directory: ActionDirectory, context: EditContext): SaveResult {
  try {
    return { ok: true, id: createAction(doc, draftToNewAction(draft, directory), context) };
  } catch (error) {
    return { ok: false, error: messageKeyForError(error) };
  }
}

/**
 * Writes the fields the user changed, in one transaction (one update for the vault and
 * the peers). Unchanged fields are not written, so a concurrent change by someone else
 * to another field survives. The owner stays one register: assignOwner replaces it.
 */
export function saveActionChanges(doc: Y.Doc, action: Action, draft: ActionDraft, directory: ActionDirectory): SaveResult {
  const checked = validateNewAction(draftToNewAction(draft, directory, { username: action.owner, org: action.ownerOrg }));
  // Checked whole before writing: Yjs has no rollback, a refusal halfway would leave half a change.
  if (!checked.ok) return { ok: false, error: messageKeyForCode(checked.issue.code) };
  const next = checked.value;
  try {
    doc.transact(() => {
      if (next.description !== action.description) setActionDescription(doc, action.id, next.description);
      if (next.owner !== action.owner) assignOwner(doc, action.id, { owner: next.owner, ownerOrg: next.ownerOrg });
      if (next.due !== action.due) setActionDue(doc, action.id, next.due);
    }, origins.userEdit);
    return { ok: true, id: action.id };
  } catch (error) {
    return { ok: false, error: messageKeyForError(error) };
  }
}

/** Sets the status of an action. */
export function saveStatus(doc: Y.Doc, id: ActionId, status: ActionStatus): SaveResult {
  try {
    setActionStatus(doc, id, status);
    return { ok: true, id };
  } catch (error) {
    return { ok: false, error: messageKeyForError(error) };
  }
}

/** The form's starting values for an existing action. */
export function draftOf(action: Action): ActionDraft {
  return {
    description: action.description,
    owner: action.owner,
    due: action.due,
    source: action.source ? `${action.source.kind}:${action.source.ref}` : '',
  };
}
