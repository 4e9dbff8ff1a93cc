import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SignPdfRequest } from '../../../electron/contract';
import { FONT_FILES, registerFonts } from '../pdf/fonts';
import { renderMinutesPdf } from '../pdf/render';
import { daysFromNow, makeTestP12 } from '../pdf/testing/certificates';
import { fictionalMinutes } from '../pdf/testing/fixtures';
import { signPdfInBrowser } from './signInBrowser';

// The real signer (pdf/sign.ts) on a real rendered PDF: the web Api must turn every
// failure into a contract code and never throw.
const PASSPHRASE = 'fictief-wachtwoord';
let minutesPdf: Uint8Array;

beforeAll(async () => {
  const fontDir = new URL('../../../assets/fonts/', import.meta.url);
  registerFonts({
    regular: readFileSync(new URL(FONT_FILES.regular, fontDir)),
    bold: readFileSync(new URL(FONT_FILES.bold, fontDir)),
    italic: readFileSync(new URL(FONT_FILES.italic, fontDir)),
  });
  minutesPdf = await renderMinutesPdf(fictionalMinutes(1));
}, 60_000);

function request(overrides: Partial<SignPdfRequest> = {}): SignPdfRequest {
  return {
    pdf: minutesPdf,
    p12: makeTestP12({ passphrase: PASSPHRASE }),
    passphrase: PASSPHRASE,
    reason: 'Vastgesteld verslag',
    location: 'Testregio',
    signerName: 'Sanne Secretaris (fictief)',
    signingTime: new Date().toISOString(),
    ...overrides,
  };
}

describe('signPdfInBrowser', () => {
  it('returns the signed PDF', async () => {
    const result = await signPdfInBrowser(request());
    if (!result.ok) throw new Error(`expected a signed PDF, got ${result.code}`);
    expect(new TextDecoder().decode(result.pdf.subarray(0, 5))).toBe('%PDF-');
    expect(result.pdf.length).toBeGreaterThan(minutesPdf.length);
    expect(new TextDecoder('latin1').decode(result.pdf)).toContain('/adbe.pkcs7.detached');
  });

  it.each([
    ['bad-passphrase', () => request({ passphrase: 'verkeerd' })],
    ['not-pkcs12', () => request({ p12: new TextEncoder().encode('geen certificaat') })],
    ['expired-certificate', () => request({ p12: makeTestP12({ passphrase: PASSPHRASE, notBefore: daysFromNow(-30), notAfter: daysFromNow(-1) }) })],
    ['bad-pdf', () => request({ pdf: new TextEncoder().encode('dit is geen pdf') })],
    ['failed', () => request({ signingTime: 'geen tijd' })],
  ] as const)('maps a failure to the code %s', async (code, make) => {
    await expect(signPdfInBrowser(make())).resolves.toEqual({ ok: false, code });
  });
});
