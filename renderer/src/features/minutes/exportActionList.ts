/**
 * Exporting a list of actions as CSV (Dutch Excel: UTF-8 with BOM, semicolons, Dutch
 * dates) or PDF, saved through the platform and reported to the audit log for every
 * room the list draws from.
 */
import type { Room } from '../../domain/ids';
import { fileSha256 } from '../../pdf/contentHash';
import { actionsToCsvBytes } from '../../pdf/csv';
import type { ActionRow } from '../../pdf/model';
import { renderActionListPdf } from '../../pdf/render';
import type { Api } from '../../platform';
import { toActionListData } from './actionRows';
import { actionListFileName } from './exportFileName';
import type { MinutesServer } from './minutesServer';

/** What to export. */
export interface ActionListExportRequest {
  format: 'csv' | 'pdf';
  rows: readonly ActionRow[];
  /** What the list covers, e.g. `Alle open acties` (printed and in the file name). */
  scopeLabel: string;
  /** Stable id printed in the PDF footer. */
  documentId: string;
  region: string;
  /** The case or meeting rooms the rows come from: each gets an audit entry. */
  rooms: readonly Room[];
  now?: () => Date;
}

/** Done (maybe not reported), cancelled, or nothing to export. */
export type ActionListExportOutcome =
  | { kind: 'done'; fileName: string; sha256: string; reported: boolean }
  | { kind: 'cancelled' }
  | { kind: 'empty' };

/** Runs one export of an action list. */
export async function exportActionList(
  request: ActionListExportRequest,
  deps: { api: Pick<Api, 'saveFile'>; server: Pick<MinutesServer, 'reportExport'> },
): Promise<ActionListExportOutcome> {
  if (request.rows.length === 0) return { kind: 'empty' };
  const generatedAt = (request.now?.() ?? new Date()).toISOString();
  const bytes = request.format === 'csv'
    ? actionsToCsvBytes([...request.rows])
    : await renderActionListPdf(toActionListData({ documentId: request.documentId, region: request.region, scopeLabel: request.scopeLabel, generatedAt }, request.rows), { creationDate: new Date(generatedAt) });
  const fileName = actionListFileName(request.scopeLabel, generatedAt, request.format);
  const saved = await deps.api.saveFile({
    suggestedName: fileName,
    mimeType: request.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/pdf',
    data: bytes,
  });
  if (!saved.saved) return { kind: 'cancelled' };
  const sha256 = fileSha256(bytes);
  const results = await Promise.allSettled([...new Set(request.rooms)].map((room) =>
    deps.server.reportExport({ room, kind: 'actions', version: null, org: null, signed: false, sha256 })));
  return { kind: 'done', fileName, sha256, reported: results.every((result) => result.status === 'fulfilled') };
}
