/**
 * `npm run admin -- retention set <caseType> <months>`, `retention list`,
 * `retention run [--now ISO-time]` and `deletions list`: retention periods per case type and
 * the deletion of closed cases past theirs (docs/privacy.md). `run` reads each closed case's
 * type and status from its document, so it needs the data key; the others do not. Output holds
 * room ids, case numbers, types and dates, never content.
 */
import { adminActor, createAuditLog } from '../storage/audit';
import { DataDirError, openKeyedStore } from '../storage/keyed-data-dir';
import { openStorage, type StorageTarget } from '../storage/open';
import { createRoomStore } from '../storage/room-store';
import type { Sql } from '../storage/sql';
import type { ContentCipher } from '../storage/content-cipher';
import { createRetention, defaultRetentionMonths, RetentionError } from '../privacy/retention';

/** Usage lines (appended to the admin CLI's usage). */
export const retentionUsage = `  retention set <casustype> <maanden>
  retention list
  retention run [--now ISO-tijd]
  deletions list`;

class RetentionUsageError extends Error {}

/** Runs a `retention …` or `deletions …` command; returns the exit code (0 done, 1 refused, 2 usage). */
export async function runRetentionCommand(words: string[], flags: Record<string, string | boolean | undefined>, target: StorageTarget): Promise<number> {
  const out = (text: string): void => void process.stdout.write(text + '\n');
  const [group, verb, ...rest] = words;
  const command = `${group ?? ''} ${verb ?? ''}`.trim();
  let opened: { sql: Sql; cipher: ContentCipher | null } | null = null;
  try {
    if (!['retention set', 'retention list', 'retention run', 'deletions list'].includes(command)) {
      throw new RetentionUsageError('Onbekende opdracht; gebruik retention set, retention list, retention run of deletions list.');
    }
    opened = command === 'retention run' ? await openKeyedStore(target) : { sql: (await openStorage(target)).sql, cipher: null };
    const { sql, cipher } = opened;
    const audit = createAuditLog(sql);
    // Only `run` reads documents; a store without a cipher is never read by the others.
    const store = createRoomStore(sql, cipher ?? ({} as ContentCipher));
    const retention = createRetention(sql, store, audit);
    switch (command) {
      case 'retention set': {
        const [caseType, months] = rest;
        if (!caseType || !months || !/^\d+$/u.test(months)) throw new RetentionUsageError('retention set <casustype> <maanden>');
        await retention.setRule(caseType, Number(months), adminActor);
        out(`Bewaartermijn voor ${caseType}: ${Number(months)} maanden na afsluiten.`);
        return 0;
      }
      case 'retention list': {
        for (const rule of await retention.rules()) out(`${rule.caseType}\t${rule.months} maanden\tingesteld ${rule.setAt} door ${rule.setBy}`);
        out(`Andere typen: ${defaultRetentionMonths} maanden na afsluiten (standaard).`);
        return 0;
      }
      case 'retention run': {
        const nowFlag = typeof flags.now === 'string' ? flags.now : undefined;
        const now = nowFlag === undefined ? new Date() : new Date(nowFlag);
        if (Number.isNaN(now.getTime()) || (nowFlag !== undefined && !/^\d{4}-\d{2}-\d{2}T/u.test(nowFlag))) throw new RetentionUsageError('--now is een ISO-tijd, bijvoorbeeld 2028-01-01T00:00:00Z');
        const made = await retention.run(now, adminActor);
        for (const record of made) out(`Verwijderd\t${record.room}\t${record.caseNumber ?? '(geen nummer)'}\t${record.rule}`);
        out(`${made.length} casus(sen) verwijderd na de bewaartermijn.`);
        return 0;
      }
      default: {
        for (const record of await retention.deletions()) {
          out(`${record.deletedAt}\t${record.room}\t${record.caseNumber ?? '(geen nummer)'}\t${record.caseType ?? '(onbekend type)'}\tafgesloten ${record.closedAt}\t${record.rule}`);
        }
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof RetentionUsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof RetentionError || error instanceof DataDirError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await opened?.sql.close();
  }
}
