/**
 * The local-first vault: one encrypted Dexie database per user and server.
 * - vault.ts: open/unlock/lock, the per-room update log with compaction, sealed JSON, session
 * - cipher.ts: WebCrypto (PBKDF2-wrapped AES-GCM data key, sealed rows)
 * - database.ts: the versioned IndexedDB schema
 * - session.ts, cache.ts: the remembered session and cached server lists (schema-checked on read)
 */
export { openVault, defaultCompactAfter, type PendingChanges, type Vault, type VaultOptions } from './vault';
export { VaultError, isVaultError, type VaultErrorCode } from './errors';
export { isSessionExpired, parseStoredSession, type StoredSession } from './session';
export { vaultName } from './vault-name';
export { cachedOrgs, cachedRooms, cachedUsers, type CachedList } from './cache';
export { defaultIterations } from './cipher';
export { loadReadReminders, saveReadReminders, loadReminderPreferences, saveReminderPreferences } from './reminderState';
