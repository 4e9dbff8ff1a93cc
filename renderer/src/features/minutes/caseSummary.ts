/**
 * The short summary printed above each agenda item: type, status, risk and the measures
 * in force on the day of the meeting. Built from coded fields only (vocabulary labels and
 * dates), never from persons or free-text notes, so no name can slip in here.
 */
import type { CaseBoard } from '../../domain/caseBoard';
import { caseStatuses, caseTypes, measureKinds, riskAssessmentKinds, riskLevels } from '../../domain/caseVocabulary';
import type { IsoDate } from '../../domain/dates';
import { measureExpiry } from '../../domain/measureExpiry';
import type { RichBlock, TextRun } from '../../pdf/model';

const dutchDate = (iso: IsoDate): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

function measureLine(measure: CaseBoard['measures'][number], day: IsoDate): TextRun[] {
  const label = measureKinds.label(measure.kind, 'nl');
  const period = measure.end === null ? `vanaf ${dutchDate(measure.start)}` : `${dutchDate(measure.start)} t/m ${dutchDate(measure.end)}`;
  const { state, daysLeft } = measureExpiry(measure, day);
  const runs: TextRun[] = [{ text: `${label}: `, bold: true }, { text: period }];
  if (state === 'expired') runs.push({ text: ' — verlopen', bold: true });
  else if (state === 'expiring') runs.push({ text: ` — verloopt over ${daysLeft} ${daysLeft === 1 ? 'dag' : 'dagen'}`, bold: true });
  else if (state === 'not-started') runs.push({ text: ' — nog niet ingegaan' });
  return runs;
}

/** Summary blocks of a case as it stood on `day` (the meeting date). */
export function caseSummary(board: CaseBoard, day: IsoDate): RichBlock[] {
  const blocks: RichBlock[] = [];
  if (board.meta) {
    blocks.push({
      kind: 'paragraph',
      runs: [
        { text: 'Type: ', bold: true },
        { text: caseTypes.label(board.meta.type, 'nl') },
        { text: ' · Status: ', bold: true },
        { text: caseStatuses.label(board.meta.status, 'nl') },
        ...(board.meta.caseNumber ? [{ text: ' · Casusnummer: ', bold: true }, { text: board.meta.caseNumber }] : []),
      ],
    });
  }
  const risks = riskAssessmentKinds.values.flatMap((kind) => {
    const risk = board.risk[kind];
    if (!risk) return [];
    return [[{ text: `${riskAssessmentKinds.label(kind, 'nl')}: `, bold: true }, { text: `${riskLevels.label(risk.level, 'nl')} (${dutchDate(risk.date)})` }]];
  });
  if (risks.length > 0) {
    blocks.push({ kind: 'heading', text: 'Risico' });
    blocks.push({ kind: 'list', ordered: false, items: risks });
  }
  if (board.measures.length > 0) {
    blocks.push({ kind: 'heading', text: 'Maatregelen' });
    const sorted = [...board.measures].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
    blocks.push({ kind: 'list', ordered: false, items: sorted.map((measure) => measureLine(measure, day)) });
  }
  return blocks;
}
