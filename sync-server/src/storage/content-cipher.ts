/**
 * AES-256-GCM for document payloads at rest. Each value gets a fresh 12-byte IV and is
 * bound (as associated data) to what it is and where it belongs, so a row copied into
 * another room or table fails to decrypt instead of leaking or corrupting a document.
 */
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';

const formatVersion = 1;
const ivBytes = 12;
const tagBytes = 16;

/** Encrypts and decrypts payloads with one key. */
export interface ContentCipher {
  encrypt(plain: Uint8Array, context: string): Buffer;
  decrypt(sealed: Uint8Array, context: string): Uint8Array;
}

/** A stored value failed authentication: wrong key, or the file was altered. */
export class SealError extends Error {
  override name = 'SealError';
}

/** Creates a cipher for a 32-byte key. */
export function createContentCipher(rawKey: Buffer): ContentCipher {
  if (rawKey.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  // One KeyObject for every call: a raw key is copied into a new one per createCipheriv.
  const key = createSecretKey(rawKey);
  // Random IVs drawn from a pooled CSPRNG buffer: one getrandom call per 512 values
  // instead of one per stored update (this sits on the path from edit to relay).
  let pool = Buffer.alloc(0);
  let poolOffset = 0;
  const nextIv = (): Buffer => {
    if (poolOffset + ivBytes > pool.length) {
      pool = randomBytes(ivBytes * 512);
      poolOffset = 0;
    }
    const iv = pool.subarray(poolOffset, poolOffset + ivBytes);
    poolOffset += ivBytes;
    return iv;
  };
  return {
    encrypt(plain, context) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = cipher.update(plain);
      cipher.final();
      const sealed = Buffer.allocUnsafe(1 + ivBytes + tagBytes + body.length);
      sealed[0] = formatVersion;
      iv.copy(sealed, 1);
      cipher.getAuthTag().copy(sealed, 1 + ivBytes);
      body.copy(sealed, 1 + ivBytes + tagBytes);
      return sealed;
    },
    decrypt(sealed, context) {
      if (sealed.length < 1 + ivBytes + tagBytes || sealed[0] !== formatVersion) {
        throw new SealError('Stored value has an unknown format');
      }
      const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 1 + ivBytes));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(buf.subarray(1 + ivBytes, 1 + ivBytes + tagBytes));
      try {
        return new Uint8Array(Buffer.concat([decipher.update(buf.subarray(1 + ivBytes + tagBytes)), decipher.final()]));
      } catch {
        throw new SealError('Stored value failed authentication (wrong data key or altered file)');
      }
    },
  };
}
