/**
 * The export of minutes as one sequence with visible stages: choose the version, render,
 * sign (only approved minutes), save, report to the audit log. Platform calls (save,
 * sign) go through the platform Api; the server through `MinutesServer`. Every failure
 * ends in a Dutch message and nothing half-done: a refused signature saves nothing.
 */
import type { Api, SignErrorCode } from '../../platform';
import type { MeetingId } from '../../domain/ids';
import { minutesFileName } from './exportFileName';
import { fileSha256 } from '../../pdf/contentHash';
import { forOrganisation, type CanKnow } from '../../pdf/exportFilter';
import { SIGNATURE_REASON, type MinutesData, type SignatureBlockInfo } from '../../pdf/model';
import { PdfDataError } from '../../pdf/modelSchema';
import { renderMinutesPdf } from '../../pdf/render';
import { assertSignable, isSignError, signErrorMessage } from '../../pdf/signErrors';
import type { MinutesServer } from './minutesServer';

/** Where an export is; the dialog shows each stage ("Verslag opmaken…", "Ondertekenen…"). */
export type ExportStage = 'rendering' | 'signing' | 'saving' | 'reporting';

/** Who signs, as the visible block states it. */
export interface Signer {
  name: string;
  /** e.g. `Secretaris`. */
  role: string;
  organisation: string;
}

/** What to export. */
export interface MinutesExportRequest {
  meetingId: MeetingId;
  data: MinutesData;
  /** An organisation id for the per-organisation version, or null for the full minutes. */
  org: string | null;
  canKnow: CanKnow;
  /** Sign with a PKCS#12 file; null exports unsigned. */
  sign: null | { p12: Uint8Array; passphrase: string; signer: Signer; location: string };
  now?: () => Date;
}

/** What the export needs from outside. */
export interface MinutesExportDeps {
  api: Pick<Api, 'signPdf' | 'saveFile'>;
  server: Pick<MinutesServer, 'reportExport'>;
  onStage?(stage: ExportStage): void;
}

/** The result: saved and reported; saved but not reported (retry); cancelled; or refused with a Dutch reason. */
export type MinutesExportOutcome =
  | { kind: 'done'; fileName: string; sha256: string; signed: boolean; path: string | null }
  | { kind: 'not-reported'; fileName: string; sha256: string; signed: boolean; retry(): Promise<boolean> }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: SignErrorCode | 'bad-data' | 'unknown-org'; message: string };

function fail(code: SignErrorCode | 'bad-data' | 'unknown-org', message: string): MinutesExportOutcome {
  return { kind: 'failed', code, message };
}

/** Runs one export. Never throws for expected failures: they come back as `failed`. */
export async function exportMinutes(request: MinutesExportRequest, deps: MinutesExportDeps): Promise<MinutesExportOutcome> {
  const stage = deps.onStage ?? (() => undefined);
  const now = request.now ?? (() => new Date());
  let data = request.data;
  if (request.org !== null) {
    if (!data.organisations.some((org) => org.id === request.org)) {
      return fail('unknown-org', 'Deze organisatie hoort niet bij de regio van het verslag. Kies een organisatie uit de lijst.');
    }
    data = forOrganisation(data, request.org, request.canKnow);
  }
  const signingTime = now().toISOString();
  let signature: SignatureBlockInfo | undefined;
  if (request.sign) {
    try {
      // Concept minutes are refused before anything is rendered.
      assertSignable(data);
    } catch (error) {
      if (isSignError(error)) return fail(error.code, signErrorMessage(error.code));
      throw error;
    }
    const { signer, location } = request.sign;
    signature = { signerName: signer.name, role: signer.role, organisation: signer.organisation, location, signingTime };
  }

  stage('rendering');
  let pdf: Uint8Array;
  try {
    pdf = await renderMinutesPdf(data, { signature, creationDate: new Date(signingTime) });
  } catch (error) {
    if (error instanceof PdfDataError) return fail('bad-data', `${error.userMessage} Er is niets opgeslagen.`);
    if (isSignError(error)) return fail(error.code, signErrorMessage(error.code));
    throw error;
  }

  if (request.sign && signature) {
    stage('signing');
    const signed = await deps.api.signPdf({
      pdf, p12: request.sign.p12, passphrase: request.sign.passphrase, reason: SIGNATURE_REASON,
      location: signature.location, signerName: signature.signerName, signingTime,
    });
    if (!signed.ok) return fail(signed.code, signErrorMessage(signed.code));
    pdf = signed.pdf;
  }

  stage('saving');
  const fileName = minutesFileName(data, request.sign !== null);
  const saved = await deps.api.saveFile({ suggestedName: fileName, mimeType: 'application/pdf', data: pdf });
  if (!saved.saved) return { kind: 'cancelled' };

  stage('reporting');
  const sha256 = fileSha256(pdf);
  const signed = request.sign !== null;
  const report = () => deps.server.reportExport({ room: request.meetingId, kind: 'minutes', version: data.version, org: request.org, signed, sha256 });
  try {
    await report();
  } catch {
    return {
      kind: 'not-reported', fileName, sha256, signed,
      retry: () => report().then(() => true, () => false),
    };
  }
  return { kind: 'done', fileName, sha256, signed, path: saved.path };
}
