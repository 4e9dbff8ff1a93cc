/**
 * The monitor's PDF (docs/design.md "Monitor", PDF): the figures as the CSV has them (export=1, so
 * counts 1–4 read "< 5"), grouped, periods side by side, each with its definition; then, when this
 * user can read the region's board of improvement measures, those measures by phase with status,
 * owning organisation and knelpunten (plain text; the board holds no personal data).
 */
import type * as Y from 'yjs';
import type { DocHandle, DocManager } from '../../collab/doc-manager';
import { improvementPlainText, improvementsByPhase, readImprovements, type ImprovementPhase, type ImprovementStatus } from '../../collab/improvements';
import type { MonitorPdfData } from '../../pdf/MonitorDocument';
import type { FigureRow } from './MonitorPage';

/** The labels the PDF prints for the board's phases, statuses and organisations. */
export interface BoardNames { phase(phase: ImprovementPhase): string; status(status: ImprovementStatus): string; org(id: string): string }

/** The measures of a board document, by phase, for print. */
export function improvementsForPdf(doc: Y.Doc, names: BoardNames): NonNullable<MonitorPdfData['improvements']> {
  return improvementsByPhase(readImprovements(doc)).map(({ phase, items }) => ({
    phase: names.phase(phase),
    items: items.map((item) => ({
      title: item.title,
      status: names.status(item.status),
      org: item.org === '' ? '' : names.org(item.org),
      bottlenecks: improvementPlainText(doc, item.id, 'bottlenecks'),
    })),
  }));
}

/** Resolves once the room is in sync with the server, cannot get there, or `waitMs` passed; true when it may be read. */
function settled(handle: DocHandle, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let unsubscribe = (): void => {};
    const check = (): boolean => {
      const { state } = handle.status.getSnapshot();
      if (state === 'connecting' || state === 'syncing') return false;
      unsubscribe();
      clearTimeout(timer);
      resolve(state !== 'forbidden' && state !== 'unauthorized');
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(true);
    }, waitMs);
    if (!check()) unsubscribe = handle.status.subscribe(() => void check());
  });
}

/**
 * Reads the board (opened and released again): the vault's copy, brought in sync with the
 * server for at most `waitMs`, so the PDF prints what the board shows. Null without access.
 */
export async function readBoard(docManager: Pick<DocManager, 'open'>, room: string | null, names: BoardNames, waitMs = 3000): Promise<MonitorPdfData['improvements'] | null> {
  if (room === null) return null;
  const handle = docManager.open(room);
  try {
    await handle.whenLoaded;
    if (!(await settled(handle, waitMs))) return null;
    return improvementsForPdf(handle.doc, names);
  } finally {
    handle.release();
  }
}

/** The figures' rows grouped for print, in the server's order. */
export function figureGroups(rows: readonly FigureRow[], groupName: (group: string) => string): MonitorPdfData['groups'] {
  const groups = [...new Set(rows.map((row) => row.group))];
  return groups.map((group) => ({
    name: groupName(group),
    rows: rows.filter((row) => row.group === group).map((row) => ({ label: row.label, definition: row.definition, values: row.values })),
  }));
}
