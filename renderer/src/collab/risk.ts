/** Risk assessments (SASH, Veilig Thuis, the chair): each one register, replaced whole. */
import type * as Y from 'yjs';
import type { SkippedRecord } from '../domain/caseBoard';
import { riskAssessmentOptionalKeys, riskAssessmentSchema, type RiskAssessment } from '../domain/caseRecords';
import type { RiskAssessmentKind } from '../domain/caseVocabulary';
import { parseLenient, requireValid } from '../domain/validation';
import { caseDoc } from './caseDoc';
import { editTime, type EditContext } from './editContext';
import { origins } from './origins';
import { plainRecord } from './plainValue';
import { definedFields } from './recordMap';

/** What a user enters for an assessment. */
export type RiskInput = Pick<RiskAssessment, 'level' | 'date' | 'note'>;

/** Records an assessment with who and when; a concurrent one for the same kind: last writer wins. */
export function setRiskAssessment(doc: Y.Doc, kind: RiskAssessmentKind, input: RiskInput, context: EditContext): RiskAssessment {
  const assessment = requireValid(riskAssessmentSchema, { ...input, by: context.username, at: editTime(context) });
  doc.transact(() => caseDoc(doc).risk.set(kind, definedFields(assessment)), origins.userEdit);
  return assessment;
}

/** The three assessments; null where none (or a malformed one) is recorded. */
export function readRisk(doc: Y.Doc, skipped?: SkippedRecord[]): Record<RiskAssessmentKind, RiskAssessment | null> {
  const root = caseDoc(doc).risk;
  const read = (kind: RiskAssessmentKind) => {
    if (!root.has(kind)) return null;
    const parsed = parseLenient(riskAssessmentSchema, plainRecord(root.get(kind)), riskAssessmentOptionalKeys);
    if (parsed === null) skipped?.push({ part: 'risk', key: kind });
    return parsed;
  };
  return { sash: read('sash'), vt: read('vt'), chair: read('chair') };
}
