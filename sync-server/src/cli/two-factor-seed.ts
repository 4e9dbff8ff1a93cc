/**
 * Enrols users in two-factor sign-in with secrets chosen by the caller, straight into the
 * store: for the demo and the e2e fixtures, which print or compute the codes. Operators never
 * need it (users enrol themselves at their first sign-in). It loads the data key the way the
 * server does (THEMAKAMER_DATA_KEY, or data.key in the data dir, created on first use), because
 * secrets are sealed with the content cipher.
 */
import { adminActor, createAuditLog } from '../storage/audit';
import { createContentCipher } from '../storage/content-cipher';
import { loadDataKey, requireEnvDataKey } from '../storage/data-key';
import { openStorage, type StorageTarget } from '../storage/open';
import { createDirectory } from '../access/directory';
import { createTwoFactor } from '../access/two-factor';

/** A user and the base32 TOTP secret to enrol them with. */
export interface SeededSecret { username: string; secret: string }

/** Enrols each user with their secret (replacing an earlier enrolment); no code is spent yet. */
export async function seedTwoFactor(target: StorageTarget, entries: readonly SeededSecret[], dataKey: string | null = process.env.THEMAKAMER_DATA_KEY ?? null): Promise<void> {
  const key = target.databaseUrl ? requireEnvDataKey(dataKey) : loadDataKey(target.dataDir, dataKey);
  const { sql } = await openStorage(target);
  try {
    const audit = createAuditLog(sql);
    const directory = createDirectory(sql, audit);
    const twoFactor = createTwoFactor(sql, createContentCipher(key));
    for (const { username, secret } of entries) {
      if (await twoFactor.isEnrolled(username)) await directory.resetTwoFactor(username, adminActor);
      if ((await twoFactor.enrol(username, secret, null)) === null) throw new Error(`two-factor enrolment of ${username} raced another`);
      await audit.append({ event: 'mfa-enrol', actor: adminActor, target: username });
    }
  } finally {
    await sql.close();
  }
}
