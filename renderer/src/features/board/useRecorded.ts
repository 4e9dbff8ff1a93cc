import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime, useLanguage } from '../../i18n';
import { useDirectory } from '../session';

/** "Pim Proef (fictief), 02-03-2026 10:15": who recorded something and when. */
export function useRecorded(): (by: string, at: string) => string {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { displayName } = useDirectory();
  return useCallback((by, at) => {
    const moment = Date.parse(at);
    const when = Number.isNaN(moment) ? at : `${formatDate(moment, { language })} ${formatTime(moment, { language })}`;
    return t('board.byAt', { who: displayName(by), when });
  }, [t, language, displayName]);
}

/** A calendar date (ISO yyyy-mm-dd) as users write it. */
export function useFormatDay(): (date: string) => string {
  const { language } = useLanguage();
  return useCallback((date) => {
    const [y, m, d] = date.split('-').map(Number);
    if (!y || !m || !d) return date;
    return formatDate(new Date(y, m - 1, d), { language });
  }, [language]);
}
