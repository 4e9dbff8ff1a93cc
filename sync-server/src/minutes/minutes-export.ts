/**
 * The archive export of approved minutes (`npm run admin -- minutes export|list`): the
 * frozen copies of the latest approval, rendered with the app's own PDF components,
 * optionally sealed with the organisation's certificate, written to a file and recorded
 * in the audit log with the file's SHA-256.
 */
import { createHash } from 'node:crypto';
import { linkSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMeetingMeta } from '../../../renderer/src/collab/meetingHeader';
import { isId, type CaseId, type MeetingId } from '../../../renderer/src/domain/ids';
import { meetingTypes } from '../../../renderer/src/domain/meetingVocabulary';
import { minutesFromFrozen } from '../../../renderer/src/features/minutes/fromDocs';
import { canKnowFromMembers } from '../../../renderer/src/features/minutes/needToKnow';
import { forOrganisation } from '../../../renderer/src/pdf/exportFilter';
import { FONT_FILES, registerFonts } from '../../../renderer/src/pdf/fonts';
import { SIGNATURE_REASON, type MinutesData, type SignatureBlockInfo } from '../../../renderer/src/pdf/model';
import { renderMinutesPdf } from '../../../renderer/src/pdf/render';
import { signPdf } from '../../../renderer/src/pdf/sign';
import { loadSigningIdentity } from '../../../renderer/src/pdf/signingIdentity';
import { adminActor } from '../storage/audit';
import { ArchiveError, type MinutesArchive } from './minutes-archive';

/** One line of `minutes list`. */
export interface MeetingListing {
  id: string;
  typeLabel: string;
  /** ISO start, or null when the meeting document has no readable header. */
  start: string | null;
  status: 'concept' | 'vastgesteld' | 'onleesbaar';
  /** The version in the meeting document (0 = never approved). */
  version: number;
  /** Versions of which frozen copies exist (what `minutes export` can print). */
  approvedVersions: number[];
}

/** Every meeting of the data dir, earliest first (unreadable headers last). */
export async function listMeetings(archive: MinutesArchive): Promise<MeetingListing[]> {
  const listings: MeetingListing[] = [];
  for (const room of await archive.meetingRooms()) listings.push(await listing(archive, room));
  return listings.sort((a, b) => (a.start ?? '\uffff').localeCompare(b.start ?? '\uffff') || a.id.localeCompare(b.id));
}

async function listing(archive: MinutesArchive, room: string): Promise<MeetingListing> {
  {
    const doc = await archive.loadRoom(room);
    try {
      const meta = readMeetingMeta(doc);
      const approvedVersions = await archive.approvedVersions(room);
      if (!meta) return { id: room, typeLabel: '-', start: null, status: 'onleesbaar', version: 0, approvedVersions };
      return { id: room, typeLabel: meetingTypes.label(meta.type, 'nl'), start: meta.start, status: meta.status, version: meta.version, approvedVersions };
    } finally {
      doc.destroy();
    }
  }
}

let fontsReady = false;

/** Registers the shipped fonts by file path (once per process). */
export function registerArchiveFonts(): void {
  if (fontsReady) return;
  const fontDir = join(dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');
  registerFonts({ regular: join(fontDir, FONT_FILES.regular), bold: join(fontDir, FONT_FILES.bold), italic: join(fontDir, FONT_FILES.italic) });
  fontsReady = true;
}

/** The organisation seal to sign with. */
export interface Seal {
  p12: Uint8Array;
  passphrase: string;
  /** Place stated in the signature, e.g. `Rotterdam`. */
  location: string;
}

/** What to export. */
export interface ArchiveExportOptions {
  meetingId: string;
  /** Output file; must not exist yet (an archived record is never overwritten). */
  out: string;
  /** Printed in the header. */
  region: string;
  /** Only the cases this organisation may know (need-to-know from current grants). */
  org?: string | null;
  seal?: Seal | null;
  now?: () => Date;
}

/** What was exported (also what the audit entry records). */
export interface ArchiveExportResult {
  meetingId: string;
  version: number;
  org: string | null;
  signed: boolean;
  sha256: string;
  bytes: number;
  items: number;
}

async function approvedMinutes(archive: MinutesArchive, meetingId: string, region: string): Promise<MinutesData> {
  if (!isId('meeting', meetingId) || !(await archive.meetingRooms()).includes(meetingId)) {
    throw new ArchiveError('unknown-meeting', `Overleg ${meetingId} bestaat niet in deze gegevensmap. Zie 'minutes list'.`);
  }
  const live = await archive.loadRoom(meetingId);
  const status = (() => {
    try {
      return readMeetingMeta(live)?.status ?? null;
    } finally {
      live.destroy();
    }
  })();
  const versions = await archive.approvedVersions(meetingId);
  const version = versions[versions.length - 1];
  if (version === undefined) {
    throw new ArchiveError('not-approved', `Overleg ${meetingId} is niet vastgesteld (concept). Alleen een vastgesteld verslag kan worden gearchiveerd; laat de voorzitter het eerst vaststellen.`);
  }
  if (status !== 'vastgesteld') {
    throw new ArchiveError('reopened', `Het verslag van overleg ${meetingId} is heropend en is nu concept (laatst vastgestelde versie: ${version}). Exporteer opnieuw nadat de voorzitter het heeft vastgesteld.`);
  }
  const copies = await archive.frozenCopies(meetingId, version);
  const meetingCopy = copies.find((copy) => copy.room === meetingId);
  if (!meetingCopy) throw new ArchiveError('unreadable', `De bevroren kopie van overleg ${meetingId} (versie ${version}) ontbreekt.`);
  const cases = copies.filter((copy): copy is typeof copy & { room: CaseId } => isId('case', copy.room))
    .map((copy) => ({ caseId: copy.room, state: copy.data }));
  const directory = {
    users: await archive.directory.listUsers({ includeDisabled: true }),
    orgs: await archive.directory.listOrgs(),
  };
  // A case deleted after its retention period keeps only its number in the approved minutes.
  return minutesFromFrozen({ meetingId: meetingId as MeetingId, meetingState: meetingCopy.data, cases }, { directory, region, deletedCases: await archive.deletedCases() });
}

async function forAudience(archive: MinutesArchive, data: MinutesData, org: string): Promise<MinutesData> {
  if (!data.organisations.some((known) => known.id === org)) {
    throw new ArchiveError('unknown-org', `Organisatie ${org} bestaat niet. Zie 'org list'.`);
  }
  const members = new Map(await Promise.all(data.items.map(async (item) => [item.caseId, await archive.grants.members(item.caseId)] as const)));
  return forOrganisation(data, org, canKnowFromMembers(members));
}

function subjectField(attributes: { shortName?: string; value?: unknown }[], shortName: string): string | null {
  const value = attributes.find((attribute) => attribute.shortName === shortName)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Writes the bytes to `out` only if it does not exist yet, never leaving a half file. */
function writeNew(out: string, bytes: Uint8Array): void {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  writeFileSync(temp, bytes, { flag: 'wx', mode: 0o600 });
  try {
    // link() fails when `out` exists: no check-then-write race with another export.
    linkSync(temp, out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ArchiveError('exists', `${out} bestaat al. Een gearchiveerd verslag wordt niet overschreven; kies een andere bestandsnaam.`);
    }
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Exports the approved minutes of a meeting. Every check (approval, organisation,
 * certificate) runs before anything is written; on any error no file is left behind.
 */
export async function exportArchivedMinutes(archive: MinutesArchive, options: ArchiveExportOptions): Promise<ArchiveExportResult> {
  const now = options.now ?? (() => new Date());
  let data = await approvedMinutes(archive, options.meetingId, options.region);
  const org = options.org ?? null;
  if (org !== null) data = await forAudience(archive, data, org);

  let signature: SignatureBlockInfo | undefined;
  const signingTime = now().toISOString();
  if (options.seal) {
    // The certificate is checked before rendering: a wrong passphrase costs no render.
    const identity = loadSigningIdentity(options.seal.p12, options.seal.passphrase, new Date(signingTime));
    const subject = identity.certificate.subject.attributes as { shortName?: string; value?: unknown }[];
    const organisation = subjectField(subject, 'O') ?? data.organisations.find((o) => o.id === data.chair.org)?.name ?? data.chair.orgName;
    signature = {
      signerName: subjectField(subject, 'CN') ?? organisation,
      role: 'Organisatiezegel (archief)',
      organisation,
      location: options.seal.location,
      signingTime,
    };
  }

  registerArchiveFonts();
  let pdf = await renderMinutesPdf(data, { signature, creationDate: new Date(signingTime) });
  if (options.seal && signature) {
    pdf = await signPdf({
      pdf, p12: options.seal.p12, passphrase: options.seal.passphrase, reason: SIGNATURE_REASON,
      location: signature.location, signerName: signature.signerName, signingTime,
    });
  }
  writeNew(options.out, pdf);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const result: ArchiveExportResult = {
    meetingId: options.meetingId, version: data.version, org, signed: Boolean(options.seal), sha256, bytes: pdf.byteLength, items: data.items.length,
  };
  try {
    await archive.audit.append({
      event: 'export', actor: adminActor, room: options.meetingId,
      detail: { kind: 'minutes', version: result.version, org, signed: result.signed, sha256 },
    });
  } catch (error) {
    // Every export is audited: without its entry the file does not stay.
    unlinkSync(options.out);
    throw error;
  }
  return result;
}
