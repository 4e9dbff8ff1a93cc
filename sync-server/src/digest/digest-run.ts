/**
 * Sending due digests: for every organisation whose digest is daily or weekly and due, each
 * active user with an address gets the counts over the rooms they have a grant for. Run by
 * `npm run admin -- digest send` (from cron, daily); nothing runs when no organisation
 * turned digests on.
 */
import type { ConnectionOptions } from 'node:tls';
import type * as Y from 'yjs';
import { silentLogger } from '../log';
import { loadRoomDoc } from '../rooms/room-loader';
import type { RoomStore } from '../storage/room-store';
import type { Sql } from '../storage/sql';
import { countReminders, isEmptyDigest } from './digest-counts';
import { composeDigest, sendDigest } from './digest-mail';
import type { DigestRecipient, MailSettings, SmtpSettings } from './mail-settings';

/**
 * A digest is due when the last one went at least this long ago: a daily cron job that
 * starts a little earlier or later each day still sends one a day.
 */
const dueAfterHours = { daily: 20, weekly: 7 * 24 - 4 } as const;

/** True when `settings`' digest is due at `now`. */
export function isDigestDue(settings: Pick<SmtpSettings, 'frequency' | 'lastSentAt'>, now: Date): boolean {
  if (settings.frequency === 'off') return false;
  if (settings.lastSentAt === null) return true;
  return now.getTime() - Date.parse(settings.lastSentAt) >= dueAfterHours[settings.frequency] * 3_600_000;
}

/**
 * True when a user who chose "at most weekly" is due in an organisation that sends daily
 * (with the organisation's own rhythm, every other choice is due whenever the organisation is).
 */
export function isUserDue(recipient: Pick<DigestRecipient, 'choice' | 'lastSentAt'>, orgFrequency: SmtpSettings['frequency'], now: Date): boolean {
  if (recipient.choice === 'off') return false;
  if (recipient.choice === 'org' || orgFrequency !== 'daily' || recipient.lastSentAt === null) return true;
  return now.getTime() - Date.parse(recipient.lastSentAt) >= dueAfterHours.weekly * 3_600_000;
}

/** What a run did, in counts only (the CLI prints it). */
export interface DigestRunReport {
  orgs: number;
  sent: number;
  /** Users with nothing to report. */
  empty: number;
  /** Users whose own choice left them out this time (none, or at most weekly). */
  byChoice: number;
  failed: number;
}

/** Options of {@link sendDueDigests}. */
export interface DigestRunOptions {
  sql: Sql;
  store: RoomStore;
  settings: MailSettings;
  now: Date;
  /** Only this organisation. */
  org?: string;
  /** Send even when not due. */
  force?: boolean;
  /** Extra TLS options (a test's own CA). */
  tls?: ConnectionOptions;
}

/** Sends the digests that are due; one failing recipient does not stop the others. */
export async function sendDueDigests(options: DigestRunOptions): Promise<DigestRunReport> {
  const report: DigestRunReport = { orgs: 0, sent: 0, empty: 0, byChoice: 0, failed: 0 };
  const docs = new Map<string, Y.Doc>();
  const docOf = async (room: string): Promise<Y.Doc> => {
    let doc = docs.get(room);
    if (!doc) {
      doc = (await loadRoomDoc(options.store, room, silentLogger)).doc;
      docs.set(room, doc);
    }
    return doc;
  };
  try {
    for (const org of await options.settings.listActive()) {
      if (options.org !== undefined && org.org !== options.org) continue;
      if (!options.force && !isDigestDue(org, options.now)) continue;
      if (org.frequency === 'off') continue;
      // Several instances (or a cron job beside the server's timer) may try at once: one claims the run.
      if (!(await options.settings.claimRun(org.org, org.lastSentAt, options.now))) continue;
      report.orgs++;
      let failed = 0;
      let sent = 0;
      for (const recipient of await options.settings.recipients(org.org)) {
        if (recipient.choice === 'off' || (!options.force && !isUserDue(recipient, org.frequency, options.now))) {
          report.byChoice++;
          continue;
        }
        const rooms = await options.sql.all<{ room: string }>('SELECT room FROM grants WHERE username = $1 ORDER BY room', [recipient.username]);
        const userDocs = new Map<string, Y.Doc>();
        for (const { room } of rooms) userDocs.set(room, await docOf(room));
        const counts = countReminders(recipient.username, options.now, userDocs);
        if (isEmptyDigest(counts)) {
          report.empty++;
          continue;
        }
        try {
          await sendDigest(org, recipient.address, composeDigest(counts, org.frequency, org.appUrl), options.tls);
          sent++;
        } catch {
          failed++;
          continue;
        }
        await options.settings.markUserSent(recipient.username, options.now);
      }
      report.sent += sent;
      report.failed += failed;
      // A run that reached no one (the SMTP server down) is given back, to be tried on the next run.
      if (failed > 0 && sent === 0) await options.settings.releaseRun(org.org, options.now, org.lastSentAt);
    }
  } finally {
    for (const doc of docs.values()) doc.destroy();
  }
  return report;
}
