/**
 * The e-mail digest commands of `npm run admin`: an organisation's SMTP server (password on
 * stdin, sealed with the data key), how often its users get a digest (off by default), a
 * user's address, and sending the due digests (run it daily from cron). Output holds
 * counts and ids only.
 */
import { createMailSettings, isDigestFrequency, MailSettingsError } from '../digest/mail-settings';
import { sendDueDigests } from '../digest/digest-run';
import { DataDirError, openKeyedStore } from '../storage/keyed-data-dir';
import { createRoomStore } from '../storage/room-store';
import type { StorageTarget } from '../storage/open';

/** Usage lines of the digest commands (appended to the admin CLI's usage). */
export const digestUsage = `  org smtp <id> --host H --port P --user U --from ADRES --link URL [--frequency daily|weekly|off]   (wachtwoord via stdin; TLS verplicht)
  org digest <id> daily|weekly|off
  user email <gebruikersnaam> <adres>
  digest send [--org ID] [--force]   (dagelijks via cron; stuurt alleen aantallen en een link)`;

/** parseArgs options the digest commands add. */
export const digestOptions = {
  host: { type: 'string' }, port: { type: 'string' }, from: { type: 'string' }, link: { type: 'string' }, frequency: { type: 'string' },
  force: { type: 'boolean' },
} as const;

/** True when `words` is a digest command. */
export function isDigestCommand(words: readonly string[]): boolean {
  const [group, verb] = words;
  return group === 'digest' || (group === 'org' && (verb === 'smtp' || verb === 'digest')) || (group === 'user' && verb === 'email');
}

class DigestUsageError extends Error {}

/** Runs a digest command; 0 done, 1 refused or a mail failed, 2 usage error. */
export async function runDigestCommand(
  words: string[], flags: Record<string, string | boolean | undefined>, target: StorageTarget, readPassword: () => Promise<string>,
): Promise<number> {
  const out = (text: string): void => void process.stdout.write(text + '\n');
  const flag = (name: string): string | undefined => (typeof flags[name] === 'string' ? flags[name] : undefined);
  const [group, verb, ...rest] = words;
  try {
    const command = `${group ?? ''} ${verb ?? ''}`.trim();
    if (command === 'org smtp') {
      const [org] = rest;
      const host = flag('host');
      const port = Number(flag('port'));
      const user = flag('user');
      const sender = flag('from');
      const link = flag('link');
      const frequency = flag('frequency') ?? 'off';
      if (!org || !host || !user || !sender || !link || !Number.isInteger(port)) throw new DigestUsageError('org smtp <id> --host H --port P --user U --from ADRES --link URL');
      if (!isDigestFrequency(frequency)) throw new DigestUsageError('--frequency daily, weekly of off');
      const password = await readPassword();
      const { sql, cipher } = await openKeyedStore(target);
      try {
        await createMailSettings(sql, cipher).setSmtp({ org, host, port, username: user, password, sender, appUrl: link, frequency });
      } finally {
        await sql.close();
      }
      out(`SMTP-server van ${org} ingesteld (TLS verplicht); overzicht per e-mail: ${frequency === 'off' ? 'uit' : frequency === 'daily' ? 'dagelijks' : 'wekelijks'}.`);
      return 0;
    }
    const { sql, cipher } = await openKeyedStore(target);
    try {
      const settings = createMailSettings(sql, cipher);
      if (command === 'org digest') {
        const [org, frequency] = rest;
        if (!org || !isDigestFrequency(frequency)) throw new DigestUsageError('org digest <id> daily|weekly|off');
        await settings.setFrequency(org, frequency);
        out(`Overzicht per e-mail voor ${org}: ${frequency === 'off' ? 'uit' : frequency === 'daily' ? 'dagelijks' : 'wekelijks'}.`);
        return 0;
      }
      if (command === 'user email') {
        const [username, address] = rest;
        if (!username || !address) throw new DigestUsageError('user email <gebruikersnaam> <adres>');
        await settings.setUserAddress(username, address);
        out(`E-mailadres van ${username} ingesteld.`);
        return 0;
      }
      if (command === 'digest send') {
        const org = flag('org');
        const report = await sendDueDigests({
          sql, store: createRoomStore(sql, cipher), settings, now: new Date(), force: flags.force === true, ...(org ? { org } : {}),
        });
        out(`${report.orgs} organisaties, ${report.sent} e-mails verstuurd, ${report.empty} zonder iets te melden, ${report.failed} mislukt.`);
        return report.failed > 0 ? 1 : 0;
      }
      throw new DigestUsageError('Onbekende opdracht.');
    } finally {
      await sql.close();
    }
  } catch (error) {
    if (error instanceof DigestUsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof MailSettingsError || error instanceof DataDirError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
