/**
 * The 'pdf-sign' handler: signs minutes with the secretary's PKCS#12 certificate using
 * the same module the web build uses (renderer/src/pdf/sign.ts), so desktop and web
 * produce identical signatures. The certificate and passphrase live only for the call.
 */
import type { SignErrorCode, SignPdfRequest, SignPdfResult } from '../contract';
import { isSignError, signPdf } from '../../renderer/src/pdf/sign';

const CONTRACT_CODES: ReadonlySet<string> = new Set<SignErrorCode>([
  'bad-passphrase',
  'not-pkcs12',
  'expired-certificate',
  'not-yet-valid-certificate',
  'no-signing-key-usage',
  'no-private-key',
  'bad-pdf',
  'failed',
]);

function isContractCode(code: string): code is SignErrorCode {
  return CONTRACT_CODES.has(code);
}

/** The signing function; the shared module in the app, the same in tests. */
export type SignFunction = typeof signPdf;

/** Makes the 'pdf-sign' handler. Failures come back as codes, never as messages with details. */
export function createSignPdf(sign: SignFunction = signPdf) {
  return async function signPdfRequest(request: SignPdfRequest): Promise<SignPdfResult> {
    try {
      const pdf = await sign({
        pdf: request.pdf,
        p12: request.p12,
        passphrase: request.passphrase,
        reason: request.reason,
        location: request.location,
        signerName: request.signerName,
        signingTime: request.signingTime,
      });
      return { ok: true, pdf };
    } catch (error) {
      const code = isSignError(error) && isContractCode(error.code) ? error.code : 'failed';
      console.warn(`[signing] refused: ${code}`);
      return { ok: false, code };
    }
  };
}
