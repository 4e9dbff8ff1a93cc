import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogEntry, LoggedPerson } from './privacyApi';

/** Events with a Dutch (and English) name; another code is shown as it is. */
const namedEvents = [
  'room-open', 'frozen-read', 'export', 'access-log-export', 'grant', 'revoke', 'user-disable', 'user-enable', 'user-update',
  'login-success', 'login-failure', 'login-rate-limited', 'access-log-view', 'case-access-view',
  'case-close', 'case-reopen', 'case-delete', 'retention-set', 'subject-report', 'monitor-view',
  'part-create', 'part-orgs', 'partner-figures-set',
] as const;
type NamedEvent = (typeof namedEvents)[number];
const isNamedEvent = (event: string): event is NamedEvent => (namedEvents as readonly string[]).includes(event);

const loginReasons = ['unknown-user', 'disabled', 'bad-password'] as const;
type LoginReason = (typeof loginReasons)[number];
const isLoginReason = (value: unknown): value is LoginReason => (loginReasons as readonly unknown[]).includes(value);

/** The texts of an access log line: event, person, case or meeting (by number, never label) and details. */
export function useEntryText() {
  const { t } = useTranslation();
  return useMemo(() => {
    const person = (who: LoggedPerson | null): string => {
      if (who === null) return t('privacy.accessLog.unknownPerson');
      if (who.username === '@admin') return t('privacy.accessLog.adminActor');
      if (who.username === '@retentie') return t('privacy.accessLog.retentionActor');
      return who.name ? `${who.name} (${who.username})` : who.username;
    };
    return {
      event: (event: string): string => (isNamedEvent(event) ? t(`privacy.accessLog.events.${event}`) : event),
      person,
      subject(entry: AccessLogEntry): string | null {
        if (!entry.room) return null;
        if (entry.room.startsWith('meeting:')) return t('privacy.accessLog.meeting', { room: entry.room });
        if (entry.room.startsWith('measures:')) return t('privacy.accessLog.measuresBoard');
        return entry.caseNumber ? t('privacy.accessLog.caseWithNumber', { number: entry.caseNumber }) : t('privacy.accessLog.caseWithoutNumber', { room: entry.room });
      },
      detail(entry: AccessLogEntry): string {
        const detail = entry.detail ?? {};
        const parts: string[] = [];
        if (entry.target) parts.push(t('privacy.accessLog.targetPerson', { name: person(entry.target) }));
        if (detail.access === 'edit') parts.push(t('privacy.accessLog.accessEdit'));
        if (detail.access === 'view') parts.push(t('privacy.accessLog.accessView'));
        if (entry.event === 'export') {
          if (typeof detail.kind === 'string') parts.push(detail.kind);
          if (typeof detail.version === 'number') parts.push(`v${detail.version}`);
          if (typeof detail.org === 'string') parts.push(detail.org);
          parts.push(detail.signed === true ? t('privacy.accessLog.signed') : t('privacy.accessLog.unsigned'));
        }
        if (entry.event === 'frozen-read' && typeof detail.version === 'number') parts.push(`v${detail.version}`);
        if (entry.event === 'login-failure' && isLoginReason(detail.reason)) parts.push(t(`privacy.accessLog.loginReasons.${detail.reason}`));
        if (entry.event === 'user-update') {
          if (typeof detail.fromRole === 'string' && detail.fromRole !== detail.role) parts.push(`${detail.fromRole} → ${String(detail.role)}`);
          if (typeof detail.fromOrg === 'string' && detail.fromOrg !== detail.org) parts.push(`${detail.fromOrg} → ${String(detail.org)}`);
        }
        if (typeof detail.rows === 'number') parts.push(t('privacy.accessLog.rows', { count: detail.rows }));
        if (typeof detail.caseNumber === 'string') parts.push(t('privacy.accessLog.caseWithNumber', { number: detail.caseNumber }));
        return parts.join(' · ');
      },
    };
  }, [t]);
}
