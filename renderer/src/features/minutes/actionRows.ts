/**
 * Actions as rows of an action list (PDF and CSV): from the minutes (their appendix) or
 * from any list of actions the app shows (the Acties view), always by case label.
 */
import type { ActionListItem } from '../../domain/actionRules';
import { actionStatuses } from '../../domain/actionVocabulary';
import { appendixActions } from '../../pdf/exportFilter';
import type { ActionListData, ActionRow, MinutesData, Organisation } from '../../pdf/model';
import { nameResolver, type MinutesDirectory } from './directory';

/** The rows of the minutes' action appendix (after any per-organisation filtering). */
export function minutesActionRows(data: MinutesData): ActionRow[] {
  return appendixActions(data);
}

/** Rows for actions from the app's lists; owners and organisations named from the directory. */
export function actionRowsFrom(items: readonly ActionListItem[], directory: MinutesDirectory): ActionRow[] {
  const names = nameResolver(directory);
  return items.map((item) => ({
    caseLabel: item.caseLabel,
    description: item.description,
    ownerName: names.person(item.owner, item.ownerOrg).name,
    ownerOrg: item.ownerOrg,
    ownerOrgName: names.orgName(item.ownerOrg),
    due: item.due,
    statusLabel: actionStatuses.label(item.status, 'nl'),
  }));
}

/** What an action list document needs besides its rows. */
export interface ActionListHeader {
  /** Stable id printed in the footer, e.g. `acties/2026-03-12` or `meeting:…/v2/acties`. */
  documentId: string;
  region: string;
  /** What the list covers, e.g. `Alle open acties`. */
  scopeLabel: string;
  generatedAt: string;
  audience?: Organisation;
}

/** The stand-alone action list document. */
export function toActionListData(header: ActionListHeader, rows: readonly ActionRow[]): ActionListData {
  return { ...header, actions: rows.map((row) => ({ ...row })) };
}
