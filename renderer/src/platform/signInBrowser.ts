import type { SignErrorCode, SignPdfRequest, SignPdfResult } from '../../../electron/contract';

/** The codes the contract knows (the compiler keeps this list complete); others become 'failed'. */
const contractCodes: Readonly<Record<SignErrorCode, true>> = {
  'bad-passphrase': true, 'not-pkcs12': true, 'expired-certificate': true, 'not-yet-valid-certificate': true,
  'no-signing-key-usage': true, 'no-private-key': true, 'bad-pdf': true, 'not-approved': true, failed: true,
};

function isContractCode(code: unknown): code is SignErrorCode {
  return typeof code === 'string' && Object.hasOwn(contractCodes, code);
}

function codeOf(error: unknown): SignErrorCode {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return isContractCode(code) ? code : 'failed';
}

/**
 * Signs in the page with the same module the desktop shell uses (pdf/sign.ts), loaded
 * only when someone signs: node-forge and the PDF code stay out of the first load.
 * Never throws: every failure is a contract code, so the UI has one path for errors.
 */
export async function signPdfInBrowser(request: SignPdfRequest): Promise<SignPdfResult> {
  try {
    const { signPdf } = await import('../pdf/sign');
    const pdf = await signPdf({
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
    return { ok: false, code: codeOf(error) };
  }
}
