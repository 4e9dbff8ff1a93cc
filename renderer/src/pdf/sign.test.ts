import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES, registerFonts } from './fonts';
import { SIGNATURE_REASON } from './model';
import { renderMinutesPdf } from './render';
import { signPdf, type SignPdfInput } from './sign';
import { SIGNATURE_RECT } from './signatureLayout';
import { assertSignable, isSignError, signErrorMessage, type SignErrorCode } from './signErrors';
import { daysFromNow, makeTestDerCertificate, makeTestP12 } from './testing/certificates';
import { fictionalMinutes } from './testing/fixtures';

const fontDir = new URL('../../../assets/fonts/', import.meta.url);
const workDir = mkdtempSync(join(tmpdir(), 'themakamer-pdf-sign-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const PASSPHRASE = 'fictief-wachtwoord';
const signingTime = new Date();
let minutesPdf: Uint8Array;

function save(name: string, bytes: Uint8Array): string {
  const path = join(workDir, name);
  writeFileSync(path, bytes);
  return path;
}

/** pdfsig's report; it exits non-zero for invalid signatures, so the exit code is not checked. */
function pdfsig(path: string): string {
  const result = spawnSync('pdfsig', [path], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

function input(overrides: Partial<SignPdfInput> = {}): SignPdfInput {
  return {
    pdf: minutesPdf,
    p12: makeTestP12({ passphrase: PASSPHRASE }),
    passphrase: PASSPHRASE,
    reason: SIGNATURE_REASON,
    location: 'Rotterdam',
    signerName: 'Ruud van IJzendoorn',
    contactInfo: 'secretariaat@zvh.example',
    signingTime,
    ...overrides,
  };
}

async function signError(promise: Promise<Uint8Array>): Promise<SignErrorCode> {
  const outcome = await promise.then(
    (bytes) => ({ bytes }),
    (error: unknown) => ({ error }),
  );
  if ('bytes' in outcome) throw new Error('signing succeeded but should have failed');
  if (!isSignError(outcome.error)) throw outcome.error;
  return outcome.error.code;
}

beforeAll(async () => {
  registerFonts({
    regular: new Uint8Array(readFileSync(new URL(FONT_FILES.regular, fontDir))),
    bold: new Uint8Array(readFileSync(new URL(FONT_FILES.bold, fontDir))),
    italic: new Uint8Array(readFileSync(new URL(FONT_FILES.italic, fontDir))),
  });
  minutesPdf = await renderMinutesPdf(fictionalMinutes(3), {
    signature: {
      signerName: 'Ruud van IJzendoorn',
      role: 'Secretaris',
      organisation: 'Zorg- en Veiligheidshuis',
      location: 'Rotterdam',
      signingTime: signingTime.toISOString(),
    },
  });
});

describe('signPdf', () => {
  it('signs rendered minutes so that pdfsig finds a valid SHA-256 adbe.pkcs7.detached signature over the whole file', async () => {
    const original = minutesPdf.slice();
    const signed = await signPdf(input());
    const report = pdfsig(save('signed.pdf', signed));
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Signature Type: adbe.pkcs7.detached');
    expect(report).toContain('Signature Field Name: Ondertekening');
    expect(report).toContain('Signer Certificate Common Name: Ruud van IJzendoorn (fictief)');
    // An incremental update: the rendered bytes are untouched and come first.
    expect(minutesPdf).toEqual(original);
    expect(signed.subarray(0, minutesPdf.length)).toEqual(minutesPdf);
    const raw = Buffer.from(signed).toString('latin1');
    expect(raw).toContain('/Reason (Vastgesteld verslag)');
    expect(raw).toContain('/Location (Rotterdam)');
  });

  it('puts the widget over the signature block on the last page', async () => {
    const raw = Buffer.from(await signPdf(input())).toString('latin1');
    const widget = /\/Subtype \/Widget \/FT \/Sig[^]*?\/Rect \[([^\]]+)\] \/P (\d+) 0 R/.exec(raw);
    expect(widget?.[1]?.split(' ').map(Number)).toEqual(SIGNATURE_RECT);
    const kids = /\/Type \/Pages[^]*?\/Kids \[([^\]]+)\]/.exec(raw)?.[1] ?? '';
    const lastKid = [...kids.matchAll(/(\d+) 0 R/g)].at(-1)?.[1];
    expect(widget?.[2]).toBe(lastKid);
  });

  it('reports "Digest Mismatch" when one byte changes, before or after the signature', async () => {
    const signed = await signPdf(input());
    const raw = Buffer.from(signed).toString('latin1');
    for (const [name, marker] of [
      ['before', 'Verslag Themakamer'],
      ['after', 'Vastgesteld verslag)'],
    ] as const) {
      const tampered = signed.slice();
      const at = raw.lastIndexOf(marker);
      expect(at).toBeGreaterThan(0);
      tampered[at] = tampered[at]! ^ 0x01;
      const report = pdfsig(save(`tampered-${name}.pdf`, tampered));
      expect(report, name).toContain('Digest Mismatch');
      expect(report, name).not.toContain('Signature is Valid');
    }
  });

  it('accepts a certificate without keyUsage extension and one with nonRepudiation only', async () => {
    for (const keyUsage of [null, { nonRepudiation: true }]) {
      const signed = await signPdf(input({ p12: makeTestP12({ passphrase: PASSPHRASE, keyUsage }) }));
      expect(pdfsig(save('usage.pdf', signed))).toContain('Signature is Valid');
    }
  });

  const refusals: [string, () => Partial<SignPdfInput>, SignErrorCode][] = [
    ['a wrong passphrase', () => ({ passphrase: 'verkeerd' }), 'bad-passphrase'],
    [
      'an expired certificate',
      () => ({ p12: makeTestP12({ passphrase: PASSPHRASE, notBefore: daysFromNow(-400), notAfter: daysFromNow(-1) }) }),
      'expired-certificate',
    ],
    [
      'a certificate not valid yet',
      () => ({ p12: makeTestP12({ passphrase: PASSPHRASE, notBefore: daysFromNow(2), notAfter: daysFromNow(400) }) }),
      'not-yet-valid-certificate',
    ],
    [
      'a certificate for encryption only',
      () => ({ p12: makeTestP12({ passphrase: PASSPHRASE, keyUsage: { keyEncipherment: true } }) }),
      'no-signing-key-usage',
    ],
    ['a bare X.509 certificate', () => ({ p12: makeTestDerCertificate() }), 'not-pkcs12'],
    ['a PEM text file', () => ({ p12: new TextEncoder().encode('-----BEGIN CERTIFICATE-----\nMIIB\n') }), 'not-pkcs12'],
    ['corrupt bytes', () => ({ p12: Uint8Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256) }), 'not-pkcs12'],
    ['a truncated PKCS#12 file', () => ({ p12: makeTestP12({ passphrase: PASSPHRASE }).subarray(0, 900) }), 'not-pkcs12'],
    ['an empty file', () => ({ p12: new Uint8Array() }), 'not-pkcs12'],
    ['a PKCS#12 file without private key', () => ({ p12: makeTestP12({ passphrase: PASSPHRASE, withoutKey: true }) }), 'no-private-key'],
    ['a file that is not a PDF', () => ({ pdf: new TextEncoder().encode('geen pdf') }), 'bad-pdf'],
    ['a truncated PDF', () => ({ pdf: minutesPdf.subarray(0, minutesPdf.length - 200) }), 'bad-pdf'],
    ['an invalid signing time', () => ({ signingTime: 'gisteren' }), 'failed'],
    ['a widget rectangle that is not numbers', () => ({ widgetRect: [0, 0, Number.NaN, 10] }), 'failed'],
  ];

  for (const [what, overrides, code] of refusals) {
    it(`refuses ${what} with "${code}" and returns nothing`, async () => {
      const original = minutesPdf.slice();
      expect(await signError(signPdf(input(overrides())))).toBe(code);
      expect(minutesPdf).toEqual(original);
    });
  }

  it('refuses to sign an already signed PDF again', async () => {
    const signed = await signPdf(input());
    expect(await signError(signPdf(input({ pdf: signed })))).toBe('bad-pdf');
  });

  /** A PKCS#12 file made by the OpenSSL 3 CLI with its defaults (AES-256, PBKDF2, SHA-256 MAC). */
  function opensslP12(name: string, newKey: string[]): Uint8Array {
    const key = join(workDir, `openssl-${name}-key.pem`);
    const cert = join(workDir, `openssl-${name}-cert.pem`);
    const p12 = join(workDir, `openssl-${name}.p12`);
    const run = (args: string[]) => {
      const result = spawnSync('openssl', args, { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
    };
    run(['req', '-x509', ...newKey, '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-sha256',
      '-subj', '/CN=Test Secretaris (fictief)/O=Fictieve Organisatie', '-addext', 'keyUsage=critical,digitalSignature']);
    run(['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${PASSPHRASE}`]);
    return new Uint8Array(readFileSync(p12));
  }

  it('refuses an elliptic-curve key, which node-forge cannot sign with, as "no-private-key"', async () => {
    const p12 = opensslP12('ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']);
    expect(await signError(signPdf(input({ p12, signingTime: new Date(Date.now() + 2000) })))).toBe('no-private-key');
  });

  it('signs with a PKCS#12 file made by OpenSSL 3 (AES-256, PBKDF2, SHA-256 MAC)', async () => {
    const p12 = opensslP12('rsa', ['-newkey', 'rsa:2048']);
    // OpenSSL's certificate starts now, after the shared signing time: sign a moment later.
    const signed = await signPdf(input({ p12, signingTime: new Date(Date.now() + 2000) }));
    expect(pdfsig(save('openssl-signed.pdf', signed))).toContain('Signature is Valid');
  });
});

describe('only approved minutes are signed', () => {
  it('refuses concept minutes with "not-approved"', async () => {
    const concept = { ...fictionalMinutes(1), status: 'concept' as const, approvedAt: null, approvedBy: null };
    expect(() => assertSignable(concept)).toThrow(expect.objectContaining({ code: 'not-approved' }));
    expect(() => assertSignable(fictionalMinutes(1))).not.toThrow();
    const rendering = renderMinutesPdf(concept, {
      signature: { signerName: 'X', role: 'Secretaris', organisation: 'ZVH', location: 'Rotterdam', signingTime: signingTime.toISOString() },
    });
    await expect(rendering).rejects.toMatchObject({ code: 'not-approved' });
  });
});

describe('signErrorMessage', () => {
  it('has a Dutch and an English message for every code', () => {
    const codes: SignErrorCode[] = [
      'bad-passphrase', 'not-pkcs12', 'expired-certificate', 'not-yet-valid-certificate',
      'no-signing-key-usage', 'no-private-key', 'bad-pdf', 'failed', 'not-approved',
    ];
    for (const code of codes) {
      expect(signErrorMessage(code).length).toBeGreaterThan(20);
      expect(signErrorMessage(code, 'en')).not.toBe(signErrorMessage(code, 'nl'));
    }
    expect(signErrorMessage('bad-passphrase')).toMatch(/^Het wachtwoord van het certificaat klopt niet\./);
    expect(signErrorMessage('not-approved')).toContain('vastgesteld');
  });
});
