/**
 * An action (actie): exactly one owner, a due date and a status. "No action without
 * owner and due date" holds here, before anything reaches a document.
 */
import { z } from 'zod';
import { actionSourceKinds, actionStatuses } from './actionVocabulary';
import type { Validation } from './errors';
import { isId } from './ids';
import { safetyPlanSections } from './safetyPlanSections';
import {
  idSchema, isoDateSchema, isoDateTimeSchema, orgIdSchema, textSchema, usernameSchema, vocabSchema,
} from './schemaParts';
import { validateWith } from './validation';

/** Where the action was agreed: a plan section key or a meeting id. */
export const actionSourceSchema = z
  .object({
    kind: vocabSchema(actionSourceKinds),
    ref: z.string(),
  })
  .refine((source) => (source.kind === 'section' ? safetyPlanSections.is(source.ref) : isId('meeting', source.ref)),
    { error: 'value-unknown', path: ['ref'] });
export type ActionSource = z.infer<typeof actionSourceSchema>;

/** A stored action. */
export const actionSchema = z.object({
  id: idSchema('action'),
  description: textSchema('action-description-missing'),
  owner: usernameSchema('action-owner-missing'),
  ownerOrg: orgIdSchema('action-owner-org-missing'),
  due: isoDateSchema('action-due-missing'),
  status: vocabSchema(actionStatuses),
  source: actionSourceSchema.nullable().default(null),
  createdBy: usernameSchema(),
  createdAt: isoDateTimeSchema,
});
export type Action = z.infer<typeof actionSchema>;
/** Readers default a malformed source to none rather than hide the action. */
export const actionOptionalKeys = ['source'] as const;

/** What a user enters to create an action (id, status and creation are added). */
export const newActionSchema = z.object({
  description: textSchema('action-description-missing'),
  owner: usernameSchema('action-owner-missing'),
  ownerOrg: orgIdSchema('action-owner-org-missing'),
  due: isoDateSchema('action-due-missing'),
  source: actionSourceSchema.nullable().default(null),
});
export type NewAction = z.input<typeof newActionSchema>;

/** Checks a new action; refuses one without owner (`action-owner-missing`) or due date (`action-due-missing`). */
export function validateNewAction(input: unknown): Validation<z.infer<typeof newActionSchema>> {
  return validateWith(newActionSchema, input);
}

/** The owner of an action: one user, and through them one organisation. */
export const actionOwnerSchema = z.object({
  owner: usernameSchema('action-owner-missing'),
  ownerOrg: orgIdSchema('action-owner-org-missing'),
});
export type ActionOwner = z.infer<typeof actionOwnerSchema>;
