/**
 * The vault's cryptography, WebCrypto only (browser, Electron renderer and Node 20 alike).
 *
 * A random AES-GCM 256 data key encrypts every row; it is stored wrapped by a key derived
 * from the password (PBKDF2-SHA256). Unwrapping is the password check (GCM authenticates),
 * so the wrapped key doubles as the verifier, and a password change rewraps one key instead
 * of re-encrypting every row. Keys in memory are non-extractable.
 */
import { VaultError } from './errors';

/** PBKDF2 iterations for new vaults (OWASP 2023 for PBKDF2-HMAC-SHA256). */
export const defaultIterations = 600_000;

/** An encrypted value as stored: fresh 12-byte IV and ciphertext with its GCM tag. */
export interface Sealed {
  iv: Uint8Array;
  data: Uint8Array;
}

/** The password-wrapped data key and how to derive the wrapping key again. */
export interface WrappedKey {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  salt: Uint8Array;
  iv: Uint8Array;
  data: Uint8Array;
}

const subtle = (): SubtleCrypto => {
  // Undefined outside a secure context (a web build opened over plain http from another host).
  const api = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!api) throw new VaultError('no-webcrypto');
  return api;
};
const encoder = new TextEncoder();
/** Binds a wrapped key to its purpose, so no row ciphertext can pose as one. */
const wrapContext = encoder.encode('themakamer-vault-key-v1');

const randomBytes = (length: number): Uint8Array<ArrayBuffer> => globalThis.crypto.getRandomValues(new Uint8Array(length));

async function deriveWrappingKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** Creates a fresh data key and wraps it with `password`; returns the in-memory key and what to store. */
export async function createDataKey(password: string, iterations = defaultIterations): Promise<{ key: CryptoKey; wrapped: WrappedKey }> {
  const fresh = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const wrapped = await wrapDataKey(fresh, password, iterations);
  // The generated key object is extractable; keep only a non-extractable copy in memory.
  return { key: await unwrapDataKey(password, wrapped), wrapped };
}

async function wrapDataKey(key: CryptoKey, password: string, iterations: number): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const wrappingKey = await deriveWrappingKey(password, salt, iterations);
  const data = new Uint8Array(await subtle().wrapKey('raw', key, wrappingKey, { name: 'AES-GCM', iv, additionalData: wrapContext }));
  return { kdf: 'PBKDF2-SHA256', iterations, salt, iv, data };
}

/** Unwraps the data key (non-extractable); a wrong password fails with `bad-password`. */
export async function unwrapDataKey(password: string, wrapped: WrappedKey, extractable = false): Promise<CryptoKey> {
  const wrappingKey = await deriveWrappingKey(password, new Uint8Array(wrapped.salt), wrapped.iterations);
  try {
    return await subtle().unwrapKey(
      'raw', new Uint8Array(wrapped.data), wrappingKey,
      { name: 'AES-GCM', iv: new Uint8Array(wrapped.iv), additionalData: wrapContext },
      { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt'],
    );
  } catch {
    throw new VaultError('bad-password');
  }
}

/** Rewraps the data key under a new password (new salt); `current` must unwrap it. */
export async function rewrapDataKey(current: string, next: string, wrapped: WrappedKey, iterations = defaultIterations): Promise<WrappedKey> {
  const key = await unwrapDataKey(current, wrapped, true);
  return wrapDataKey(key, next, iterations);
}

/** Encrypts with a fresh IV; `context` (e.g. `update\0case:…`) binds the ciphertext to its place. */
export async function seal(key: CryptoKey, plaintext: Uint8Array, context: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, new Uint8Array(plaintext));
  return { iv, data: new Uint8Array(data) };
}

/** Decrypts what {@link seal} produced for the same context; tampering fails with `corrupt`. */
export async function open(key: CryptoKey, sealed: Sealed, context: string, id: string): Promise<Uint8Array> {
  try {
    const data = await subtle().decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(sealed.iv), additionalData: encoder.encode(context) }, key, new Uint8Array(sealed.data),
    );
    return new Uint8Array(data);
  } catch {
    throw new VaultError('corrupt', id);
  }
}

/** Checks the shape of a stored wrapped key (read from IndexedDB, so untyped). */
export function isWrappedKey(value: unknown): value is WrappedKey {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.kdf === 'PBKDF2-SHA256'
    && typeof v.iterations === 'number' && Number.isInteger(v.iterations) && v.iterations > 0
    && v.salt instanceof Uint8Array && v.iv instanceof Uint8Array && v.data instanceof Uint8Array;
}
