/**
 * Wrapping the local vault key with the OS keychain (Electron safeStorage), so the
 * desktop app can reopen the vault without asking for the password every time.
 * When no real keychain is available the answer is `available: false`: the renderer
 * then keeps asking for the password rather than storing a weakly protected key.
 */
import type { SafeStorage } from 'electron';
import type { KeyWrapResult } from '../contract';

/** What this needs from safeStorage. */
export type KeyStore = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

const UNAVAILABLE: KeyWrapResult = { available: false, data: null };

/**
 * Whether wrapping protects anything. On Linux without a secret service Chromium
 * falls back to 'basic_text', a key compiled into every copy of Chromium.
 */
export async function keychainUsable(store: KeyStore, platform: NodeJS.Platform): Promise<boolean> {
  if (!(await store.isAsyncEncryptionAvailable())) return false;
  if (platform !== 'linux') return true;
  const backend = store.getSelectedStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

/** Makes the 'key-wrap' and 'key-unwrap' handlers. */
export function createVaultKey(store: KeyStore, platform: NodeJS.Platform) {
  // safeStorage encrypts strings; base64 carries the raw key bytes through unchanged.
  async function wrapKey(key: Uint8Array): Promise<KeyWrapResult> {
    if (!(await keychainUsable(store, platform))) return UNAVAILABLE;
    const wrapped = await store.encryptStringAsync(Buffer.from(key).toString('base64'));
    return { available: true, data: new Uint8Array(wrapped) };
  }

  async function unwrapKey(wrapped: Uint8Array): Promise<KeyWrapResult> {
    if (!(await keychainUsable(store, platform))) return UNAVAILABLE;
    try {
      const { result } = await store.decryptStringAsync(Buffer.from(wrapped));
      const key = Buffer.from(result, 'base64');
      // A wrapped blob from another keychain or a damaged one decrypts to garbage or throws.
      if (key.length === 0 || key.toString('base64') !== result) return { available: true, data: null };
      return { available: true, data: new Uint8Array(key) };
    } catch {
      return { available: true, data: null };
    }
  }

  return { wrapKey, unwrapKey };
}
