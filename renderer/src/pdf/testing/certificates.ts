// Test certificates made on the spot with node-forge: a fictional CA and signer,
// packed as PKCS#12. Only for tests and benchmarks; nothing here is a real identity.
import forge from 'node-forge';

/** Key usage bits to put in the signer certificate; null leaves the extension out. */
export type TestKeyUsage = { digitalSignature?: boolean; nonRepudiation?: boolean; keyEncipherment?: boolean } | null;

/** What kind of test certificate to make. */
export interface TestIdentityOptions {
  passphrase?: string;
  notBefore?: Date;
  notAfter?: Date;
  keyUsage?: TestKeyUsage;
  commonName?: string;
  /** Leave the private key out of the PKCS#12 file. */
  withoutKey?: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
let keys: { ca: forge.pki.rsa.KeyPair; signer: forge.pki.rsa.KeyPair } | null = null;

// Key generation is the slow part; one CA key and one signer key serve every test certificate.
function testKeys() {
  keys ??= {
    ca: forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }),
    signer: forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }),
  };
  return keys;
}

function serial(): string {
  return `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
}

function caCertificate(): forge.pki.Certificate {
  const { ca } = testKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = ca.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 3650 * DAY);
  cert.validity.notAfter = new Date(Date.now() + 3650 * DAY);
  const name = [
    { name: 'commonName', value: 'Themakamer Test CA (fictief)' },
    { name: 'organizationName', value: 'Fictieve Test Organisatie' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true },
  ]);
  cert.sign(ca.privateKey, forge.md.sha256.create());
  return cert;
}

/** The signer certificate (issued by the test CA) and the CA certificate. */
export function makeTestCertificates(options: TestIdentityOptions = {}): forge.pki.Certificate[] {
  const { ca, signer } = testKeys();
  const caCert = caCertificate();
  const cert = forge.pki.createCertificate();
  cert.publicKey = signer.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - 30 * DAY);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * DAY);
  cert.setSubject([
    { name: 'commonName', value: options.commonName ?? 'Ruud van IJzendoorn (fictief)' },
    { name: 'organizationName', value: 'Zorg- en Veiligheidshuis (fictief)' },
    { name: 'countryName', value: 'NL' },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  const keyUsage =
    options.keyUsage === undefined ? { digitalSignature: true, nonRepudiation: true } : options.keyUsage;
  cert.setExtensions(keyUsage === null ? [] : [{ name: 'keyUsage', critical: true, ...keyUsage }]);
  cert.sign(ca.privateKey, forge.md.sha256.create());
  return [cert, caCert];
}

/** A PKCS#12 file (DER bytes) with the signer's key, certificate and CA certificate. */
export function makeTestP12(options: TestIdentityOptions = {}): Uint8Array {
  const certificates = makeTestCertificates(options);
  const key = options.withoutKey ? null : testKeys().signer.privateKey;
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certificates, options.passphrase ?? 'fictief-wachtwoord', {
    algorithm: 'aes256',
    friendlyName: 'Themakamer test',
  });
  return Uint8Array.from(forge.asn1.toDer(asn1).getBytes(), (char) => char.charCodeAt(0));
}

/** A DER X.509 certificate: a real certificate file, but not PKCS#12. */
export function makeTestDerCertificate(): Uint8Array {
  const [cert] = makeTestCertificates();
  if (!cert) throw new Error('no certificate');
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return Uint8Array.from(der, (char) => char.charCodeAt(0));
}

/** Validity dates relative to now, for expired and not-yet-valid certificates. */
export const daysFromNow = (days: number): Date => new Date(Date.now() + days * DAY);
