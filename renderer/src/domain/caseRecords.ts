/**
 * The records of a case board (docs/design.md, `case:<id>`), as zod schemas and types.
 * Writes are checked strictly; readers of peer data use the same schemas leniently
 * (see `parseLenient`), naming the optional keys each record may lose.
 */
import { z } from 'zod';
import {
  caseStatuses, caseTypes, escalationLevels, municipalities, measureKinds, personRoles, riskLevels, timelineTypes,
} from './caseVocabulary';
import { daysBetween } from './dates';
import {
  idSchema, isoDateSchema, isoDateTimeSchema, MAX_SHORT_TEXT, noteSchema, orgIdSchema, recordedSchema,
  textSchema, usernameSchema, vocabSchema,
} from './schemaParts';

/** `meta` of a case: the header of the board. */
export const caseMetaSchema = z.object({
  label: textSchema('text-missing', MAX_SHORT_TEXT),
  caseNumber: z.string().trim().max(MAX_SHORT_TEXT, { error: 'text-too-long' }).optional(),
  type: vocabSchema(caseTypes),
  status: vocabSchema(caseStatuses),
  procesregisseur: usernameSchema().optional(),
  /** The case's municipality (gemeente), for the monitor's figures per area. */
  municipality: vocabSchema(municipalities).optional(),
  createdAt: isoDateTimeSchema,
  createdBy: usernameSchema(),
});
export type CaseMeta = z.infer<typeof caseMetaSchema>;
export const caseMetaOptionalKeys = ['caseNumber', 'procesregisseur', 'municipality'] as const;

/** A person involved; the name is shown on the board only, never in lists or titles. */
export const personSchema = z.object({
  id: idSchema('person'),
  role: vocabSchema(personRoles),
  name: textSchema('text-missing', MAX_SHORT_TEXT),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  /** Never exported. */
  address: noteSchema(MAX_SHORT_TEXT),
  note: noteSchema(),
  knownBy: z.array(orgIdSchema()).max(50).optional(),
});
export type Person = z.infer<typeof personSchema>;
export const personOptionalKeys = ['birthYear', 'address', 'note', 'knownBy'] as const;

/** One risk assessment, replaced whole (last writer wins per assessment). */
export const riskAssessmentSchema = z.object({
  level: vocabSchema(riskLevels),
  date: isoDateSchema(),
  note: noteSchema(),
  ...recordedSchema,
});
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;
export const riskAssessmentOptionalKeys = ['note'] as const;

/** A measure in force; `end` null means no end date is known. */
export const measureSchema = z
  .object({
    id: idSchema('measure'),
    kind: vocabSchema(measureKinds),
    start: isoDateSchema(),
    end: isoDateSchema().nullable(),
    note: noteSchema(),
    ...recordedSchema,
  })
  .refine((m) => m.end === null || daysBetween(m.start, m.end) >= 0, { error: 'date-range-invalid', path: ['end'] });
export type Measure = z.infer<typeof measureSchema>;
export const measureOptionalKeys = ['note'] as const;

/** The contact point of one organisation (keyed by org: one per org by construction). */
export const contactSchema = z.object({
  org: orgIdSchema(),
  /** Set when the contact is a user of the app. */
  username: usernameSchema().optional(),
  name: textSchema('text-missing', MAX_SHORT_TEXT),
  function: noteSchema(MAX_SHORT_TEXT),
  phone: noteSchema(MAX_SHORT_TEXT),
  ...recordedSchema,
});
export type Contact = z.infer<typeof contactSchema>;
export const contactOptionalKeys = ['username', 'function', 'phone'] as const;

/** An event on the timeline; an escalation carries its level and its reason as text. */
export const timelineEventSchema = z
  .object({
    id: idSchema('event'),
    date: isoDateSchema(),
    type: vocabSchema(timelineTypes),
    text: textSchema(),
    level: vocabSchema(escalationLevels).optional(),
    ...recordedSchema,
  })
  .refine((e) => e.type !== 'escalatie' || e.level !== undefined, { error: 'value-unknown', path: ['level'] });
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export const timelineEventOptionalKeys = [] as const;

/** An escalation as the procesregisseur enters it. */
export const escalationInputSchema = z.object({
  level: vocabSchema(escalationLevels),
  reason: textSchema('escalation-reason-missing'),
  date: isoDateSchema(),
});
export type EscalationInput = z.infer<typeof escalationInputSchema>;

/** A decision (besluit) taken on an agenda item. */
export const decisionSchema = z.object({
  id: idSchema('decision'),
  text: textSchema(),
  ...recordedSchema,
});
export type Decision = z.infer<typeof decisionSchema>;

/** "Informatie niet gedeeld": what one organisation withheld and why. */
export const withheldNoteSchema = z.object({
  org: orgIdSchema(),
  text: textSchema(),
  ...recordedSchema,
});
export type WithheldNote = z.infer<typeof withheldNoteSchema>;

/** Guard for ISO date-times read from peers. */
export const timestampSchema = isoDateTimeSchema;
