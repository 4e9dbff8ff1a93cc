/** The records of a meeting document (docs/design.md, `meeting:<id>`). */
import { z } from 'zod';
import { meetingTypes, minutesStatuses, userRoles } from './meetingVocabulary';
import { isoDateTimeSchema, MAX_SHORT_TEXT, noteSchema, orgIdSchema, usernameSchema, vocabSchema } from './schemaParts';

/** `meta` of a meeting. */
export const meetingMetaSchema = z.object({
  type: vocabSchema(meetingTypes),
  start: isoDateTimeSchema,
  location: noteSchema(MAX_SHORT_TEXT),
  videoLink: noteSchema(MAX_SHORT_TEXT),
  chair: usernameSchema(),
  secretary: usernameSchema().optional(),
  status: vocabSchema(minutesStatuses),
  approvedAt: isoDateTimeSchema.optional(),
  approvedBy: usernameSchema().optional(),
  version: z.number().int().min(0).max(10_000),
  createdBy: usernameSchema(),
});
export type MeetingMeta = z.infer<typeof meetingMetaSchema>;
export const meetingMetaOptionalKeys = ['location', 'videoLink', 'secretary', 'approvedAt', 'approvedBy'] as const;

/** An invitee (keyed by username in the document). */
export const inviteeSchema = z.object({
  org: orgIdSchema(),
  role: vocabSchema(userRoles),
});
export type Invitee = z.infer<typeof inviteeSchema> & { username: string };

/** The standard first agenda item: open and overdue actions of the cases on the agenda. */
export const OPEN_ACTIONS_ITEM = 'open-actions';

/** What the chair has put on screen: a case id, the open-actions item, or nothing yet. */
export type CurrentItem = `case:${string}` | typeof OPEN_ACTIONS_ITEM | null;

/** `live` of a meeting: what every participant's screen follows. */
export interface MeetingLive {
  currentItem: CurrentItem;
  itemStartedAt: string | null;
  startedAt: string | null;
}
