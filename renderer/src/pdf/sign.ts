import { detachedCms } from './cms';
import { concatBytes, latin1ToBytes } from './latin1';
import { PdfStructureError } from './pdfStructureError';
import { SIGNATURE_RECT } from './signatureLayout';
import { prepareSignature } from './signaturePlaceholder';
import { SignError } from './signErrors';
import { loadSigningIdentity } from './signingIdentity';

// Re-exported so the Electron main process can import this file alone (no react-pdf).
export { SignError, assertSignable, signErrorMessage, isSignError, type SignErrorCode } from './signErrors';


/** Input of `signPdf`; mirrors `SignPdfRequest` in electron/contract.ts. */
export interface SignPdfInput {
  pdf: Uint8Array;
  /** The PKCS#12 file's bytes; never stored. */
  p12: Uint8Array;
  passphrase: string;
  reason: string;
  location: string;
  signerName: string;
  contactInfo?: string;
  /** The time the visible block states; also the CMS signingTime and /M. */
  signingTime: Date | string;
  /** Widget on the last page, [x1, y1, x2, y2]; defaults to the minutes' signature block. */
  widgetRect?: [number, number, number, number];
}

/** Room for the CMS: a 4096-bit key with a CA chain of a few certificates fits easily. */
const SIGNATURE_BYTES = 16_384;

function toDate(value: Date | string): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new SignError('failed', 'invalid signing time');
  return date;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Signs a PDF with a PKCS#12 certificate: CMS detached (adbe.pkcs7.detached),
 * SHA-256, in an incremental update with a signature field on the last page.
 * Certificate and PDF are checked before signing; any failure throws `SignError`
 * and returns nothing. Runs in Node and in the browser (no Node built-ins).
 */
export async function signPdf(input: SignPdfInput): Promise<Uint8Array> {
  try {
    return signOrThrow(input);
  } catch (error) {
    // Whatever went wrong, the caller gets a SignError with a code, never a half result.
    if (error instanceof SignError) throw error;
    throw new SignError('failed', error instanceof Error ? error.message : 'unknown');
  }
}

function signOrThrow(input: SignPdfInput): Uint8Array {
  const signingTime = toDate(input.signingTime);
  if (!(input.pdf instanceof Uint8Array) || !(input.p12 instanceof Uint8Array)) {
    throw new SignError('failed', 'pdf and p12 must be bytes');
  }
  const identity = loadSigningIdentity(input.p12, input.passphrase, signingTime);

  let prepared;
  try {
    prepared = prepareSignature(input.pdf, {
      reason: input.reason,
      location: input.location,
      signerName: input.signerName,
      contactInfo: input.contactInfo,
      signingTime,
      widgetRect: input.widgetRect ?? SIGNATURE_RECT,
      signatureBytes: SIGNATURE_BYTES,
    });
  } catch (error) {
    if (error instanceof PdfStructureError) throw new SignError('bad-pdf', error.message);
    throw error;
  }

  const [, holeStart, holeEnd] = prepared.byteRange;
  const pdf = prepared.pdf;
  const cms = detachedCms(concatBytes([pdf.subarray(0, holeStart), pdf.subarray(holeEnd)]), identity, signingTime);
  if (cms.length > SIGNATURE_BYTES) throw new SignError('failed', 'signature larger than its placeholder');

  // Fill the hole after its '<'; the rest of the reserved room stays zeros.
  const signed = pdf.slice();
  signed.set(latin1ToBytes(toHex(cms)), holeStart + 1);
  return signed;
}
