/**
 * The action form as data: what the user typed, checked against the same domain schema
 * the model enforces (no action without owner and due date), with every problem per
 * field so the form can mark them all at once.
 */
import { newActionSchema, type NewAction } from '../../domain/actionRecord';
import { isDomainErrorCode, type DomainErrorCode } from '../../domain/errors';
import { isId } from '../../domain/ids';
import { safetyPlanSections } from '../../domain/safetyPlanSections';
import { findUser, type ActionDirectory } from './directory';

/** The fields of the form, as typed (strings; empty means not filled in). */
export interface ActionDraft {
  description: string;
  /** A username from the directory, or '' when none is chosen. */
  owner: string;
  /** `YYYY-MM-DD` from the date input, or ''. */
  due: string;
  /** '' (not recorded), `section:<key>` or `meeting:<meetingId>`. */
  source: string;
}

/** The form's fields that can be wrong. */
export type DraftField = 'description' | 'owner' | 'due' | 'source';

/** Problems per field (the first per field), as domain error codes. */
export type DraftIssues = Partial<Record<DraftField, DomainErrorCode>>;

/** An empty form. */
export const emptyDraft: ActionDraft = { description: '', owner: '', due: '', source: '' };

/** The form order, for focusing the first field with a problem. */
export const draftFieldOrder: readonly DraftField[] = ['description', 'owner', 'due', 'source'];

/** Turns the source choice into the stored link, or null when none or unrecognised. */
export function parseSource(value: string): NewAction['source'] {
  if (value.startsWith('section:')) {
    const key = value.slice('section:'.length);
    return safetyPlanSections.is(key) ? { kind: 'section', ref: key } : null;
  }
  if (value.startsWith('meeting:')) {
    const ref = value.slice('meeting:'.length);
    return isId('meeting', ref) ? { kind: 'meeting', ref } : null;
  }
  return null;
}

/** The form value of a stored source link. */
export function sourceValue(source: NewAction['source']): string {
  return source ? `${source.kind}:${source.ref}` : '';
}

/** The current owner of an action being edited: kept even when the directory no longer lists them. */
export interface KnownOwner {
  username: string;
  org: string;
}

/** The new action this draft describes (owner's organisation from the directory). */
export function draftToNewAction(draft: ActionDraft, directory: ActionDirectory, current?: KnownOwner): NewAction {
  const owner = draft.owner.trim();
  const org = findUser(directory, owner)?.org ?? (current?.username === owner ? current.org : undefined);
  return {
    description: draft.description,
    owner,
    // An owner nobody knows has no organisation: the schema refuses it.
    ownerOrg: owner === '' ? '' : org ?? '',
    due: draft.due,
    source: parseSource(draft.source),
  };
}

const fieldOf = (path: readonly PropertyKey[]): DraftField | null => {
  const head = String(path[0] ?? '');
  if (head === 'ownerOrg' || head === 'owner') return 'owner';
  if (head === 'description' || head === 'due' || head === 'source') return head;
  return null;
};

/** Every field's first problem; empty when the action may be created. */
export function draftIssues(draft: ActionDraft, directory: ActionDirectory, current?: KnownOwner): DraftIssues {
  const result = newActionSchema.safeParse(draftToNewAction(draft, directory, current));
  if (result.success) return {};
  const issues: DraftIssues = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    if (!field || issues[field]) continue;
    issues[field] = isDomainErrorCode(issue.message) ? issue.message : 'record-invalid';
  }
  // An owner without an organisation is, for the user, a missing owner only when none was chosen.
  if (issues.owner === 'action-owner-org-missing' && draft.owner.trim() === '') issues.owner = 'action-owner-missing';
  return issues;
}

/** The first field with a problem, in form order. */
export function firstIssueField(issues: DraftIssues): DraftField | null {
  return draftFieldOrder.find((field) => issues[field] !== undefined) ?? null;
}
