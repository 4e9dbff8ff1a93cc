/** The header of a case board (`meta`) and setting up a new case document. */
import type * as Y from 'yjs';
import { caseMetaOptionalKeys, caseMetaSchema, type CaseMeta } from '../domain/caseRecords';
import { safetyPlanSections } from '../domain/safetyPlanSections';
import { requireValid, parseLenient } from '../domain/validation';
import { caseDoc } from './caseDoc';
import { editTime, type EditContext } from './editContext';
import { CollabError } from './errors';
import { origins } from './origins';
import { ensurePlanSections } from './safetyPlan';

/** What the creator enters for a new case (creation time and author are added). */
export type NewCaseHeader = Omit<CaseMeta, 'createdAt' | 'createdBy'>;

/**
 * Sets up a new case document: header and every plan section, in one transaction by the
 * creator before anyone else can open it (so no two peers create the same fragment).
 */
export function initCaseDoc(doc: Y.Doc, header: NewCaseHeader, context: EditContext): CaseMeta {
  if (caseDoc(doc).meta.size > 0) throw new CollabError('already-set-up', 'case header');
  const meta = requireValid(caseMetaSchema, { ...header, createdAt: editTime(context), createdBy: context.username });
  doc.transact(() => {
    const root = caseDoc(doc).meta;
    for (const [key, value] of Object.entries(meta)) if (value !== undefined) root.set(key, value);
    ensurePlanSections(doc);
  }, origins.setup);
  return meta;
}

/** The header, or null while the document holds no valid one. */
export function readCaseMeta(doc: Y.Doc): CaseMeta | null {
  return parseLenient(caseMetaSchema, caseDoc(doc).meta.toJSON(), caseMetaOptionalKeys);
}

/** Changes header fields (label, number, type, status, procesregisseur); each key is its own register. */
export function updateCaseMeta(doc: Y.Doc, patch: Partial<NewCaseHeader>): void {
  const current = readCaseMeta(doc);
  if (!current) throw new CollabError('not-ready', 'case header');
  const next = requireValid(caseMetaSchema, { ...current, ...patch });
  doc.transact(() => {
    const root = caseDoc(doc).meta;
    for (const key of Object.keys(patch) as (keyof NewCaseHeader)[]) {
      const value = next[key];
      if (value === undefined) root.delete(key);
      else root.set(key, value);
    }
  }, origins.userEdit);
}

/** Plan section keys, re-exported for callers that only set up documents. */
export const planSectionKeys = safetyPlanSections.values;
