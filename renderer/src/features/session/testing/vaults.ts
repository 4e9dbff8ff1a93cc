/** Test helper: vaults on one fake IndexedDB (one "browser profile"), cheap PBKDF2. Tests only. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openVault } from '../../../vault';
import { testIterations } from '../../../vault/test-support';
import type { OpenVault } from '../signIn';

/** An `openVault` over a fresh fake IndexedDB; pass the same profile to reopen after a "reload". */
export function fakeProfile(indexedDB: IDBFactory = new IDBFactory()): { indexedDB: IDBFactory; openVault: OpenVault } {
  return {
    indexedDB,
    openVault: (serverUrl, username) =>
      openVault({ serverUrl, username, indexedDB, IDBKeyRange, unsafeTestIterations: testIterations }),
  };
}
