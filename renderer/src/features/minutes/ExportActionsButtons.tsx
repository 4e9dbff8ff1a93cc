/**
 * "Exporteren als CSV" / "Exporteren als PDF" for a list of actions (the meeting's action
 * list, or the Acties view's filtered list). Saved through the platform (desktop: save
 * dialog; web: download) and reported to the audit log; the outcome is announced.
 */
import { FileSpreadsheet, FileText } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../domain/ids';
import type { ActionRow } from '../../pdf/model';
import { getApi, type Api } from '../../platform';
import { Button } from '../../ui';
import type { MinutesServer } from './minutesServer';
import './minutes.css';

/** Props of {@link ExportActionsButtons}. */
export interface ExportActionsButtonsProps {
  /** The rows as shown (build them with `actionRowsFrom` or `minutesActionRows`). */
  rows: readonly ActionRow[];
  /** What the list covers, e.g. `Alle open acties`. */
  scopeLabel: string;
  /** Printed in the PDF footer, e.g. `acties/2026-03-12`. */
  documentId: string;
  region: string;
  /** The case or meeting rooms the rows come from (each export is audited per room). */
  rooms: readonly Room[];
  server: Pick<MinutesServer, 'reportExport'>;
  api?: Pick<Api, 'saveFile'>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; format: 'csv' | 'pdf' }
  | { kind: 'done'; fileName: string; reported: boolean }
  | { kind: 'empty' }
  | { kind: 'failed' };

/** Two buttons that export the given actions as CSV or PDF. */
export function ExportActionsButtons({ rows, scopeLabel, documentId, region, rooms, server, api }: ExportActionsButtonsProps) {
  const { t } = useTranslation();
  const platform = useMemo(() => api ?? getApi(), [api]);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const busy = state.kind === 'busy';

  const run = async (format: 'csv' | 'pdf'): Promise<void> => {
    setState({ kind: 'busy', format });
    try {
      const runtime = await import('./exportRuntime');
      if (format === 'pdf') await runtime.ensureBrowserFonts();
      const outcome = await runtime.exportActionList({ format, rows, scopeLabel, documentId, region, rooms }, { api: platform, server });
      if (outcome.kind === 'done') setState({ kind: 'done', fileName: outcome.fileName, reported: outcome.reported });
      else if (outcome.kind === 'empty') setState({ kind: 'empty' });
      else setState({ kind: 'idle' });
    } catch {
      setState({ kind: 'failed' });
    }
  };

  const message = state.kind === 'busy' ? t(state.format === 'pdf' ? 'minutes.actions.busyPdf' : 'minutes.actions.busyCsv')
    : state.kind === 'done' ? t(state.reported ? 'minutes.actions.done' : 'minutes.actions.notReported', { fileName: state.fileName })
      : state.kind === 'empty' ? t('minutes.actions.empty')
        : null;

  return (
    <div className="actions-export" role="group" aria-label={t('minutes.actions.group')}>
      <Button icon={<FileSpreadsheet size={18} />} onClick={() => void run('csv')} disabled={busy}>{t('minutes.actions.csv')}</Button>
      <Button icon={<FileText size={18} />} onClick={() => void run('pdf')} disabled={busy}>{t('minutes.actions.pdf')}</Button>
      <p className="actions-export__message" role="status">{message}</p>
      <div role="alert">{state.kind === 'failed' ? <p className="actions-export__message minutes-export__error">{t('minutes.actions.failed')}</p> : null}</div>
    </div>
  );
}
