/**
 * `npm run admin -- --data-dir D minutes list|export …`: the archive export of approved
 * minutes. The certificate passphrase comes from a file, never from argv (argv is
 * visible to other users of the machine).
 */
import { readFileSync } from 'node:fs';
import { isSignError, signErrorMessage } from '../../../renderer/src/pdf/signErrors';
import { PdfDataError } from '../../../renderer/src/pdf/modelSchema';
import { MinutesSourceError } from '../../../renderer/src/features/minutes/minutesSourceError';
import { ArchiveError, openMinutesArchive } from '../minutes/minutes-archive';
import type { StorageTarget } from '../storage/open';

/** Usage lines of the minutes commands (appended to the admin CLI's usage). */
export const minutesUsage = `  minutes list
  minutes export <overleg-id> --out BESTAND.pdf [--p12 BESTAND --passphrase-file BESTAND] [--org ORG] [--region "Regio"] [--location "Plaats"]`;

/** Options of the minutes commands, for the admin CLI's parseArgs. */
export const minutesOptions = {
  out: { type: 'string' },
  p12: { type: 'string' },
  'passphrase-file': { type: 'string' },
  region: { type: 'string' },
  location: { type: 'string' },
} as const;

/** Region printed when neither --region nor THEMAKAMER_REGION is given. */
const defaultRegion = 'Zorg- en Veiligheidshuis';

class MinutesUsageError extends Error {}

function readPassphrase(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new MinutesUsageError(`Het wachtwoordbestand ${path} kan niet worden gelezen.`);
  }
  // The first line: a trailing newline written by an editor or `echo` is not part of it.
  const passphrase = text.split(/\r?\n/)[0] ?? '';
  if (passphrase === '') throw new MinutesUsageError(`Het wachtwoordbestand ${path} is leeg.`);
  return passphrase;
}

function readP12(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw new MinutesUsageError(`Het certificaatbestand ${path} kan niet worden gelezen.`);
  }
}

const dutchDateTime = (iso: string | null): string => {
  if (iso === null) return '-';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
};

/**
 * Runs a `minutes …` command; returns the exit code. 0 done, 1 refused (not approved,
 * bad certificate, file exists …), 2 usage error. Messages on stderr are Dutch.
 */
export async function runMinutesCommand(words: string[], flags: Record<string, string | boolean | undefined>, target: StorageTarget): Promise<number> {
  // Loaded here, not at the top: react-pdf is heavy and the other admin commands never need it.
  const { exportArchivedMinutes, listMeetings } = await import('../minutes/minutes-export');
  const out = (text: string): void => void process.stdout.write(text + '\n');
  const fail = (text: string, code: number): number => {
    process.stderr.write(text + '\n');
    return code;
  };
  const flag = (name: string): string | undefined => (typeof flags[name] === 'string' ? flags[name] : undefined);
  const [, verb, ...rest] = words;
  try {
    if (verb !== 'list' && verb !== 'export') throw new MinutesUsageError('Onbekende opdracht; gebruik minutes list of minutes export.');
    if (verb === 'export') {
      const [meetingId] = rest;
      const outFile = flag('out');
      if (!meetingId || !outFile) throw new MinutesUsageError('minutes export <overleg-id> --out BESTAND.pdf');
      const p12Path = flag('p12');
      const passphraseFile = flag('passphrase-file');
      if ((p12Path === undefined) !== (passphraseFile === undefined)) {
        throw new MinutesUsageError('Geef --p12 en --passphrase-file samen (het wachtwoord nooit op de opdrachtregel).');
      }
      const region = flag('region') ?? process.env.THEMAKAMER_REGION ?? defaultRegion;
      const seal = p12Path && passphraseFile
        ? { p12: readP12(p12Path), passphrase: readPassphrase(passphraseFile), location: flag('location') ?? region }
        : null;
      const archive = await openMinutesArchive(target);
      try {
        const result = await exportArchivedMinutes(archive, { meetingId, out: outFile, region, org: flag('org') ?? null, seal });
        out(`Verslag ${result.meetingId} versie ${result.version}${result.org ? ` (versie voor ${result.org})` : ''} ${result.signed ? 'ondertekend en ' : ''}opgeslagen in ${outFile}.`);
        out(`SHA-256: ${result.sha256}`);
        out('De export staat in het auditlog.');
        return 0;
      } finally {
        await archive.close();
      }
    }
    const archive = await openMinutesArchive(target);
    try {
      const meetings = await listMeetings(archive);
      if (meetings.length === 0) out('Geen overleggen gevonden.');
      for (const meeting of meetings) {
        const approved = meeting.approvedVersions.length > 0 ? `vastgestelde versies: ${meeting.approvedVersions.join(', ')}` : 'nooit vastgesteld';
        out(`${meeting.id}\t${meeting.typeLabel}\t${dutchDateTime(meeting.start)}\t${meeting.status}\tversie ${meeting.version}\t${approved}`);
      }
      return 0;
    } finally {
      await archive.close();
    }
  } catch (error) {
    if (error instanceof MinutesUsageError) return fail(`${error.message}\n\nGebruik:\n${minutesUsage}`, 2);
    if (error instanceof ArchiveError) return fail(error.message, 1);
    if (isSignError(error)) return fail(`Ondertekenen geweigerd: ${signErrorMessage(error.code)} Er is niets opgeslagen.`, 1);
    if (error instanceof MinutesSourceError) return fail(`${error.userMessage} (${error.code})`, 1);
    if (error instanceof PdfDataError) return fail(`${error.userMessage} Er is niets opgeslagen. (${error.issues.slice(0, 3).join('; ')})`, 1);
    throw error;
  }
}
