/** A case board as plain data: what lists, the chair's overview and the PDF export read. */
import type { Action } from './actionRecord';
import type {
  CaseMeta, Contact, Decision, Measure, Person, RiskAssessment, TimelineEvent, WithheldNote,
} from './caseRecords';
import type { RiskAssessmentKind } from './caseVocabulary';
import type { CaseId, MeetingId } from './ids';
import type { RichBlock } from './richText';
import type { SafetyPlanSectionKey } from './safetyPlanSections';

/** One section of the safety plan as plain blocks and text. */
export interface SafetyPlanSectionContent {
  key: SafetyPlanSectionKey;
  blocks: RichBlock[];
  text: string;
}

/** What was recorded about a case in one meeting (lives in the case document: need-to-know). */
export interface MeetingNotes {
  meetingId: MeetingId;
  notes: RichBlock[];
  decisions: Decision[];
  withheld: WithheldNote[];
}

/** A record a reader skipped because a peer wrote it malformed: where, never what. */
export interface SkippedRecord {
  part: string;
  key: string;
}

/** A whole case board, read once. */
export interface CaseBoard {
  id: CaseId;
  /** Null until the document holds a valid header (not yet synced, or malformed). */
  meta: CaseMeta | null;
  persons: Person[];
  risk: Record<RiskAssessmentKind, RiskAssessment | null>;
  measures: Measure[];
  /** One per organisation, sorted by org id. */
  contacts: Contact[];
  /** Oldest first. */
  timeline: TimelineEvent[];
  /** In section order; sections not (yet) in the document are left out. */
  plan: SafetyPlanSectionContent[];
  actions: Action[];
  meetingNotes: MeetingNotes[];
  skipped: SkippedRecord[];
}

/** True when the board names at least one child (agenda ordering puts such cases first). */
export function hasChildren(board: Pick<CaseBoard, 'persons'>): boolean {
  return board.persons.some((person) => person.role === 'kind');
}

/** The risk level lists show: the chair's judgement, else Veilig Thuis, else SASH. */
export function headlineRisk(board: Pick<CaseBoard, 'risk'>): RiskAssessment | null {
  return board.risk.chair ?? board.risk.vt ?? board.risk.sash;
}
