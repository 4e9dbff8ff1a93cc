/**
 * The plain data the PDF documents are made from. Whoever reads the Yjs documents
 * converts them into these types; this folder never sees a live document.
 *
 * Privacy by construction: there is NO address field anywhere in this model (no
 * person address, no shelter location, no phone numbers of victims). A converter
 * cannot put a victim's address into a printed document because there is nowhere
 * to put it. Free text is the only way in; content a partner flags as never to be
 * exported (`neverExport`) is removed before rendering, in every version.
 */

/** An organisation of the region, e.g. `{ id: 'politie', name: 'Politie' }`. */
export interface Organisation {
  id: string;
  name: string;
}

/** A named person acting for an organisation (chair, secretary, signer). */
export interface PersonRef {
  name: string;
  /** Organisation id, e.g. `vt`. */
  org: string;
  /** Display name of the organisation, e.g. `Veilig Thuis`. */
  orgName: string;
}

/** Attendance as recorded in the meeting document. */
export type AttendanceStatus = 'aanwezig' | 'afwezig' | 'afgemeld';

/** One invitee and whether they attended. */
export interface Attendee extends PersonRef {
  status: AttendanceStatus;
}

/** A piece of inline text with the two marks the minutes keep. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A small rich-text block: what survives from the editors into a printed record. */
export type RichBlock =
  | { kind: 'heading'; text: string; neverExport?: boolean }
  | { kind: 'paragraph'; runs: TextRun[]; neverExport?: boolean }
  | { kind: 'list'; ordered: boolean; items: TextRun[][]; neverExport?: boolean };

/** One section of the safety plan as it stood at approval. */
export interface SafetyPlanSection {
  sectionTitle: string;
  blocks: RichBlock[];
  /** Set for sections that must never leave the app (e.g. agreements about a shelter). */
  neverExport?: boolean;
}

/** An action with exactly one owner. */
export interface MinutesAction {
  description: string;
  ownerName: string;
  /** Organisation id of the owner. */
  ownerOrg: string;
  ownerOrgName: string;
  /** ISO date `YYYY-MM-DD`. */
  due: string;
  /** Dutch status label as shown in the app, e.g. `Open`, `In behandeling`. */
  statusLabel: string;
}

/** "Informatie niet gedeeld": an organisation has information it could not share. */
export interface WithheldNote {
  orgName: string;
  text: string;
}

/** One agenda item: one case, referred to by its pseudonym only. */
export interface MinutesItem {
  /** Typed case id (`case:…`); used for need-to-know decisions, never printed. */
  caseId: string;
  /** The pseudonymous label, e.g. `Casus Zilverreiger`. */
  caseLabel: string;
  /**
   * Discussed in closed session: the item appears only in the full minutes and
   * is left out of every per-organisation version.
   */
  restricted?: boolean;
  /**
   * The case was deleted after its retention period: the item keeps only the case number
   * (in `caseLabel`) and says "verwijderd na bewaartermijn"; every other field is empty.
   */
  deleted?: boolean;
  summary: RichBlock[];
  notes: RichBlock[];
  decisions: string[];
  safetyPlan: SafetyPlanSection[];
  actions: MinutesAction[];
  withheld: WithheldNote[];
}

/** Concept minutes may be printed (marked as concept); only approved ones may be signed. */
export type MinutesStatus = 'concept' | 'vastgesteld';

/**
 * Everything the minutes PDF shows. The appendix (all actions) is derived from the
 * items when rendering, so a filtered version can never keep an action of an item
 * it dropped.
 */
export interface MinutesData {
  /** Stable id printed in the footer, e.g. `meeting:abcd1234efgh5678/v2`. */
  documentId: string;
  region: string;
  /** e.g. `Themakamer HG/KM`, `Casusoverleg HG`, `MDO`. */
  meetingTypeLabel: string;
  /** ISO date-time of the start of the meeting. */
  start: string;
  location: string;
  chair: PersonRef;
  secretary: PersonRef;
  attendance: Attendee[];
  version: number;
  status: MinutesStatus;
  /** ISO date-time; null while concept. */
  approvedAt: string | null;
  /** Name of the chair who approved; null while concept. */
  approvedBy: string | null;
  /** The organisations of the region, to name the audience of a filtered version. */
  organisations: Organisation[];
  /** Set by `forOrganisation`: the organisation this version was made for. */
  audience?: Organisation;
  items: MinutesItem[];
}

/** One row of an action list (PDF or CSV). */
export interface ActionRow extends MinutesAction {
  caseLabel: string;
}

/** Everything the stand-alone action list PDF shows. */
export interface ActionListData {
  documentId: string;
  region: string;
  /** What the list covers, e.g. `Themakamer HG/KM van 12-03-2026` or `Alle open acties`. */
  scopeLabel: string;
  /** ISO date-time the list was made. */
  generatedAt: string;
  /** Set for a per-organisation list. */
  audience?: Organisation;
  actions: ActionRow[];
}

/** What the visible signature block states; the same values go into the signature dictionary. */
export interface SignatureBlockInfo {
  signerName: string;
  /** e.g. `Secretaris`. */
  role: string;
  organisation: string;
  /** Place of signing, e.g. `Rotterdam`. */
  location: string;
  /** ISO date-time the block states; pass the same value to `signPdf`. */
  signingTime: string;
}

/** The reason every signed minutes document states. */
export const SIGNATURE_REASON = 'Vastgesteld verslag';
