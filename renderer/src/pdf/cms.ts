import forge from 'node-forge';
import { bytesToLatin1, latin1ToBytes } from './latin1';
import type { SigningIdentity } from './signingIdentity';

function oid(name: string): string {
  const value = forge.pki.oids[name];
  if (value === undefined) throw new Error(`node-forge lacks OID ${name}`);
  return value;
}

/**
 * A detached CMS (PKCS#7) SignedData over `content`, SHA-256 with RSA, as
 * adbe.pkcs7.detached wants: signed attributes contentType, signingTime and
 * messageDigest, the whole certificate chain included. Returns DER bytes.
 */
export function detachedCms(content: Uint8Array, identity: SigningIdentity, signingTime: Date): Uint8Array {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(bytesToLatin1(content));
  for (const certificate of identity.chain) p7.addCertificate(certificate);
  p7.addSigner({
    key: identity.key,
    certificate: identity.certificate,
    digestAlgorithm: oid('sha256'),
    authenticatedAttributes: [
      { type: oid('contentType'), value: oid('data') },
      // node-forge parses an ISO string into UTCTime.
      { type: oid('signingTime'), value: signingTime.toISOString() },
      { type: oid('messageDigest') },
    ],
  });
  p7.sign({ detached: true });
  return latin1ToBytes(forge.asn1.toDer(p7.toAsn1()).getBytes());
}
