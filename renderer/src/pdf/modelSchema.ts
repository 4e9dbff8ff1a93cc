import { z } from 'zod';
import type { ActionListData, MinutesData, RichBlock } from './model';

// Strict objects: an unknown key (say `address`) is refused rather than silently
// carried along, so a converter bug shows up as an error instead of in a PDF.

const text = z.string().trim().min(1);
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

const organisation = z.strictObject({ id: text, name: text });
const person = z.strictObject({ name: text, org: text, orgName: text });
const run = z.strictObject({ text: z.string(), bold: z.boolean().optional(), italic: z.boolean().optional() });

const richBlock: z.ZodType<RichBlock> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('heading'), text, neverExport: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('paragraph'), runs: z.array(run), neverExport: z.boolean().optional() }),
  z.strictObject({
    kind: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(z.array(run)),
    neverExport: z.boolean().optional(),
  }),
]);

const action = z.strictObject({
  description: text,
  ownerName: text,
  ownerOrg: text,
  ownerOrgName: text,
  due: isoDate,
  statusLabel: text,
});

const minutesSchema = z
  .strictObject({
    documentId: text,
    region: text,
    meetingTypeLabel: text,
    start: isoDateTime,
    location: z.string(),
    chair: person,
    secretary: person,
    attendance: z.array(person.extend({ status: z.enum(['aanwezig', 'afwezig', 'afgemeld']) })),
    version: z.number().int().min(1),
    status: z.enum(['concept', 'vastgesteld']),
    approvedAt: isoDateTime.nullable(),
    approvedBy: text.nullable(),
    organisations: z.array(organisation),
    audience: organisation.optional(),
    items: z.array(
      z.strictObject({
        caseId: z.string().regex(/^case:[a-z0-9]{8,32}$/),
        caseLabel: text,
        restricted: z.boolean().optional(),
        deleted: z.boolean().optional(),
        summary: z.array(richBlock),
        notes: z.array(richBlock),
        decisions: z.array(text),
        safetyPlan: z.array(
          z.strictObject({ sectionTitle: text, blocks: z.array(richBlock), neverExport: z.boolean().optional() }),
        ),
        actions: z.array(action),
        withheld: z.array(z.strictObject({ orgName: text, text })),
      }),
    ),
  })
  .refine((m) => m.status === 'concept' || (m.approvedAt !== null && m.approvedBy !== null), {
    message: 'approved minutes need approvedAt and approvedBy',
    path: ['approvedAt'],
  }) satisfies z.ZodType<MinutesData>;

const actionListSchema = z.strictObject({
  documentId: text,
  region: text,
  scopeLabel: text,
  generatedAt: isoDateTime,
  audience: organisation.optional(),
  actions: z.array(action.extend({ caseLabel: text })),
}) satisfies z.ZodType<ActionListData>;

/** Input that does not fit the model. The message names paths and rules, never values. */
export class PdfDataError extends Error {
  override readonly name = 'PdfDataError';
  /** Dutch text for the user. */
  readonly userMessage = 'Het document kan niet worden gemaakt: de gegevens zijn onvolledig of ongeldig.';
  constructor(readonly issues: string[]) {
    super(`invalid document data: ${issues.join('; ')}`);
  }
}

function describe(issues: z.core.$ZodIssue[]): string[] {
  return issues.slice(0, 20).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`);
}

/** Checks minutes data against the model; throws `PdfDataError` listing the bad paths. */
export function parseMinutesData(input: unknown): MinutesData {
  const result = minutesSchema.safeParse(input);
  if (!result.success) throw new PdfDataError(describe(result.error.issues));
  return result.data;
}

/** Checks action-list data against the model; throws `PdfDataError` listing the bad paths. */
export function parseActionListData(input: unknown): ActionListData {
  const result = actionListSchema.safeParse(input);
  if (!result.success) throw new PdfDataError(describe(result.error.issues));
  return result.data;
}
