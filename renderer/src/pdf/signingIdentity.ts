import forge from 'node-forge';
import { bytesToLatin1 } from './latin1';
import { SignError } from './signErrors';

/** The key and certificates taken from a PKCS#12 file, checked for signing. */
export interface SigningIdentity {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  /** Every certificate in the file (the signer's and its CA chain), for the CMS. */
  chain: forge.pki.Certificate[];
}

function parsePkcs12(p12: Uint8Array, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytesToLatin1(p12)));
  } catch {
    throw new SignError('not-pkcs12', 'not DER');
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    // node-forge says "Invalid password?" / "wrong password?" / "Failed to decrypt".
    if (/password|decrypt/i.test(message)) throw new SignError('bad-passphrase');
    throw new SignError('not-pkcs12', 'not a PKCS#12 PFX');
  }
}

function privateKeyOf(pfx: forge.pkcs12.Pkcs12Pfx): forge.pki.rsa.PrivateKey {
  for (const bagType of [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag]) {
    if (bagType === undefined) continue;
    for (const bag of pfx.getBags({ bagType })[bagType] ?? []) {
      // node-forge reads RSA keys only; other key types come back as null.
      if (bag.key) return bag.key;
    }
  }
  throw new SignError('no-private-key', 'no RSA private key in the file');
}

function certificatesOf(pfx: forge.pkcs12.Pkcs12Pfx): forge.pki.Certificate[] {
  const bagType = forge.pki.oids.certBag;
  if (bagType === undefined) return [];
  return (pfx.getBags({ bagType })[bagType] ?? []).flatMap((bag) => (bag.cert ? [bag.cert] : []));
}

function matches(key: forge.pki.rsa.PrivateKey, certificate: forge.pki.Certificate): boolean {
  const publicKey = certificate.publicKey as Partial<forge.pki.rsa.PublicKey>;
  return publicKey.n !== undefined && publicKey.e !== undefined && key.n.equals(publicKey.n) && key.e.equals(publicKey.e);
}

/**
 * Opens a PKCS#12 file and checks, before anything is signed, that it holds a key
 * with its certificate, valid at `signingTime`, allowed to sign. Throws `SignError`.
 */
export function loadSigningIdentity(p12: Uint8Array, passphrase: string, signingTime: Date): SigningIdentity {
  const pfx = parsePkcs12(p12, passphrase);
  const key = privateKeyOf(pfx);
  const chain = certificatesOf(pfx);
  const certificate = chain.find((candidate) => matches(key, candidate));
  if (!certificate) throw new SignError('no-private-key', 'no certificate matches the private key');

  if (signingTime.getTime() > certificate.validity.notAfter.getTime()) throw new SignError('expired-certificate');
  if (signingTime.getTime() < certificate.validity.notBefore.getTime()) throw new SignError('not-yet-valid-certificate');

  // When the extension is there it must allow signing; when absent, every use is allowed (RFC 5280).
  const keyUsage = certificate.getExtension('keyUsage') as { digitalSignature?: boolean; nonRepudiation?: boolean } | undefined;
  if (keyUsage && !keyUsage.digitalSignature && !keyUsage.nonRepudiation) throw new SignError('no-signing-key-usage');

  return { key, certificate, chain };
}
