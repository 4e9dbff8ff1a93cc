/**
 * `npm run admin -- migrate --from-data-dir D --to-database-url URL`, `backup --to FILE` and
 * `restore --from FILE` (with --data-dir or --database-url): moving a whole store, verified
 * (storage/transfer.ts). Output: counts, rooms, audit entries and time; ids, never names.
 */
import { DataDirError } from '../storage/keyed-data-dir';
import type { StorageTarget } from '../storage/open';
import { backup, CopyError, migrate, restore, type TransferSummary } from '../storage/transfer';
import { DataKeyError } from '../storage/data-key';
import { StoreInUseError } from '../storage/store-lock';

/** Usage lines (appended to the admin CLI's usage). */
export const transferUsage = `  migrate --from-data-dir MAP --to-database-url postgres://…   (THEMAKAMER_DATA_KEY = de sleutel van MAP)
  backup --to BESTAND        (met --data-dir of --database-url)
  restore --from BESTAND     (naar een lege --data-dir of --database-url; THEMAKAMER_DATA_KEY of data.key)`;

/** Options of the transfer commands. */
export const transferOptions = {
  'from-data-dir': { type: 'string' },
  'to-database-url': { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
} as const;

/** Whether `words` is a transfer command. */
export const isTransferCommand = (words: string[]): boolean => ['migrate', 'backup', 'restore'].includes(words[0] ?? '');

const summary = (result: TransferSummary): string => {
  const tables = Object.entries(result.rows).filter(([, rows]) => rows > 0).map(([table, rows]) => `${table} ${rows}`).join(', ');
  return `${result.rooms} kamers, ${result.auditEntries} auditregels (keten intact); rijen: ${tables || 'geen'}; ${(result.ms / 1000).toFixed(1)} s.`;
};

/** Runs migrate, backup or restore; returns the exit code (0 done and verified, 1 refused or not verified, 2 usage). */
export async function runTransferCommand(words: string[], flags: Record<string, string | boolean | undefined>, target: StorageTarget): Promise<number> {
  const out = (text: string): void => void process.stdout.write(text + '\n');
  const flag = (name: string): string | undefined => (typeof flags[name] === 'string' ? flags[name] : undefined);
  const dataKey = process.env.THEMAKAMER_DATA_KEY ?? null;
  const usage = (line: string): number => {
    process.stderr.write(`${line}\n\nGebruik:\n${transferUsage}\n`);
    return 2;
  };
  try {
    switch (words[0]) {
      case 'migrate': {
        const fromDataDir = flag('from-data-dir');
        const toDatabaseUrl = flag('to-database-url') ?? process.env.THEMAKAMER_DATABASE_URL;
        if (!fromDataDir || !toDatabaseUrl) return usage('migrate --from-data-dir MAP --to-database-url postgres://…');
        const result = await migrate({ fromDataDir, toDatabaseUrl, dataKey });
        out(`Gemigreerd en gecontroleerd (elke kamer gelijk aan de bron): ${summary(result)}`);
        out('Start de servers met --database-url en dezelfde THEMAKAMER_DATA_KEY.');
        return 0;
      }
      case 'backup': {
        const file = flag('to');
        if (!file) return usage('backup --to BESTAND');
        const result = await backup(target, file);
        out(`Back-up geschreven naar ${file} (${result.bytes} bytes, inhoud versleuteld): ${summary(result)}`);
        return 0;
      }
      case 'restore': {
        const file = flag('from');
        if (!file) return usage('restore --from BESTAND');
        const result = await restore(file, target, dataKey);
        out(`Teruggezet uit ${file} (${result.backend}-back-up van ${result.createdAt}) en gecontroleerd (elke kamer opent): ${summary(result)}`);
        return 0;
      }
    }
    return usage('Onbekende opdracht.');
  } catch (error) {
    if (error instanceof CopyError || error instanceof DataDirError || error instanceof DataKeyError || error instanceof StoreInUseError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
