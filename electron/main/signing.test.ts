import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestP12 } from '../../renderer/src/pdf/testing/certificates';
import type { SignPdfRequest } from '../contract';
import { createSignPdf } from './signing';

const dir = mkdtempSync(join(tmpdir(), 'themakamer-signing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A minimal one-page PDF with a correct cross-reference table. */
function onePagePdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const PASSPHRASE = 'fictief-wachtwoord';

function request(overrides: Partial<SignPdfRequest> = {}): SignPdfRequest {
  return {
    pdf: onePagePdf(),
    p12: makeTestP12({ passphrase: PASSPHRASE, commonName: 'Fictieve Secretaris' }),
    passphrase: PASSPHRASE,
    reason: 'Vastgesteld verslag van de themakamer',
    location: 'Rotterdam',
    signerName: 'Fictieve Secretaris',
    signingTime: new Date().toISOString(),
    ...overrides,
  };
}

describe("the 'pdf-sign' handler", () => {
  it('signs with the shared module; pdfsig finds a valid signature', async () => {
    const result = await createSignPdf()(request());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const path = join(dir, 'ondertekend.pdf');
    writeFileSync(path, result.pdf);
    const report = spawnSync('pdfsig', [path], { encoding: 'utf8' });
    const text = `${report.stdout}${report.stderr}`;
    expect(text).toContain('Signature is Valid.');
    expect(text).toContain('Fictieve Secretaris');
  }, 60_000);

  it.each<[string, Partial<SignPdfRequest>, string]>([
    ['a wrong passphrase', { passphrase: 'verkeerd' }, 'bad-passphrase'],
    ['a file that is not PKCS#12', { p12: new TextEncoder().encode('geen certificaat') }, 'not-pkcs12'],
    ['a file that is not a PDF', { pdf: new TextEncoder().encode('geen pdf') }, 'bad-pdf'],
  ])('answers %s with its code and no PDF', async (_name, overrides, code) => {
    expect(await createSignPdf()(request(overrides))).toEqual({ ok: false, code });
  }, 60_000);

  it("maps anything unexpected to 'failed' and never passes the error on", async () => {
    const broken = createSignPdf(async () => {
      throw new TypeError('secret detail about Jansen');
    });
    expect(await broken(request())).toEqual({ ok: false, code: 'failed' });
  });
});
