/**
 * The digest e-mail: counts and one link, in Dutch. By construction it gets nothing but
 * numbers, the frequency and the app's address: no name, label, case number or action text
 * can reach it.
 */
import nodemailer from 'nodemailer';
import type { ConnectionOptions } from 'node:tls';
import type { DigestCounts } from './digest-counts';
import type { DigestFrequency, SmtpSettings } from './mail-settings';

/** A composed message. */
export interface DigestMessage {
  subject: string;
  text: string;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** Composes the digest: only the counts, the frequency and the link. */
export function composeDigest(counts: DigestCounts, frequency: Exclude<DigestFrequency, 'off'>, appUrl: string): DigestMessage {
  const lines = [
    counts.overdueActions > 0 ? `- ${plural(counts.overdueActions, 'actie is', 'acties zijn')} te laat` : null,
    counts.actionsDueSoon > 0 ? `- ${plural(counts.actionsDueSoon, 'actie heeft', 'acties hebben')} een deadline binnen 2 dagen` : null,
    counts.expiringMeasures > 0 ? `- ${plural(counts.expiringMeasures, 'maatregel loopt', 'maatregelen lopen')} binnen 14 dagen af of ${counts.expiringMeasures === 1 ? 'is' : 'zijn'} afgelopen` : null,
    counts.meetingsSoon > 0 ? `- ${plural(counts.meetingsSoon, 'overleg begint', 'overleggen beginnen')} binnen 2 dagen` : null,
  ].filter((line): line is string => line !== null);
  return {
    subject: frequency === 'daily' ? 'Themakamer: uw dagelijkse overzicht' : 'Themakamer: uw wekelijkse overzicht',
    text: [
      'Goedendag,',
      '',
      'In Themakamer staat het volgende voor u klaar:',
      ...lines,
      '',
      `Open Themakamer om te zien om welke casussen het gaat: ${appUrl}`,
      '',
      'Deze e-mail noemt bewust geen casussen, namen of acties. Uw organisatie heeft dit overzicht aangezet; uw beheerder kan het uitzetten.',
    ].join('\n'),
  };
}

/** Sends through the organisation's SMTP server; TLS is required (implicit on 465, STARTTLS otherwise). */
export async function sendDigest(settings: SmtpSettings, to: string, message: DigestMessage, tls: ConnectionOptions = {}): Promise<void> {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    // Never in clear: without STARTTLS the server is refused before a credential or a byte of the mail.
    requireTLS: true,
    auth: { user: settings.username, pass: settings.password },
    tls: { minVersion: 'TLSv1.2', rejectUnauthorized: true, ...tls },
  });
  try {
    await transport.sendMail({ from: settings.sender, to, subject: message.subject, text: message.text });
  } finally {
    transport.close();
  }
}
