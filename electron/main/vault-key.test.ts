import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVaultKey, type KeyStore } from './vault-key';

/**
 * The OS keychain is the edge. This stand-in encrypts for real (AES-256-GCM under a
 * key only it holds), so a wrapped key is opaque and tampering is detected, as with safeStorage.
 */
function fakeKeychain(options: { available?: boolean; backend?: ReturnType<KeyStore['getSelectedStorageBackend']> } = {}): KeyStore {
  const secret = randomBytes(32);
  return {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
    },
    decryptStringAsync: async (blob) => {
      if (blob.subarray(0, 3).toString() !== 'v11') throw new Error('unknown prefix');
      const decipher = createDecipheriv('aes-256-gcm', secret, blob.subarray(3, 15));
      decipher.setAuthTag(blob.subarray(15, 31));
      const result = Buffer.concat([decipher.update(blob.subarray(31)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: false };
    },
  };
}

const vaultKey = new Uint8Array(randomBytes(32));

describe('vault key wrapping', () => {
  it('round-trips the key through the keychain, and the wrapped form does not contain it', async () => {
    const { wrapKey, unwrapKey } = createVaultKey(fakeKeychain(), 'linux');
    const wrapped = await wrapKey(vaultKey);
    expect(wrapped.available).toBe(true);
    const blob = Buffer.from(wrapped.data!);
    expect(blob.includes(Buffer.from(vaultKey))).toBe(false);
    expect(blob.includes(Buffer.from(Buffer.from(vaultKey).toString('base64')))).toBe(false);
    expect(await unwrapKey(wrapped.data!)).toEqual({ available: true, data: vaultKey });
  });

  it('returns no key (but available) for a damaged or foreign blob', async () => {
    const { wrapKey, unwrapKey } = createVaultKey(fakeKeychain(), 'win32');
    const wrapped = (await wrapKey(vaultKey)).data!;
    const damaged = new Uint8Array(wrapped);
    damaged[damaged.length - 1]! ^= 1;
    expect(await unwrapKey(damaged)).toEqual({ available: true, data: null });
    const foreign = (await createVaultKey(fakeKeychain(), 'win32').wrapKey(vaultKey)).data!;
    expect(await unwrapKey(foreign)).toEqual({ available: true, data: null });
  });

  it('reports unavailable when the OS has no keychain', async () => {
    const { wrapKey, unwrapKey } = createVaultKey(fakeKeychain({ available: false }), 'darwin');
    expect(await wrapKey(vaultKey)).toEqual({ available: false, data: null });
    expect(await unwrapKey(new Uint8Array(40))).toEqual({ available: false, data: null });
  });

  it('on Linux refuses the basic_text fallback, whose key ships with every Chromium', async () => {
    const { wrapKey } = createVaultKey(fakeKeychain({ backend: 'basic_text' }), 'linux');
    expect(await wrapKey(vaultKey)).toEqual({ available: false, data: null });
    // On other platforms the Linux backend name is not consulted.
    expect((await createVaultKey(fakeKeychain({ backend: 'basic_text' }), 'win32').wrapKey(vaultKey)).available).toBe(true);
  });
});
