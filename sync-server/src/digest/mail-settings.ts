/**
 * Per organisation: its SMTP server for e-mail digests and how often they go (off unless set);
 * per user: where their digest goes. The SMTP password is sealed with the data key (bound to
 * its organisation) and only opened to send.
 */
import type { ContentCipher } from '../storage/content-cipher';
import type { Sql } from '../storage/sql';

/** How often an organisation's users get a digest. */
export type DigestFrequency = 'off' | 'daily' | 'weekly';

/** True for a frequency the admin CLI accepts. */
export function isDigestFrequency(value: unknown): value is DigestFrequency {
  return value === 'off' || value === 'daily' || value === 'weekly';
}

/**
 * A user's own choice: the digest as their organisation sends it, at most once a week, or
 * none. A user cannot get more than the organisation sends.
 */
export type UserDigestChoice = 'org' | 'weekly' | 'off';

/** True for a choice the API accepts. */
export function isUserDigestChoice(value: unknown): value is UserDigestChoice {
  return value === 'org' || value === 'weekly' || value === 'off';
}

/** A recipient of an organisation's digest, with their own choice. */
export interface DigestRecipient {
  username: string;
  address: string;
  choice: UserDigestChoice;
  /** When this user last got a digest (null: never, or before choices existed). */
  lastSentAt: string | null;
}

/** An organisation's SMTP settings, password opened. */
export interface SmtpSettings {
  org: string;
  host: string;
  port: number;
  username: string;
  password: string;
  /** The From address. */
  sender: string;
  /** The address of the web app the mail links to (the only link in it). */
  appUrl: string;
  frequency: DigestFrequency;
  lastSentAt: string | null;
}

/** Why settings were refused; `message` is Dutch for the operator. */
export class MailSettingsError extends Error {
  override name = 'MailSettingsError';
}

const passwordContext = (org: string): string => `smtp-password\0${org}`;

interface SmtpRow { org: string; host: string; port: number; username: string; password: Buffer; sender: string; app_url: string; frequency: string; last_sent_at: string | null; [key: string]: unknown }

/** The settings store. */
export interface MailSettings {
  setSmtp(settings: Omit<SmtpSettings, 'lastSentAt'>): Promise<void>;
  setFrequency(org: string, frequency: DigestFrequency): Promise<void>;
  getSmtp(org: string): Promise<SmtpSettings | null>;
  /** Organisations whose digest is daily or weekly. */
  listActive(): Promise<SmtpSettings[]>;
  markSent(org: string, at: Date): Promise<void>;
  /**
   * Claims the run of `org`'s digest at `at` if its last run is still `previous` (what the
   * caller read): true for exactly one of several instances that try at once.
   */
  claimRun(org: string, previous: string | null, at: Date): Promise<boolean>;
  /** Gives a claimed run back (nobody was reached), if no other run took it since. */
  releaseRun(org: string, claimedAt: Date, previous: string | null): Promise<void>;
  setUserAddress(username: string, address: string): Promise<void>;
  /** Users of `org` (active) with an address, with their own choice. */
  recipients(org: string): Promise<DigestRecipient[]>;
  /** The user's own choice ('org' until they make one). */
  userChoice(username: string): Promise<UserDigestChoice>;
  setUserChoice(username: string, choice: UserDigestChoice): Promise<void>;
  /** Notes that `username` got a digest at `at`. */
  markUserSent(username: string, at: Date): Promise<void>;
  /** Whether the user has an address set. */
  hasAddress(username: string): Promise<boolean>;
}

const hostPattern = /^[a-z0-9.-]{1,253}$/iu;
const addressPattern = /^[^\s@<>]{1,64}@[a-z0-9.-]{1,253}$/iu;

/** Binds the store to `sql`, sealing passwords with `cipher`. */
export function createMailSettings(sql: Sql, cipher: ContentCipher): MailSettings {
  const toSettings = (row: SmtpRow): SmtpSettings => ({
    org: row.org, host: row.host, port: Number(row.port), username: row.username,
    password: Buffer.from(cipher.decrypt(row.password, passwordContext(row.org))).toString('utf8'),
    sender: row.sender, appUrl: row.app_url, frequency: isDigestFrequency(row.frequency) ? row.frequency : 'off', lastSentAt: row.last_sent_at,
  });
  return {
    async setSmtp(settings) {
      if (!hostPattern.test(settings.host)) throw new MailSettingsError('Ongeldige SMTP-host.');
      if (!Number.isInteger(settings.port) || settings.port < 1 || settings.port > 65535) throw new MailSettingsError('Ongeldige poort.');
      if (!addressPattern.test(settings.sender)) throw new MailSettingsError('Ongeldig afzenderadres (--from).');
      let url: URL;
      try {
        url = new URL(settings.appUrl);
      } catch {
        throw new MailSettingsError('Ongeldige link naar Themakamer (--link).');
      }
      if (url.protocol !== 'https:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
        throw new MailSettingsError('De link naar Themakamer moet https gebruiken.');
      }
      const org = await sql.get('SELECT id FROM orgs WHERE id = $1', [settings.org]);
      if (!org) throw new MailSettingsError(`Organisatie ${settings.org} bestaat niet.`);
      await sql.run(
        `INSERT INTO org_smtp (org, host, port, username, password, sender, app_url, frequency, last_sent_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9)
         ON CONFLICT (org) DO UPDATE SET host = $2, port = $3, username = $4, password = $5, sender = $6, app_url = $7, frequency = $8, updated_at = $9`,
        [settings.org, settings.host, settings.port, settings.username, cipher.encrypt(Buffer.from(settings.password, 'utf8'), passwordContext(settings.org)),
          settings.sender, url.origin + url.pathname, settings.frequency, new Date().toISOString()],
      );
    },
    async setFrequency(org, frequency) {
      const { changes } = await sql.run('UPDATE org_smtp SET frequency = $2, updated_at = $3 WHERE org = $1', [org, frequency, new Date().toISOString()]);
      if (changes === 0) throw new MailSettingsError(`Organisatie ${org} heeft nog geen SMTP-server; stel die eerst in met org smtp.`);
    },
    async getSmtp(org) {
      const row = await sql.get<SmtpRow>('SELECT * FROM org_smtp WHERE org = $1', [org]);
      return row ? toSettings(row) : null;
    },
    async listActive() {
      const rows = await sql.all<SmtpRow>("SELECT * FROM org_smtp WHERE frequency IN ('daily', 'weekly') ORDER BY org");
      return rows.map(toSettings);
    },
    async markSent(org, at) {
      await sql.run('UPDATE org_smtp SET last_sent_at = $2 WHERE org = $1', [org, at.toISOString()]);
    },
    async claimRun(org, previous, at) {
      const { changes } = previous === null
        ? await sql.run('UPDATE org_smtp SET last_sent_at = $2 WHERE org = $1 AND last_sent_at IS NULL', [org, at.toISOString()])
        : await sql.run('UPDATE org_smtp SET last_sent_at = $2 WHERE org = $1 AND last_sent_at = $3', [org, at.toISOString(), previous]);
      return changes === 1;
    },
    async releaseRun(org, claimedAt, previous) {
      await sql.run('UPDATE org_smtp SET last_sent_at = $2 WHERE org = $1 AND last_sent_at = $3', [org, previous, claimedAt.toISOString()]);
    },
    async userChoice(username) {
      const row = await sql.get<{ choice: string }>('SELECT choice FROM user_digest WHERE username = $1', [username]);
      return isUserDigestChoice(row?.choice) ? row.choice : 'org';
    },
    async setUserChoice(username, choice) {
      await sql.run(
        'INSERT INTO user_digest (username, choice, last_sent_at) VALUES ($1, $2, NULL) ON CONFLICT (username) DO UPDATE SET choice = $2',
        [username, choice],
      );
    },
    async markUserSent(username, at) {
      await sql.run(
        "INSERT INTO user_digest (username, choice, last_sent_at) VALUES ($1, 'org', $2) ON CONFLICT (username) DO UPDATE SET last_sent_at = $2",
        [username, at.toISOString()],
      );
    },
    async hasAddress(username) {
      return (await sql.get('SELECT username FROM user_mail WHERE username = $1', [username])) !== undefined;
    },
    async setUserAddress(username, address) {
      if (!addressPattern.test(address)) throw new MailSettingsError('Ongeldig e-mailadres.');
      const user = await sql.get('SELECT username FROM users WHERE username = $1', [username]);
      if (!user) throw new MailSettingsError(`Gebruiker ${username} bestaat niet.`);
      await sql.run('INSERT INTO user_mail (username, address) VALUES ($1, $2) ON CONFLICT (username) DO UPDATE SET address = $2', [username, address]);
    },
    async recipients(org) {
      const rows = await sql.all<{ username: string; address: string; choice: string | null; last_sent_at: string | null }>(
        `SELECT u.username AS username, m.address AS address, d.choice AS choice, d.last_sent_at AS last_sent_at
         FROM users u JOIN user_mail m ON m.username = u.username LEFT JOIN user_digest d ON d.username = u.username
         WHERE u.org = $1 AND u.disabled = 0 ORDER BY u.username`,
        [org],
      );
      return rows.map((row) => ({
        username: row.username, address: row.address,
        choice: isUserDigestChoice(row.choice) ? row.choice : 'org', lastSentAt: row.last_sent_at,
      }));
    },
  };
}
