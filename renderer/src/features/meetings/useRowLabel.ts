import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaRow } from './agendaRows';

/** How an agenda row is named: the standard item, the case label, or "Casus (geen toegang)" — never a restricted case's label. */
export function useRowLabel(): (row: AgendaRow) => string {
  const { t } = useTranslation();
  return useCallback((row: AgendaRow) => {
    if (row.kind === 'open-actions') return t('meetings.agenda.openActions');
    if (row.kind === 'restricted') return t('meetings.agenda.restricted');
    return row.label ?? t('meetings.agenda.loadingLabel');
  }, [t]);
}
